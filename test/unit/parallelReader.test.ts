import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AccountStore } from '../../src/core/store';
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
    fs.writeFileSync(file, accountText({ name: `A${i}`, stage: role === 'ae' ? 'demo' : i === 10 ? 'demoo' : 'active', arr: i * 1000 }));
  }
  fs.writeFileSync(path.join(dir, 'accounts', 'ae', 'broken.md'), '---js\n{}\n---\n');

  it('indexes exactly what one thread indexes, on two threads', async () => {
    assert.ok(fs.existsSync(workerScript), 'the worker is built (node esbuild.js)');
    const single = new AccountStore(new NodeFileSource(dir));
    await single.load();
    const parallel = new AccountStore(new NodeFileSource(dir), { bulkRead: parallelReader(dir, workerScript, 2), bulkThreshold: 10, keepStamps: true });
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
});
