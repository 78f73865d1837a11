// Runs the built CLI as a user would, and makes the workspaces it runs on.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..', '..');
export const sample = path.join(root, 'test', 'fixtures', 'sample');
const cli = path.join(root, 'dist', 'cli.js');

export function handoff(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: options.cwd, env: { ...process.env, ...options.env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary workspace holding these files. */
export function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-cli-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A copy of the sample workspace to change. */
export function sampleCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-sample-'));
  fs.cpSync(sample, dir, { recursive: true });
  return dir;
}

/**
 * A git repository of the sample: the team today on `main`, then a branch `week-47` with what
 * `change` does to the working tree, committed.
 */
export function sampleRepository(change: (dir: string) => void): string {
  const dir = sampleCopy();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'The team today');
  git('checkout', '-qb', 'week-47');
  change(dir);
  git('add', '-A');
  git('commit', '-qm', 'Week 47');
  return dir;
}
