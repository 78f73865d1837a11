/** Account files at two git revisions, with git's own rename detection. Runs `git`; never writes. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RevisionFile } from '../core/diff';

export class GitError extends Error {}

function git(dir: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(stderr.split('\n')[0] || (error as Error).message);
  }
}

/** Resolves a revision (branch, tag, sha, `HEAD~2`) to a commit, or throws GitError. */
export function resolveRevision(dir: string, revision: string): string {
  return git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
}

export interface Revisions {
  before: RevisionFile[];
  after: RevisionFile[];
  /** old path → new path */
  renames: Map<string, string>;
}

/**
 * The `.md` files below `folders` at `base`, and at `head` (the working tree when undefined), with
 * renames between them. Paths are relative to `dir` (which may be a sub-folder of the repository).
 */
export function readRevisions(dir: string, folders: readonly string[], base: string, head: string | undefined): Revisions {
  const prefix = git(dir, ['rev-parse', '--show-prefix']).trim();
  const baseCommit = resolveRevision(dir, base);
  const headCommit = head === undefined ? undefined : resolveRevision(dir, head);
  const list = (commit: string) =>
    git(dir, ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...folders])
      .split('\0')
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.slice(prefix.length));
  const show = (commit: string, file: string) => git(dir, ['show', `${commit}:./${file}`]);
  const before = list(baseCommit).map((file) => ({ file, text: show(baseCommit, file) }));
  let after: RevisionFile[];
  if (headCommit) {
    after = list(headCommit).map((file) => ({ file, text: show(headCommit, file) }));
  } else {
    after = [];
    const walk = (relative: string) => {
      const full = path.join(dir, relative);
      if (!fs.existsSync(full)) return;
      for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
        const child = `${relative}/${entry.name}`;
        if (entry.isDirectory() && !entry.name.startsWith('.')) walk(child);
        else if (entry.isFile() && entry.name.endsWith('.md')) after.push({ file: child, text: fs.readFileSync(path.join(dir, child), 'utf8') });
      }
    };
    folders.forEach(walk);
  }
  const renames = new Map<string, string>();
  // -M finds renames, with the edits a handoff makes, as git itself shows them in review.
  const status = git(dir, ['diff', '--name-status', '-z', '-M', '--relative', baseCommit, ...(headCommit ? [headCommit] : []), '--', ...folders]).split('\0');
  for (let index = 0; index < status.length; index++) {
    const code = status[index];
    if (code.startsWith('R')) {
      renames.set(status[index + 1], status[index + 2]);
      index += 2;
    } else if (code !== '') {
      index += 1;
    }
  }
  return { before, after, renames };
}

/** Local and remote branches, most recently committed first. */
export function listBranches(dir: string): string[] {
  return git(dir, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'])
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.endsWith('/HEAD'));
}
