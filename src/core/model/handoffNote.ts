/**
 * The handoff note: a Markdown file of its own, one per account, kept at the account's path below
 * its role folder under the notes folder (`accounts/ae/apac/acme.md` and `accounts/am/apac/acme.md`
 * share `accounts/handoffs/apac/acme.md`). A handoff or hand-back writes the account's `stage:` line
 * and, where the account already names the person, that line; the record of the move (`handoff:` or
 * `handback:` in the note's front-matter) and the note go here, so the account file changes by a
 * line or two and git pairs its old and new path as a rename at every size (docs/ARCHITECTURE.md).
 */
import type { Account } from './account';
import { isRecord } from './record';
import { notesFolder, roleFolder, type TeamConfig } from './teamConfig';
import type { Role } from './stage';

/** A checklist item of a note with nothing written in it: its label and 1-based line. */
export interface NoteItem {
  label: string;
  line: number;
}

export interface HandoffNote {
  /** The latest handoff's record (`date`, `from`, `to`), as written. */
  handoff?: Record<string, unknown>;
  /** The latest hand-back's record (`date`, `from`, `to`, `reason`), as written. */
  handback?: Record<string, unknown>;
  /** Checklist items still empty, in order. */
  empty: NoteItem[];
}

/** The note of the account in `file` (either role), or undefined when `file` is in no account folder. */
export function noteFileOf(file: string, config: TeamConfig): string | undefined {
  for (const role of ['ae', 'am'] as const) {
    const prefix = `${roleFolder(config, role)}/`;
    if (file.startsWith(prefix)) return `${notesFolder(config)}/${file.slice(prefix.length)}`;
  }
  return undefined;
}

/** Where the account of a note is, in each role's folder; undefined when `file` is not in the notes folder. */
export function accountFilesOfNote(file: string, config: TeamConfig): Record<Role, string> | undefined {
  const prefix = `${notesFolder(config)}/`;
  if (!file.startsWith(prefix) || !/\.md$/i.test(file)) return undefined;
  const rest = file.slice(prefix.length);
  return { ae: `${roleFolder(config, 'ae')}/${rest}`, am: `${roleFolder(config, 'am')}/${rest}` };
}

/**
 * The account as the rest of the code reads it, with what its note records: `handoff` and
 * `handback` from the note (the latest move is written there), the AM of an AM account and the AE
 * of an AE account from the latest move into that role where the account does not name them itself
 * (a name in the account is the team's own, later word), and `note`, the note's file.
 */
export function withNote(account: Account, noteFile: string, note: HandoffNote): Account {
  const data = { ...account.data };
  if (note.handoff) data.handoff = note.handoff;
  if (note.handback) data.handback = note.handback;
  const moveIn = account.role === 'am' ? note.handoff : note.handback;
  const person = account.role === 'am' ? 'am' : 'ae';
  if (data[person] === undefined && isRecord(moveIn) && typeof moveIn.to === 'string') data[person] = moveIn.to;
  return { ...account, data, note: noteFile };
}
