// `handoff diff` over 2,000 changed accounts, in a process of its own; prints one JSON line of
// medians in milliseconds. Run by bench.ts. The repository (generated once in .cache/bench) has a
// base commit of 2,000 accounts and a head commit where every one changed: a stage moved, arr
// changed, and one AE account in ten handed off to am/ (a rename git must find); the working
// tree is the head's.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { diffAccounts } from '../../src/core/insight/diff';
import { readRevisions } from '../../src/node/gitRevisions';
import { accountText } from './generate';
import { time } from './timing';

const COUNT = 2_000;
const VERSION = 2;
const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function setupGit(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=Bench', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
}

function write(dir: string, file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** The repository, made once: `base`, then `head` with every account changed. */
function ensureRepository(cacheDir: string): string {
  const dir = path.join(cacheDir, `diff-${COUNT}`);
  const marker = path.join(dir, '.git', 'handoff-bench');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === String(VERSION)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const accounts = Array.from({ length: COUNT }, (_, index) => accountText(index));
  for (const { file, text } of accounts) write(dir, file, text);
  setupGit(dir, 'init', '-q', '-b', 'base');
  setupGit(dir, 'add', '-A');
  setupGit(dir, 'commit', '-qm', 'base');
  setupGit(dir, 'checkout', '-qb', 'head');
  accounts.forEach(({ file, text }, index) => {
    let changed = text.replace(/^arr: (\d+)/m, (_, arr) => `arr: ${Number(arr) + 5000}`);
    let target = file;
    if (file.startsWith('accounts/ae/') && index % 10 === 0) {
      target = file.replace('accounts/ae/', 'accounts/am/');
      changed = changed.replace(/^stage: .*$/m, 'stage: onboarding').replace(/^ae: .*$/m, (line) => `${line}\nam: am${index % 25}@example.com`);
      fs.unlinkSync(path.join(dir, file));
    } else {
      changed = changed.replace(/^stage: (\w+)/m, (_, stage) => `stage: ${stage === 'negotiation' ? 'proposal' : 'negotiation'}`);
    }
    write(dir, target, changed);
  });
  setupGit(dir, 'add', '-A');
  setupGit(dir, 'commit', '-qm', 'head');
  // Packed, as a clone is.
  setupGit(dir, 'gc', '-q');
  fs.writeFileSync(marker, String(VERSION));
  return dir;
}

async function main() {
  const cacheDir = process.argv[2];
  const dir = ensureRepository(cacheDir);
  const config = defaultConfig();
  const folders = ['accounts/ae', 'accounts/am'];
  const results: Record<string, number> = { count: COUNT };
  // The floor: the bytes of both revisions' accounts, listed and read by git alone (one ls-tree
  // each, one cat-file --batch), which any review of every account must at least read.
  results.floor = await time(9, () => {
    const ids = ['base', 'head'].flatMap((commit) => setupGit(dir, 'ls-tree', '-r', commit, '--', ...folders).trim().split('\n').map((line) => line.split(/\s/)[2]));
    execFileSync('git', ['cat-file', '--batch'], { cwd: dir, input: ids.join('\n') + '\n', maxBuffer: 1 << 30 });
  });
  const review = async (head: string | undefined) => {
    const { before, after, renames } = await readRevisions(dir, folders, 'base', head);
    const diff = diffAccounts(before, after, renames, (file) => (file.startsWith('accounts/ae/') ? 'ae' : file.startsWith('accounts/am/') ? 'am' : undefined), config);
    if (diff.handoffs.length < 50 || diff.stageChanges.length + diff.handoffs.length < COUNT - 10) throw new Error(`the diff found ${diff.handoffs.length} handoffs and ${diff.stageChanges.length} stage moves`);
    results.handoffs = diff.handoffs.length;
  };
  results.commits = await time(9, () => review('head'));
  results.workingTree = await time(9, () => review(undefined));
  // What a person waits for: the CLI as a process (Node's start and the index of the workspace included).
  results.cli = await time(5, () => {
    const run = spawnSync(process.execPath, [cli, 'diff', 'base', 'head', '--dir', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0) throw new Error(run.stderr);
  });
  process.stdout.write(JSON.stringify(results) + '\n');
}

void main();
