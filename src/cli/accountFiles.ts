/** Reading one account file for an edit, and writing a plan back: refusing rather than overwriting. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAccount } from '../core/account';
import { roleFolder } from '../core/config';
import { EditRefused, type EditPlan, type EditTarget } from '../core/handoff';
import type { AccountStore } from '../core/store';
import { applyEdits } from '../core/textEdit';
import { UsageError } from './commandLine';

/** The workspace-relative path of FILE, given relative to the workspace or to the current folder. */
export function resolveAccountFile(dir: string, file: string, store: AccountStore): string {
  const candidates = path.isAbsolute(file) ? [file] : [path.resolve(dir, file), path.resolve(file)];
  for (const candidate of candidates) {
    const relative = path.relative(dir, candidate).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) continue;
    if (!fs.existsSync(candidate)) continue;
    if (!store.roleOf(relative)) {
      throw new UsageError(`${relative} is not an account: accounts are .md files under ${roleFolder(store.config, 'ae')}/ or ${roleFolder(store.config, 'am')}/`);
    }
    return relative;
  }
  throw new UsageError(`no such account file: ${file}`);
}

/** Reads the file as it is on disk now, BOM and line endings included, into what a plan needs. */
export function readEditTarget(dir: string, file: string, store: AccountStore): EditTarget {
  const role = store.roleOf(file)!;
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const { account } = readAccount(file, role, text, store.config);
  if (!account) throw new EditRefused(`${file} cannot be read as an account; 'handoff check' shows why`);
  return { file, role, text, name: account.name, stage: account.stage, data: account.data };
}

/**
 * Writes a plan made from `target.text`. Refuses, changing nothing, when the file changed since it
 * was read or when the destination of a move exists.
 */
export function writePlan(dir: string, plan: EditPlan, target: EditTarget): void {
  const source = path.join(dir, plan.file);
  const destination = path.join(dir, plan.newFile);
  if (fs.readFileSync(source, 'utf8') !== target.text) throw new EditRefused(`${plan.file} changed on disk while it was being edited; run the command again`);
  const text = applyEdits(target.text, plan.edits);
  const mode = fs.statSync(source).mode & 0o777;
  if (plan.newFile === plan.file) {
    const temporary = `${source}.handoff-${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode });
    fs.renameSync(temporary, source);
    return;
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  try {
    // `wx`: the destination is created only if it does not exist, atomically.
    fs.writeFileSync(destination, text, { flag: 'wx', mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new EditRefused(`${plan.newFile} already exists; nothing was changed`);
    throw error;
  }
  try {
    fs.unlinkSync(source);
  } catch (error) {
    fs.unlinkSync(destination);
    throw error;
  }
}
