/**
 * Writes a verified edit plan to disk, for the CLI: atomically, byte for byte, only over the file it
 * was planned from, never over another. The new bytes go to a temporary file in the target's folder,
 * are flushed, and replace the file by rename — or, for a handoff's new path, appear by a hard link,
 * which fails rather than overwrite. Right before, under the file's lock, the file must still be what
 * was read; right after, the old file (still open) must still be so, else it is put back. Any failure
 * leaves the original and no temporary file, no lock, no folder it made.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { EditRefused, type EditPlan } from '../core/edit/editPlan';
import { bytesOfText } from '../core/read/fileText';
import { lockFile } from './fileLock';
import { foldersInside, openRegularFile, readOpen, refusal, type FileBytes, type FileSystem } from './regularFile';

const { O_WRONLY, O_CREAT, O_EXCL } = nodeFs.constants;

export function writePlan(workspace: string, plan: EditPlan, before: FileBytes, fs: FileSystem = nodeFs): void {
  const bytes = bytesOfText(plan.newText);
  const source = path.join(workspace, plan.file);
  const destination = path.join(workspace, plan.newFile);
  const moving = plan.newFile !== plan.file;
  const changed = () => new EditRefused(`${plan.file} changed on disk while it was being edited; nothing was changed, run the command again`);
  foldersInside(fs, workspace, plan.file, false);
  const release = lockFile(fs, source, plan.file);
  const created: string[] = [];
  const leftovers: string[] = [];
  let oldFd: number | undefined;
  try {
    if (moving) created.push(...foldersInside(fs, workspace, plan.newFile, true));
    const temporary = temporaryPath(destination);
    writeNewFile(fs, temporary, bytes, before);
    leftovers.push(temporary);

    const current = openRegularFile(fs, source, plan.file);
    oldFd = current.fd;
    if (!sameBytes(current.read.bytes, before.bytes)) throw changed();
    if (moving) {
      try {
        fs.linkSync(temporary, destination);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new EditRefused(`${plan.newFile} already exists; nothing was changed`);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        // A file system without hard links: an exclusive create is the next best thing.
        writeNewFile(fs, destination, bytes, before);
      }
      try {
        fs.unlinkSync(source);
      } catch (error) {
        fs.unlinkSync(destination);
        throw error;
      }
    } else {
      fs.renameSync(temporary, source);
      leftovers.pop();
    }
    syncFolder(fs, path.dirname(destination));
    if (moving) syncFolder(fs, path.dirname(source));

    // A teammate who wrote into the old file between the check and the rename (or who opened it before
    // and wrote while the folder was flushed) is not lost: put it back.
    const after = readOpen(fs, oldFd, plan.file);
    if (!sameBytes(after.bytes, before.bytes)) {
      restore(fs, source, after.bytes, before, moving ? destination : undefined);
      throw changed();
    }
  } catch (error) {
    for (const leftover of leftovers) removeQuietly(() => fs.unlinkSync(leftover));
    for (const folder of created.reverse()) removeQuietly(() => fs.rmdirSync(folder));
    throw refusal(error, plan.file);
  } finally {
    for (const leftover of leftovers) removeQuietly(() => fs.unlinkSync(leftover));
    if (oldFd !== undefined) fs.closeSync(oldFd);
    release();
  }
}

/**
 * Writes a plan and its note (a handoff, a hand-back): the note first — created, never over a file
 * that appeared meanwhile, or changed in place as `writePlan` does — then the account. When the
 * account cannot be written the note is put back as it was (removed, or its old bytes restored), so
 * a refusal still changes nothing.
 */
export function writePlanWithNote(workspace: string, plan: EditPlan, before: FileBytes, noteBefore: FileBytes | undefined, fs: FileSystem = nodeFs): void {
  const note = plan.note;
  if (!note) return writePlan(workspace, plan, before, fs);
  if (note.exists && !noteBefore) throw new EditRefused(`${note.file} was not read before the edit; nothing was changed`);
  const full = path.join(workspace, note.file);
  const folders = note.exists ? [] : foldersInside(fs, workspace, note.file, true);
  try {
    if (note.exists) writePlan(workspace, note, noteBefore!, fs);
    else createFile(fs, workspace, note.file, bytesOfText(note.newText), before);
  } catch (error) {
    for (const folder of folders.reverse()) removeQuietly(() => fs.rmdirSync(folder));
    throw error;
  }
  try {
    writePlan(workspace, plan, before, fs);
  } catch (error) {
    if (note.exists) restore(fs, full, noteBefore!.bytes, noteBefore!, undefined);
    else removeQuietly(() => fs.unlinkSync(full));
    for (const folder of folders.reverse()) removeQuietly(() => fs.rmdirSync(folder));
    throw error;
  }
}

/** A file that must not exist yet, written whole: a temporary file linked into place (fails rather than overwrite), its folders made as needed. */
function createFile(fs: FileSystem, workspace: string, file: string, bytes: Uint8Array, like: FileBytes): void {
  const destination = path.join(workspace, file);
  const temporary = temporaryPath(destination);
  try {
    writeNewFile(fs, temporary, bytes, like);
    try {
      fs.linkSync(temporary, destination);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new EditRefused(`${file} already exists; nothing was changed`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
      writeNewFile(fs, destination, bytes, like);
    }
    syncFolder(fs, path.dirname(destination));
  } catch (error) {
    throw refusal(error, file);
  } finally {
    removeQuietly(() => fs.unlinkSync(temporary));
  }
}

/** A new file with the bytes, the permission bits of `like` (whatever the umask) and, where allowed, its owner. */
function writeNewFile(fs: FileSystem, file: string, bytes: Uint8Array, like: FileBytes): void {
  const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL, like.mode);
  try {
    fs.fchmodSync(fd, like.mode);
    try {
      fs.fchownSync(fd, like.uid, like.gid);
    } catch {
      // Only root may give a file away; anyone else's file stays theirs anyway.
    }
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(() => fs.unlinkSync(file));
    throw error;
  }
  fs.closeSync(fd);
}

/** Puts the old bytes back at `source` (and takes the new file away from `moved`), as atomically as writing allows. */
function restore(fs: FileSystem, source: string, bytes: Uint8Array, like: FileBytes, moved: string | undefined): void {
  const temporary = temporaryPath(source);
  writeNewFile(fs, temporary, bytes, like);
  try {
    fs.renameSync(temporary, source);
  } finally {
    removeQuietly(() => fs.unlinkSync(temporary));
  }
  if (moved) removeQuietly(() => fs.unlinkSync(moved));
}

function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.handoff-tmp`);
}

function syncFolder(fs: FileSystem, folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every file system can flush a folder; the rename itself is already atomic.
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

function removeQuietly(remove: () => void): void {
  try {
    remove();
  } catch {
    // already gone
  }
}
