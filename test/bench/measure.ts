// Measures one workspace size in a process of its own (so heap numbers are its own), and prints one
// JSON line of medians in milliseconds. Run by bench.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import matter from 'gray-matter';
import { readAccount } from '../../src/core/read/accountRead';
import { splitFrontMatter } from '../../src/core/read/frontMatter';
import { isPlainYaml } from '../../src/core/read/plainYaml';
import { parseFrontMatterYaml } from '../../src/core/read/safeYaml';
import { readYamlData } from '../../src/core/read/yamlDocument';
import { planHandoff } from '../../src/core/edit/handoff';
import { groupAccounts } from '../../src/core/insight/pipeline';
import { overdueStepOf, staleContactOf } from '../../src/core/insight/reminders';
import { renewalOf, renewalsOf } from '../../src/core/insight/renewal';
import { AccountStore } from '../../src/core/index/store';
import { NodeFileSource } from '../../src/node/nodeFileSource';
import { parallelReader } from '../../src/node/parallelReader';
import { time } from './timing';

const workerScript = path.resolve(__dirname, '..', '..', '..', 'dist', 'accountWorker.js');

const TODAY = '2026-11-22';

/** The fastest plain listing measured here: a synchronous walk with file types. */
function walk(dir: string, relative = ''): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...walk(dir, child));
    else if (entry.name.endsWith('.md')) files.push(child);
  }
  return files;
}

async function main() {
  const [dir, countText] = process.argv.slice(2);
  const count = Number(countText);
  const reps = count >= 100_000 ? 3 : count >= 10_000 ? 5 : 9;
  const root = path.join(dir, 'accounts');
  const files = walk(root).map((file) => `accounts/${file}`);
  const results: Record<string, number> = { count: files.length };

  // The physical floor: list, read every file, find its fences.
  results.floor = await time(reps, () => {
    for (const file of walk(root)) splitFrontMatter(fs.readFileSync(path.join(root, file), 'utf8'));
  });
  results.statFloor = await time(reps, () => {
    for (const file of walk(root)) fs.statSync(path.join(root, file));
  });
  // What a straightforward extension does: the same with gray-matter's defaults on one thread.
  results.naive = await time(reps, () => {
    for (const file of walk(root)) matter(fs.readFileSync(path.join(root, file), 'utf8'));
    (matter as unknown as { clearCache(): void }).clearCache();
  });

  const options = { bulkRead: parallelReader(dir, { workerScript }), bulkThreshold: 2_000 };
  let store = new AccountStore(new NodeFileSource(dir));
  results.coldOneThread = await time(reps, async () => {
    store = new AccountStore(new NodeFileSource(dir));
    await store.load();
  });
  results.cold = await time(reps, async () => {
    store = new AccountStore(new NodeFileSource(dir), options);
    await store.load();
  });
  // VS Code reopened: the index restored from the snapshot the extension keeps, checked by size and mtime.
  const snapshotFile = path.join(dir, '..', `snapshot-${count}.json`);
  const stamped = new AccountStore(new NodeFileSource(dir), { ...options, keepStamps: true });
  await stamped.load();
  fs.writeFileSync(snapshotFile, stamped.snapshot());
  results.snapshotBytes = fs.statSync(snapshotFile).size;
  results.warm = await time(reps, async () => {
    store = new AccountStore(new NodeFileSource(dir), { ...options, keepStamps: true });
    await store.load(fs.readFileSync(snapshotFile, 'utf8'));
  });
  if (store.size !== files.length) throw new Error(`warm start indexed ${store.size} of ${files.length}`);

  // Heap per account: a fresh index, measured after full collections.
  store = undefined as unknown as AccountStore;
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  store = new AccountStore(new NodeFileSource(dir));
  await store.load();
  global.gc?.();
  results.heapPerAccount = (process.memoryUsage().heapUsed - before) / files.length;
  let frontMatterChars = 0;
  for (const file of files.slice(0, 1000)) {
    const split = splitFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (split.kind === 'ok') frontMatterChars += split.frontMatter.yaml.length;
  }
  results.frontMatterBytes = frontMatterChars / Math.min(1000, files.length);

  // The YAML reader alone, per front-matter: the index's (fast path on the plain subset) and YAML 1.2's parser.
  const yamls = files.slice(0, 1000).map((file) => {
    const split = splitFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8'));
    return split.kind === 'ok' ? split.frontMatter.yaml : '';
  });
  const perYaml = async (read: (yaml: string) => unknown) => (await time(reps, () => yamls.forEach(read))) / yamls.length;
  results.yamlIndex = await perYaml(parseFrontMatterYaml);
  results.yamlConformant = await perYaml(readYamlData);
  results.yamlPlainShare = yamls.filter(isPlainYaml).length / yamls.length;

  // One file at a time, as the watcher reports changes.
  const target = files[Math.floor(files.length / 2)];
  const full = path.join(dir, target);
  const original = fs.readFileSync(full, 'utf8');
  let flip = 0;
  results.update = await time(21, async () => {
    fs.writeFileSync(full, original.replace(/^arr: \d+/m, `arr: ${++flip}`));
    await store.refresh([target]);
  });
  fs.writeFileSync(full, original);
  const renamed = target.replace(/\.md$/, '-renamed.md');
  results.rename = await time(21, async () => {
    fs.renameSync(full, path.join(dir, renamed));
    await store.refresh([target, renamed]);
    fs.renameSync(path.join(dir, renamed), full);
    await store.refresh([target, renamed]);
  }) / 2;
  results.delete = await time(21, async () => {
    fs.unlinkSync(full);
    await store.refresh([target]);
    fs.writeFileSync(full, original);
    await store.refresh([target]);
  }) / 2;

  const accounts = store.accounts();
  results.grouping = await time(reps * 3, () => groupAccounts(store.accounts(), store.config, 'stage'));
  results.renewals = await time(reps * 3, () => renewalsOf(store.accounts(), store.config, TODAY));
  const am = accounts.find((a) => a.role === 'am' && a.data.contract_end)!;
  results.lenses = await time(201, () => {
    const account = store.get(am.file)!.account!;
    return [renewalOf(account, store.config, TODAY), staleContactOf(account, store.config, TODAY), overdueStepOf(account, store.config, TODAY), account.keys.get('contract_end')];
  });
  const ae = accounts.find((a) => a.role === 'ae')!;
  const aeText = fs.readFileSync(path.join(dir, ae.file), 'utf8');
  results.planHandoff = await time(201, () => {
    const record = readAccount(ae.file, 'ae', aeText, store.config).account!;
    return planHandoff({ file: ae.file, role: 'ae', text: aeText, name: record.name, stage: record.stage, data: record.data }, { to: 'am@example.com', today: TODAY, force: true }, store.config);
  });
  process.stdout.write(JSON.stringify(results) + '\n');
}

void main();
