// Runs the built CLI as a user would, and makes the workspaces it runs on.
import { spawnSync } from 'node:child_process';
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
