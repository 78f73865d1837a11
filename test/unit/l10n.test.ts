import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson } from '@vscode/l10n-dev';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, 'l10n', file), 'utf8')) as Record<string, string>;
let english: Record<string, string>;
let indonesian: Record<string, string>;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the translations of runtime messages (l10n/)', () => {
  before(() => {
    english = read('bundle.l10n.json');
    indonesian = read('bundle.l10n.id.json');
  });

  it('bundle.l10n.json holds exactly the messages the code passes to l10n.t (run `npm run l10n` after changing one)', async () => {
    const files = sources(path.join(root, 'src')).map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') }));
    const extracted = await getL10nJson(files);
    assert.deepEqual(Object.keys(english).sort(), Object.keys(extracted).sort());
  });

  it('translates every message into Bahasa Indonesia, keeping every placeholder and codicon', () => {
    assert.deepEqual(Object.keys(indonesian).sort(), Object.keys(english).sort());
    for (const [message, translation] of Object.entries(indonesian)) {
      assert.ok(translation.trim() !== '', message);
      assert.deepEqual(placeholders(translation), placeholders(message), message);
      assert.deepEqual(translation.match(/\$\([\w-]+\)/g) ?? [], message.match(/\$\([\w-]+\)/g) ?? [], message);
    }
  });

  describe('core messages, once the extension hands the Indonesian bundle to @vscode/l10n', () => {
    const text = '---\nname: Acme\nstage: demoo\nclose_date: 2026-02-30\n---\n';
    before(() => l10n.config({ contents: read('bundle.l10n.id.json') }));
    after(() => l10n.config({ contents: {} }));

    it('reports problems in Bahasa Indonesia, with the same codes and places', () => {
      const translated = readAccount('accounts/ae/acme.md', 'ae', text, defaultConfig()).problems;
      l10n.config({ contents: {} });
      const original = readAccount('accounts/ae/acme.md', 'ae', text, defaultConfig()).problems;
      l10n.config({ contents: indonesian });
      assert.deepEqual(translated.map(({ code, line, column }) => ({ code, line, column })), original.map(({ code, line, column }) => ({ code, line, column })));
      for (const [i, problem] of translated.entries()) {
        assert.notEqual(problem.message, original[i].message, `${problem.code} is still English: ${problem.message}`);
        assert.ok(problem.message.includes(problem.code === 'invalid-date' ? '2026-02-30' : 'demoo'), problem.message);
      }
    });
  });
});
