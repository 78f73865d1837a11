/**
 * Account files at two git revisions, with git's own rename detection (`-M`, 50 %). Reads objects
 * through `git.ts` only; never writes to the repository. Paths are relative to the workspace, which
 * may be any folder of the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RevisionFile } from '../core/diff';
import { textOfBytes } from '../core/fileText';
import { GitCancelled, readBlobs, resolveCommit, runGit } from './git';
import { blobId, withScratchTree, type ObjectFormat, type TreeFile } from './scratchTree';

export interface Revisions {
  before: RevisionFile[];
  after: RevisionFile[];
  /** old path → new path */
  renames: Map<string, string>;
}

interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  /** from the repository's top */
  path: string;
}

/** A regular file named `*.md` (not a link, a folder or a submodule). */
const isAccountFile = (entry: { mode: string; path: string }) => (entry.mode === '100644' || entry.mode === '100755') && entry.path.endsWith('.md');

/**
 * The `.md` files below `folders` (relative to `dir`) that differ between `base` and `head` — the
 * working tree when undefined, files not yet added included — as they are at each, with the renames
 * git's `-M` finds between them. A file that is the same at both (path and bytes) is left out of
 * both lists: it cannot change the review, and the work stays in proportion to the change.
 */
export async function readRevisions(dir: string, folders: readonly string[], base: string, head: string | undefined, signal?: AbortSignal): Promise<Revisions> {
  const [where, baseCommit, headCommit] = await Promise.all([
    runGit(dir, ['rev-parse', '--show-object-format', '--show-prefix'], { signal }),
    resolveCommit(dir, base, signal),
    head === undefined ? undefined : resolveCommit(dir, head, signal),
  ]);
  const [format, prefix] = where.toString('utf8').split('\n') as [ObjectFormat, string];
  const inWorkspace = (file: string) => {
    if (!file.startsWith(prefix)) throw new Error(`git named ${file}, outside the workspace ${prefix}`);
    return file.slice(prefix.length);
  };
  // Pathspecs relative to `dir`, literal (git.ts): git adds the prefix; output paths are from the top.
  const pathspecs = ['--', ...folders];
  const list = async (commit: string) => parseTree(await runGit(dir, ['ls-tree', '-r', '-z', '--full-name', commit, ...pathspecs], { signal }));
  const renamesBetween = async (from: string, to: string, env?: Record<string, string>) => {
    const output = await runGit(dir, ['diff-tree', '-r', '-z', '-M', '--name-status', '--no-ext-diff', '--no-textconv', from, to, ...pathspecs], { env, signal });
    return parseRenames(output.toString('utf8'), inWorkspace);
  };
  /** Each side's files less those at the same path with the same id on the other. */
  const changed = <A extends { path: string; id: string }, B extends { path: string; id: string }>(before: A[], after: B[]): [A[], B[]] => {
    const idsBefore = new Map(before.map((file) => [file.path, file.id]));
    const idsAfter = new Map(after.map((file) => [file.path, file.id]));
    return [before.filter((file) => idsAfter.get(file.path) !== file.id), after.filter((file) => idsBefore.get(file.path) !== file.id)];
  };
  const readTexts = async (...sides: TreeEntry[][]) => {
    const blobs = await readBlobs(dir, sides.flat().map((entry) => entry.id), signal);
    return sides.map((entries) => entries.map((entry) => ({ file: inWorkspace(entry.path), text: textOfBytes(blobs.get(entry.id)!) })));
  };

  if (headCommit !== undefined) {
    const [baseEntries, headEntries, renames] = await Promise.all([list(baseCommit), list(headCommit), renamesBetween(baseCommit, headCommit)]);
    const [before, after] = await readTexts(...changed(baseEntries.filter(isAccountFile), headEntries.filter(isAccountFile)));
    return { before, after, renames };
  }

  const [baseEntries, workingFiles] = await Promise.all([list(baseCommit), readWorkingFiles(dir, folders, signal)]);
  const baseAccounts = baseEntries.filter(isAccountFile);
  const working = workingFiles.map(({ file, bytes }) => ({ file, bytes, path: prefix + file, id: blobId(format, bytes) }));
  const [beforeEntries, after] = changed(baseAccounts, working);
  // The working tree as git would commit it: the base's other files below the folders as they are,
  // every account file as it is on disk (filters and line-ending conversion left out, as when
  // reading). Only files at a path the base does not have are candidates for a rename and need
  // their bytes written; the others are named by their id.
  const basePaths = new Set(baseAccounts.map((entry) => entry.path));
  const workingTree: TreeFile[] = [
    ...baseEntries.filter((entry) => entry.type === 'blob' && !isAccountFile(entry)),
    ...working.map(({ path, id, bytes }) => (basePaths.has(path) ? { path, mode: '100644', id } : { path, mode: '100644', bytes })),
  ];
  const [[before], renames] = await Promise.all([
    readTexts(beforeEntries),
    withScratchTree(format, workingTree, new Set(baseAccounts.map((entry) => entry.id)), (tree, env) => renamesBetween(baseCommit, tree, env)),
  ]);
  return { before, after: after.map(({ file, bytes }) => ({ file, text: textOfBytes(bytes) })), renames };
}

/** `ls-tree -r -z` output: `<mode> <type> <id>\t<path>\0`… */
function parseTree(output: Buffer): TreeEntry[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, id] = line.slice(0, tab).split(' ');
      return { mode, type, id, path: line.slice(tab + 1) };
    });
}

/** `diff-tree -z --name-status` output: `<status>\0<path>\0`, or `R<score>\0<old>\0<new>\0` for a rename. */
function parseRenames(output: string, inWorkspace: (file: string) => string): Map<string, string> {
  const renames = new Map<string, string>();
  const fields = output.split('\0');
  for (let index = 0; index < fields.length; index++) {
    const status = fields[index];
    if (status.startsWith('R')) {
      renames.set(inWorkspace(fields[index + 1]), inWorkspace(fields[index + 2]));
      index += 2;
    } else if (status.startsWith('C')) {
      index += 2;
    } else if (status !== '') {
      index += 1;
    }
  }
  return renames;
}

/** The regular `*.md` files below the folders on disk, as bytes; folders named `.*` are skipped, as when indexing. */
async function readWorkingFiles(dir: string, folders: readonly string[], signal?: AbortSignal): Promise<{ file: string; bytes: Uint8Array }[]> {
  const files: string[] = [];
  const walk = async (relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(child);
    }
  };
  for (const folder of folders) await walk(folder.replace(/\/+$/, ''));
  // Synchronous reads, 64 at a time with a turn of the event loop between (the extension host stays
  // responsive, a cancel is seen): several times faster than fs.promises here.
  const result: { file: string; bytes: Uint8Array }[] = [];
  for (let start = 0; start < files.length; start += 64) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new GitCancelled();
    for (const file of files.slice(start, start + 64)) {
      try {
        result.push({ file, bytes: fs.readFileSync(path.join(dir, file)) });
      } catch (error) {
        // Deleted since it was listed: not in the working tree.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return result;
}

/** Local and remote branches, most recently committed first, as git names them (pass one to `readRevisions`, which verifies it). */
export async function listBranches(dir: string, signal?: AbortSignal): Promise<string[]> {
  const output = await runGit(dir, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)%00', 'refs/heads', 'refs/remotes'], { signal });
  return output
    .toString('utf8')
    .split('\0\n')
    .filter((name) => name !== '' && !name.endsWith('/HEAD'));
}
