import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsId = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.id.json'), 'utf8')) as Record<string, string>;
/** A manifest string as English users read it: `%key%` looked up in package.nls.json. */
const text = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? `MISSING ${key}`);
const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const sources = (fs.readdirSync(path.join(root, 'src', 'extension'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file: file.split(path.sep).join('/'), text: fs.readFileSync(path.join(root, 'src', 'extension', file), 'utf8') }));
const source = sources.map(({ text }) => text).join('\n');

describe('the extension manifest', () => {
  it('registers every command it contributes, and contributes every command it registers', () => {
    // Every command is registered through the CommandManager: `commands.register('handoff.…', handler)`.
    const registered = new Set([...source.matchAll(/\.register\(\s*'([\w.]+)'/g)].map((m) => m[1]));
    assert.deepEqual([...contributed].filter((id) => !registered.has(id)), [], 'contributed but never registered');
    assert.deepEqual([...registered].filter((id) => !contributed.has(id)), [], 'registered but not contributed');
  });

  it('registers commands one way: only the CommandManager calls registerCommand', () => {
    const direct = sources.filter(({ file, text }) => file !== 'commands/commandManager.ts' && /registerCommand\(/.test(text)).map(({ file }) => file);
    assert.deepEqual(direct, []);
  });

  it('menus and walkthrough links only name contributed commands; every command has the Handoff category', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus) as [string, { command: string }[]][]) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
    }
    for (const step of manifest.contributes.walkthroughs[0].steps) {
      for (const [, id] of text(step.description).matchAll(/\(command:([\w.]+)\)/g)) assert.ok(contributed.has(id), `${step.id}: ${id}`);
      for (const strings of [nls, nlsId]) {
        const markdown = step.media.markdown.replace(/^%(.+)%$/, (_: string, key: string) => strings[key] ?? `MISSING ${key}`);
        assert.ok(fs.existsSync(path.join(root, markdown)), markdown);
      }
    }
    for (const command of manifest.contributes.commands) assert.equal(text(command.category), 'Handoff', command.command);
  });

  it('declares its views in its own activity-bar container with an icon that exists', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.ok(fs.existsSync(path.join(root, container.icon)));
    assert.deepEqual(manifest.contributes.views[container.id].map((v: { id: string }) => v.id), ['handoff.pipeline', 'handoff.renewals', 'handoff.keyAccounts']);
    assert.ok(fs.existsSync(path.join(root, manifest.icon)));
    assert.ok(fs.existsSync(path.join(root, manifest.contributes.yamlValidation[0].url)));
  });
});

describe('the translations of the manifest', () => {
  it('has every %key% of package.json in English and in Bahasa Indonesia, and nothing else', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(keys)].sort(), Object.keys(nls).sort());
    assert.deepEqual(Object.keys(nlsId).sort(), Object.keys(nls).sort());
    for (const [key, value] of Object.entries(nlsId)) assert.ok(value.trim() !== '', key);
  });

  it('gives the walkthrough its pictures in each language, with the same code samples', () => {
    const media = Object.keys(nls).filter((key) => key.startsWith('walkthrough.media.'));
    assert.ok(media.length >= 5);
    for (const key of media) {
      assert.notEqual(nlsId[key], nls[key], `${key} points at the English page`);
      const codeOf = (file: string) => [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/```[\s\S]*?```/g)].map((m) => m[0]);
      assert.deepEqual(codeOf(nlsId[key]), codeOf(nls[key]), key);
    }
  });

  it('keeps the command links of the translated walkthrough working', () => {
    for (const [key, value] of Object.entries(nlsId)) {
      const english = [...nls[key].matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.deepEqual([...value.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]), english, key);
    }
  });
});
