import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { AccountStore } from '../../src/core/index/store';
import { NodeFileSource } from '../../src/node/nodeFileSource';
import { parallelReader } from '../../src/node/parallelReader';
import { accountText } from './memorySource';

const workerScript = path.resolve(__dirname, '..', '..', '..', 'dist', 'accountWorker.js');

describe('parallelReader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-parallel-'));
  for (let i = 0; i < 60; i++) {
    const role = i % 2 ? 'ae' : 'am';
    const file = path.join(dir, 'accounts', role, `r${i % 3}`, `a${i}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, accountText({ name: `A${i}`, stage: role === 'ae' ? 'demo' : i === 10 ? 'demoo' : 'active', arr: i * 1000, ...(role === 'am' ? { contract_end: '2027-12-31' } : {}) }));
  }
  fs.writeFileSync(path.join(dir, 'accounts', 'ae', 'broken.md'), '---js\n{}\n---\n');

  it('indexes exactly what one thread indexes, on two threads', async () => {
    assert.ok(fs.existsSync(workerScript), 'the worker is built (node esbuild.js)');
    const single = new AccountStore(new NodeFileSource(dir));
    await single.load();
    const parallel = new AccountStore(new NodeFileSource(dir), { bulkRead: parallelReader(dir, { workerScript, threads: 2 }), bulkThreshold: 10, keepStamps: true });
    await parallel.load();
    const view = (store: AccountStore) =>
      [...store.allRecords()]
        .map((r) => JSON.stringify({ file: r.file, role: r.role, data: r.account?.data, stageLine: r.account?.keys.get('stage')?.line, problems: r.problems }))
        .sort();
    assert.deepEqual(view(parallel), view(single));
    assert.equal(parallel.size, 61);
    assert.deepEqual(parallel.problems().map((p) => p.code).sort(), ['front-matter-language', 'unknown-stage']);
    assert.ok(parallel.snapshot().length > 1000, 'stamps were kept for the snapshot');
  });

  it('reports the problems its workers find in the language it is given', async () => {
    const indonesian = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.id.json'), 'utf8'));
    // Every file has a problem, so every thread's share reports some.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-parallel-l10n-'));
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, 'accounts', 'ae', `a${i}.md`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, accountText({ name: `A${i}`, stage: 'demoo' }));
    }
    const english = new AccountStore(new NodeFileSource(dir));
    await english.load();
    l10n.config({ contents: indonesian });
    try {
      const parallel = new AccountStore(new NodeFileSource(dir), { bulkRead: parallelReader(dir, { workerScript, threads: 2, messages: indonesian }), bulkThreshold: 10 });
      await parallel.load();
      const single = new AccountStore(new NodeFileSource(dir));
      await single.load();
      const messages = (store: AccountStore) => store.problems().map((p) => `${p.file}: ${p.message}`).sort();
      assert.equal(parallel.problems().length, 40);
      assert.deepEqual(messages(parallel), messages(single));
      assert.deepEqual(messages(parallel).filter((m) => messages(english).includes(m)), [], 'no message is left in English');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
