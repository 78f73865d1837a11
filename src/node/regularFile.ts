/**
 * Reading a file for an edit, and the folders a write goes through, without ever following a link
 * out of the workspace or blocking on a FIFO: an account file is a regular file inside the workspace.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { EditRefused, MAX_EDIT_BYTES } from '../core/edit/editPlan';

/** The part of Node's `fs` the write path uses; tests hand in one that fails (a full disk, a race). */
export type FileSystem = Pick<
  typeof nodeFs,
  'openSync' | 'readSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'fchownSync' | 'closeSync' | 'fstatSync' | 'lstatSync' | 'renameSync' | 'linkSync' | 'unlinkSync' | 'mkdirSync' | 'rmdirSync' | 'realpathSync'
>;

export interface FileBytes {
  bytes: Uint8Array;
  /** Identity of what was read: a replaced file has another inode, a changed one another size or mtime. */
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Permission bits, owner and group, which the rewritten file keeps. */
  mode: number;
  uid: number;
  gid: number;
}

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = nodeFs.constants;

/** Opens and reads a regular file, refusing a link, a FIFO, a device or a folder; returns the open descriptor too. */
export function openRegularFile(fs: FileSystem, full: string, file: string): { fd: number; read: FileBytes } {
  let fd: number;
  try {
    // O_NOFOLLOW: a link is refused, not followed; O_NONBLOCK: opening a FIFO returns at once.
    fd = fs.openSync(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new EditRefused(`${file} is a symbolic link, not an account file; Handoff does not edit through links`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new EditRefused(`${file} no longer exists; nothing was changed`);
    throw refusal(error, file);
  }
  try {
    return { fd, read: readOpen(fs, fd, file) };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** The bytes of a regular file (see `openRegularFile`). */
export function readRegularFile(fs: FileSystem, full: string, file: string): FileBytes {
  const { fd, read } = openRegularFile(fs, full, file);
  fs.closeSync(fd);
  return read;
}

/** Reads an open file from its start, checking it is a regular file first. */
export function readOpen(fs: FileSystem, fd: number, file: string): FileBytes {
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) throw new EditRefused(`${file} is not a regular file (a FIFO, a device or a folder); Handoff does not edit it`);
  if (stat.size > MAX_EDIT_BYTES) throw new EditRefused(`${file} is ${Math.ceil(stat.size / 2 ** 20)} MB; Handoff edits account files of up to ${MAX_EDIT_BYTES / 2 ** 20} MB`);
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.max(stat.size - position, 0) + 4096);
    const count = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (count === 0) break;
    chunks.push(chunk.subarray(0, count));
    position += count;
  }
  return { bytes: Buffer.concat(chunks), dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
}

/**
 * Checks every folder between the workspace and `file` (workspace-relative, `/`): each is a real
 * folder, not a link. With `create`, missing ones are made, one by one, and returned (to remove on failure).
 */
export function foldersInside(fs: FileSystem, workspace: string, file: string, create: boolean): string[] {
  const created: string[] = [];
  let current = fs.realpathSync(workspace);
  for (const part of file.split('/').slice(0, -1)) {
    if (part === '' || part === '.' || part === '..') throw new EditRefused(`${file} is not a path inside the workspace`);
    current = path.join(current, part);
    let stat: nodeFs.Stats | undefined;
    try {
      stat = fs.lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw refusal(error, file);
    }
    if (stat?.isSymbolicLink()) throw new EditRefused(`${path.dirname(file)} goes through a symbolic link (${part}); Handoff writes only inside the workspace, not through links`);
    if (stat && !stat.isDirectory()) throw new EditRefused(`${part} in ${file} is not a folder`);
    if (!stat) {
      try {
        fs.mkdirSync(current);
      } catch (error) {
        throw refusal(error, file);
      }
      created.push(current);
    }
  }
  return created;
}

/** A refusal for a failed file operation, in words a person can act on; nothing was changed. */
export function refusal(error: unknown, file: string): EditRefused {
  if (error instanceof EditRefused) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the folder is on a read-only file system',
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted',
    EIO: 'an input/output error',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return new EditRefused(`cannot write ${file}: ${reason}${code ? ` (${code})` : ''}; nothing was changed`);
}
