// `npm run bench`: generates (once, cached in .cache/bench) realistic workspaces of 1k, 10k and 100k
// accounts, measures each size in a process of its own, and prints the medians with their ratios to
// the physical floor measured in the same run; then `handoff diff` over 2,000 changed accounts
// (measureDiff.ts) next to git reading the same bytes. Writes the numbers to .cache/bench/results.json.
//   npm run bench -- --sizes 1000,10000
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureWorkspace } from './generate';

const root = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(root, '.cache', 'bench');
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1_000, 10_000, 100_000];

type Results = Record<string, number>;

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(3));
const ratio = (n: number, d: number) => `${(n / d).toFixed(2)}×`;

function main() {
  const all: Record<string, Results> = {};
  for (const size of sizes) {
    const started = Date.now();
    const dir = ensureWorkspace(cacheDir, size);
    process.stderr.write(`[bench] ${size} accounts ready in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring…\n`);
    const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', path.join(__dirname, 'measure.js'), dir, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    all[size] = JSON.parse(output.trim().split('\n').pop()!);
  }
  const rows: [string, (r: Results) => string][] = [
    ['floor: list + read + fences (ms)', (r) => ms(r.floor)],
    ['floor: list + stat (ms)', (r) => ms(r.statFloor)],
    ['naive: + gray-matter, one thread (ms)', (r) => `${ms(r.naive)}  (${ratio(r.naive, r.floor)} floor)`],
    ['ours: cold index, one thread (ms)', (r) => `${ms(r.coldOneThread)}  (${ratio(r.coldOneThread, r.naive)} naive)`],
    ['ours: cold index, all cores (ms)', (r) => `${ms(r.cold)}  (${ratio(r.cold, r.floor)} floor, ${ratio(r.cold, r.naive)} naive)`],
    ['ours: warm start from snapshot (ms)', (r) => `${ms(r.warm)}  (${ratio(r.warm, r.statFloor)} stat floor; snapshot ${(r.snapshotBytes / 1e6).toFixed(1)} MB)`],
    ['YAML: index reader, per front-matter (ms)', (r) => `${ms(r.yamlIndex)}  (${ratio(r.yamlIndex, r.yamlConformant)} YAML 1.2 parser; ${(r.yamlPlainShare * 100).toFixed(0)} % plain)`],
    ['YAML: YAML 1.2 parser alone (ms)', (r) => ms(r.yamlConformant)],
    ['ours: update one file (ms)', (r) => ms(r.update)],
    ['ours: rename one file (ms)', (r) => ms(r.rename)],
    ['ours: delete one file (ms)', (r) => ms(r.delete)],
    ['ours: group by stage (ms)', (r) => ms(r.grouping)],
    ['ours: renewals of all AM accounts (ms)', (r) => ms(r.renewals)],
    ['ours: lenses of one file (ms)', (r) => ms(r.lenses)],
    ['ours: plan one handoff (ms)', (r) => ms(r.planHandoff)],
    ['heap per account (bytes)', (r) => `${r.heapPerAccount.toFixed(0)}  (front-matter text ${r.frontMatterBytes.toFixed(0)})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const header = ['', ...sizes.map((s) => `${s.toLocaleString('en-US')} accounts`)];
  const cells = rows.map(([label, f]) => [label.padEnd(width), ...sizes.map((s) => f(all[s]))]);
  const colWidths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(colWidths[i])).join('  ').trimEnd();
  process.stdout.write(`\n${line(header.map((h, i) => (i === 0 ? h.padEnd(width) : h)))}\n${cells.map(line).join('\n')}\n`);
  // `handoff diff` over 2,000 changed accounts, against git reading the same bytes.
  process.stderr.write('[bench] diff of 2,000 changed accounts…\n');
  const diffOutput = execFileSync(process.execPath, [path.join(__dirname, 'measureDiff.js'), cacheDir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const diff: Results = JSON.parse(diffOutput.trim().split('\n').pop()!);
  const diffRows: [string, string][] = [
    ['floor: git ls-tree + cat-file --batch of both revisions (ms)', ms(diff.floor)],
    ['ours: diff of two commits (ms)', `${ms(diff.commits)}  (${ratio(diff.commits, diff.floor)} floor)`],
    ['ours: diff of a commit and the working tree (ms)', `${ms(diff.workingTree)}  (${ratio(diff.workingTree, diff.floor)} floor)`],
    ['ours: `handoff diff BASE HEAD`, the whole process (ms)', ms(diff.cli)],
  ];
  const diffWidth = Math.max(...diffRows.map(([label]) => label.length));
  process.stdout.write(`\ndiff, 2,000 accounts changed (106 handoffs)\n${diffRows.map(([label, value]) => `${label.padEnd(diffWidth)}  ${value}`).join('\n')}\n`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, 'results.json');
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, results: all, diff }, null, 2) + '\n');
  process.stdout.write(`\nWritten to ${path.relative(root, file)}\n`);
}

main();
