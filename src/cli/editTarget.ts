/** Finding the account file a command names, and reading it (and the team's handoff template) for an edit. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAccount } from '../core/read/accountRead';
import { roleFolder } from '../core/model/teamConfig';
import { noteFileOf } from '../core/model/handoffNote';
import { EditRefused, type EditTarget } from '../core/edit/editPlan';
import { textOfBytes } from '../core/read/fileText';
import type { AccountStore } from '../core/index/store';
import { foldersInside, readRegularFile, refusal, type FileBytes } from '../node/regularFile';
import { UsageError } from './commandLine';

/** The workspace-relative path of FILE, given relative to the workspace or to the current folder. */
export function resolveAccountFile(dir: string, file: string, store: AccountStore): string {
  const candidates = path.isAbsolute(file) ? [file] : [path.resolve(dir, file), path.resolve(file)];
  for (const candidate of candidates) {
    const relative = path.relative(dir, candidate).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) continue;
    if (!fs.existsSync(candidate) && !isLink(candidate)) continue;
    if (!store.roleOf(relative)) {
      throw new UsageError(`${relative} is not an account: accounts are .md files under ${roleFolder(store.config, 'ae')}/ or ${roleFolder(store.config, 'am')}/`);
    }
    return relative;
  }
  throw new UsageError(`no such account file: ${file}`);
}

/**
 * Reads the file as it is on disk now — bytes, BOM and line endings included, through no link,
 * never blocking on a FIFO — into what a plan needs, and the bytes the write will compare with.
 */
export function readEditTarget(dir: string, file: string, store: AccountStore): { target: EditTarget; before: FileBytes } {
  const role = store.roleOf(file)!;
  foldersInside(fs, dir, file, false);
  const before = readRegularFile(fs, path.join(dir, file), file);
  const text = textOfBytes(before.bytes);
  const { account } = readAccount(file, role, text, store.config);
  if (!account) throw new EditRefused(`${file} cannot be read as an account; 'handoff check' shows why`);
  return { target: { file, role, text, name: account.name, stage: account.stage, data: account.data }, before };
}

/** The account's handoff note as it is on disk now (read as the account is), or undefined when it has none. */
export function readNoteTarget(dir: string, file: string, store: AccountStore): { text: string; before: FileBytes } | undefined {
  const note = noteFileOf(file, store.config);
  if (note === undefined) return undefined;
  try {
    fs.lstatSync(path.join(dir, note));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw refusal(error, note);
  }
  foldersInside(fs, dir, note, false);
  const before = readRegularFile(fs, path.join(dir, note), note);
  return { text: textOfBytes(before.bytes), before };
}

/**
 * The team's handoff template (a path `workspacePath` already kept inside the workspace), read only
 * as a regular file reached through real folders: a link (which could lead anywhere), a FIFO, a
 * device or a folder refuses the handoff, and so does a missing template — the team asked for its
 * note, not the built-in checklist.
 */
export function readTemplate(dir: string, template: string): string {
  const what = `the handoff template ${template}`;
  const parts = template.split('/');
  let full = fs.realpathSync(dir);
  for (const [index, part] of parts.entries()) {
    full = path.join(full, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new EditRefused(`${what} does not exist; create it, or set 'template: null' under 'handoff' in .handoff.yml for the built-in checklist; nothing was changed`);
      throw refusal(error, template);
    }
    const last = index === parts.length - 1;
    if (stat.isSymbolicLink()) {
      throw new EditRefused(`${what} ${last ? 'is a symbolic link' : `goes through a symbolic link (${part})`}; Handoff reads templates only as regular files inside the workspace; nothing was changed`);
    }
    if (last ? !stat.isFile() : !stat.isDirectory()) throw new EditRefused(`${what} is not a regular file (a folder, a FIFO or a device); nothing was changed`);
  }
  // Opened without following a link, so one swapped in since the checks above is refused too.
  return textOfBytes(readRegularFile(fs, full, template).bytes).replace(/^\ufeff/, '');
}

function isLink(candidate: string): boolean {
  try {
    return fs.lstatSync(candidate).isSymbolicLink();
  } catch {
    return false;
  }
}
