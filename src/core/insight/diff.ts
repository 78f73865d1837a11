/**
 * What changed between two revisions of the accounts, for a pull-request review: handoffs (AE → AM
 * and back, found as renames between the role folders), stage moves, accounts added and removed,
 * value changes. Pure: the caller reads the two revisions (git) and names the renames.
 */
import { arrOf, currencyOf, type Account } from '../model/account';
import { readAccount } from '../read/accountRead';
import type { TeamConfig } from '../model/teamConfig';
import { moveToRole } from '../edit/handoff';
import { noteFileOf } from '../model/handoffNote';
import { readHandoffNote } from '../read/noteRead';
import type { Role } from '../model/stage';

export interface RevisionFile {
  file: string;
  text: string;
}

export interface AccountDiff {
  /** `note`: the account's handoff note as the head has it, with the checklist items still empty. */
  handoffs: { from: string; to: string; name: string; direction: 'ae-to-am' | 'am-to-ae'; note?: { file: string; empty: string[] } }[];
  stageChanges: { file: string; name: string; from: string | undefined; to: string | undefined }[];
  added: Account[];
  removed: Account[];
  valueChanges: { file: string; name: string; currency: string; from: number; to: number }[];
}

/**
 * @param before account files at the base revision
 * @param after account files at the head revision
 * @param renames old path → new path, as git's rename detection found them
 */
export function diffAccounts(before: readonly RevisionFile[], after: readonly RevisionFile[], renames: ReadonlyMap<string, string>, roleOf: (file: string) => Role | undefined, config: TeamConfig): AccountDiff {
  // git may not pair a handoff as a rename (under 50 % similar): the same place under the other
  // role's folder is the same account.
  const otherRolePath = (file: string) => {
    const role = roleOf(file);
    if (!role) return undefined;
    try {
      return moveToRole(file, role === 'ae' ? 'am' : 'ae', config);
    } catch {
      return undefined;
    }
  };
  const parse = (files: readonly RevisionFile[]) => {
    const accounts = new Map<string, Account>();
    for (const { file, text } of files) {
      const role = roleOf(file);
      const account = role && readAccount(file, role, text, config).account;
      if (account) accounts.set(file, account);
    }
    return accounts;
  };
  const old = parse(before);
  const next = parse(after);
  const notes = new Map(after.map(({ file, text }) => [file, text]));
  const noteOf = (file: string) => {
    const note = noteFileOf(file, config);
    const text = note === undefined ? undefined : notes.get(note);
    return note === undefined || text === undefined ? undefined : { file: note, empty: (readHandoffNote(note, text).note?.empty ?? []).map((item) => item.label) };
  };
  const result: AccountDiff = { handoffs: [], stageChanges: [], added: [], removed: [], valueChanges: [] };
  const matched = new Set<string>();
  for (const [file, account] of old) {
    const moved = otherRolePath(file);
    const newFile = renames.get(file) ?? (next.has(file) ? file : moved !== undefined && next.has(moved) && !old.has(moved) ? moved : undefined);
    const counterpart = newFile === undefined ? undefined : next.get(newFile);
    if (!counterpart || newFile === undefined) {
      result.removed.push(account);
      continue;
    }
    matched.add(newFile);
    if (counterpart.role !== account.role) {
      const note = noteOf(newFile);
      result.handoffs.push({ from: file, to: newFile, name: counterpart.name, direction: account.role === 'ae' ? 'ae-to-am' : 'am-to-ae', ...(note && { note }) });
    } else if (counterpart.stage !== account.stage) {
      result.stageChanges.push({ file: newFile, name: counterpart.name, from: account.stage, to: counterpart.stage });
    }
    const [a, b] = [arrOf(account), arrOf(counterpart)];
    if (a !== undefined && b !== undefined && a !== b) {
      result.valueChanges.push({ file: newFile, name: counterpart.name, currency: currencyOf(counterpart) ?? '', from: a, to: b });
    }
  }
  for (const [file, account] of next) if (!matched.has(file)) result.added.push(account);
  const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);
  result.handoffs.sort(byName);
  result.stageChanges.sort(byName);
  result.added.sort(byName);
  result.removed.sort(byName);
  result.valueChanges.sort(byName);
  return result;
}

/** Pipeline value added (new deals, value changes) minus removed, per currency. */
export function pipelineDelta(diff: AccountDiff): Map<string, number> {
  const delta = new Map<string, number>();
  const add = (currency: string, amount: number) => delta.set(currency, (delta.get(currency) ?? 0) + amount);
  for (const a of diff.added) {
    const arr = arrOf(a);
    if (arr !== undefined) add(currencyOf(a) ?? '', arr);
  }
  for (const a of diff.removed) {
    const arr = arrOf(a);
    if (arr !== undefined) add(currencyOf(a) ?? '', -arr);
  }
  for (const v of diff.valueChanges) add(v.currency, v.to - v.from);
  return delta;
}
