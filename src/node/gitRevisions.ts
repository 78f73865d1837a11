/**
 * Account files at two git revisions, with git's own rename detection (`-M`, 50 %). Reads objects
 * through `git.ts` only; never writes to the repository. Paths are relative to the workspace, which
 * may be any folder of the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RevisionFile } from '../core/insight/diff';
import { textOfBytes } from '../core/read/fileText';
import { GitCancelled, GitError, readBlobs, resolveCommit, runGit } from './git';
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
 * git's `-M` finds between them. A file that is the same at both (path and bytes) is in neither
 * list: it cannot change the review, and the work stays in proportion to the change.
 */
export async function readRevisions(dir: string, folders: readonly string[], base: string, head: string | undefined, signal?: AbortSignal): Promise<Revisions> {
  const [where, baseCommit, headCommit] = await Promise.all([
    runGit(dir, ['rev-parse', '--show-object-format', '--show-prefix'], { signal }),
    resolveCommit(dir, base, signal),
    head === undefined ? undefined : resolveCommit(dir, head, signal),
  ]);
  const [format, prefix] = where.toString('utf8').split('\n') as [ObjectFormat, string];
  const inWorkspace = (file: string) => {
    if (!file.startsWith(prefix)) throw new GitError(`git named ${file}, outside the workspace ${prefix}`);
    return file.slice(prefix.length);
  };
  // Pathspecs relative to `dir`, literal (git.ts): git adds the prefix; output paths are from the top.
  const pathspecs = ['--', ...folders];
  /** What changed, renames paired by git: every account file on each side, by its path and blob id. */
  const changesBetween = async (from: string, to: string, env?: Record<string, string>) => {
    const output = await runGit(dir, ['diff-tree', '-r', '-z', '-M', '--raw', '--no-ext-diff', '--no-textconv', from, to, ...pathspecs], { env, signal });
    const changes = parseRawDiff(output.toString('utf8'));
    const renames = new Map<string, string>();
    for (const { from, to } of changes) if (from && to && from.path !== to.path) renames.set(inWorkspace(from.path), inWorkspace(to.path));
    const side = (which: 'from' | 'to') => changes.flatMap((change) => (change[which] && isAccountFile(change[which]) ? [change[which]] : []));
    return { before: side('from'), after: side('to'), renames };
  };
  const readTexts = async (entries: { path: string; id: string }[], known = new Map<string, Uint8Array>()) => {
    const blobs = await readBlobs(dir, entries.filter((entry) => !known.has(entry.path)).map((entry) => entry.id), signal);
    return entries.map((entry) => ({ file: inWorkspace(entry.path), text: textOfBytes(known.get(entry.path) ?? blobs.get(entry.id)!) }));
  };

  if (headCommit !== undefined) {
    const { before, after, renames } = await changesBetween(baseCommit, headCommit);
    const texts = await readTexts([...before, ...after]);
    return { before: texts.slice(0, before.length), after: texts.slice(before.length), renames };
  }

  const [baseEntries, workingFiles] = await Promise.all([
    runGit(dir, ['ls-tree', '-r', '-z', '--full-name', baseCommit, ...pathspecs], { signal }).then(parseTree),
    readWorkingFiles(dir, folders, signal),
  ]);
  const baseAccounts = new Map(baseEntries.filter(isAccountFile).map((entry) => [entry.path, entry]));
  const workingBytes = new Map(workingFiles.map(({ file, bytes }) => [prefix + file, bytes]));
  // The working tree as git would commit it: the base's other files below the folders as they are,
  // every account file as it is on disk (filters and line-ending conversion left out, as when
  // reading). Only files at a path the base does not have are candidates for a rename and need
  // their bytes written; the others are named by their id.
  const workingTree: TreeFile[] = baseEntries.filter((entry) => entry.type === 'blob' && !isAccountFile(entry));
  for (const [path, bytes] of workingBytes) {
    const inBase = baseAccounts.get(path);
    workingTree.push(inBase ? { path, mode: inBase.mode, id: blobId(format, bytes) } : { path, mode: '100644', bytes });
  }
  const known = new Set([...baseAccounts.values()].map((entry) => entry.id));
  const { before, after, renames } = await withScratchTree(format, workingTree, known, (tree, env) => changesBetween(baseCommit, tree, env));
  const [beforeTexts, afterTexts] = await Promise.all([readTexts(before), readTexts(after, workingBytes)]);
  return { before: beforeTexts, after: afterTexts, renames };
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

type FileAt = { mode: string; id: string; path: string };

/**
 * `diff-tree -r -z --raw` output: `:<mode> <mode> <id> <id> <status>\0<path>\0`, with a second path
 * for a rename (`R<score>`) or copy; the side a file is absent from has mode 000000.
 */
function parseRawDiff(output: string): { from?: FileAt; to?: FileAt }[] {
  const changes: { from?: FileAt; to?: FileAt }[] = [];
  const fields = output.split('\0');
  for (let index = 0; index < fields.length; ) {
    const meta = fields[index++];
    if (!meta.startsWith(':')) continue;
    const [fromMode, toMode, fromId, toId, status] = meta.slice(1).split(' ');
    const fromPath = fields[index++];
    const toPath = /^[RC]/.test(status) ? fields[index++] : fromPath;
    changes.push({
      from: /^0+$/.test(fromMode) ? undefined : { mode: fromMode, id: fromId, path: fromPath },
      to: /^0+$/.test(toMode) ? undefined : { mode: toMode, id: toId, path: toPath },
    });
  }
  return changes;
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
