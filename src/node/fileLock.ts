/**
 * A lock file next to an account (`.name.md.handoff-lock`), held for the milliseconds between the
 * last-moment check and the rename, so that of several `handoff` processes editing one file each
 * either succeeds on what it read or refuses. Writers that do not take it (an editor, a teammate's
 * `git pull`) are caught by the check itself; see docs/ARCHITECTURE.md for what remains.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { EditRefused } from '../core/edit/editPlan';
import { refusal, type FileSystem } from './regularFile';

/** Longer than any edit holds it: a lock this old belongs to a process that died. */
const STALE_MS = 30_000;
const WAIT_MS = 3_000;

export function lockPathOf(full: string): string {
  return path.join(path.dirname(full), `.${path.basename(full)}.handoff-lock`);
}

/** Takes the lock of `full` (waiting a little for another process), or refuses; returns its release. */
export function lockFile(fs: FileSystem, full: string, file: string): () => void {
  const lock = lockPathOf(full);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx');
      try {
        fs.writeSync(fd, `${process.pid} ${os.hostname()}\n`);
      } catch (error) {
        fs.closeSync(fd);
        fs.unlinkSync(lock);
        throw error;
      }
      fs.closeSync(fd);
      return () => {
        try {
          fs.unlinkSync(lock);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw refusal(error, file);
    }
    const stale = staleHolder(fs, lock);
    if (stale !== undefined) {
      breakLock(fs, lock, stale);
      continue;
    }
    if (Date.now() > deadline) throw new EditRefused(`another Handoff command is editing ${file}; try again (if none is running, delete ${path.basename(lock)})`);
    sleep(5 + Math.random() * 10);
  }
}

/** What a lock left by a process that died says (its pid and host), or undefined when it is live. */
function staleHolder(fs: FileSystem, lock: string): string | undefined {
  let holder: string;
  let age: number;
  try {
    const fd = fs.openSync(lock, 'r');
    try {
      const buffer = Buffer.alloc(256);
      holder = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
      age = Date.now() - fs.fstatSync(fd).mtimeMs;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined; // released meanwhile: try again
  }
  if (age > STALE_MS) return holder;
  const [pid, host] = holder.trim().split(' ');
  if (host !== os.hostname() || !/^\d+$/.test(pid) || age < 1_000) return undefined;
  try {
    process.kill(Number(pid), 0);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH' ? holder : undefined;
  }
}

/**
 * Removes a stale lock. It is first renamed to a name of this process's own, so of several processes
 * that found it stale one removes it; one that finds it took a fresh lock instead puts it back.
 */
function breakLock(fs: FileSystem, lock: string, holder: string): void {
  const claimed = `${lock}.stale-${process.pid}`;
  try {
    fs.renameSync(lock, claimed);
  } catch {
    return; // another process broke it first
  }
  try {
    const fd = fs.openSync(claimed, 'r');
    const buffer = Buffer.alloc(256);
    const taken = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    fs.closeSync(fd);
    if (taken !== holder) fs.linkSync(claimed, lock);
  } catch {
    // the lock path was taken again meanwhile: that process holds it
  }
  try {
    fs.unlinkSync(claimed);
  } catch {
    // gone already
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
