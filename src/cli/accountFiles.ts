/** Finding the account file a command names, and reading it for an edit. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAccount } from '../core/account';
import { roleFolder } from '../core/config';
import { EditRefused, type EditTarget } from '../core/editPlan';
import { textOfBytes } from '../core/fileText';
import type { AccountStore } from '../core/store';
import { foldersInside, readRegularFile, type FileBytes } from '../node/regularFile';
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

function isLink(candidate: string): boolean {
  try {
    return fs.lstatSync(candidate).isSymbolicLink();
  } catch {
    return false;
  }
}
