/**
 * What changed between two revisions of the accounts, for a pull-request review: handoffs (AE → AM
 * and back, found as renames between the role folders), stage moves, accounts added and removed,
 * value changes. Pure: the caller reads the two revisions (git) and names the renames.
 */
import * as l10n from '@vscode/l10n';
import { arrOf, currencyOf, type Account } from '../model/account';
import { readAccount } from '../read/accountRead';
import type { TeamConfig } from '../model/teamConfig';
import { moveToRole } from '../edit/handoff';
import { markdownCode, markdownText } from '../output/markdown';
import { formatArr, formatMoney } from '../model/money';
import type { Role } from '../model/stage';

export interface RevisionFile {
  file: string;
  text: string;
}

export interface AccountDiff {
  handoffs: { from: string; to: string; name: string; direction: 'ae-to-am' | 'am-to-ae' }[];
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
      result.handoffs.push({ from: file, to: newFile, name: counterpart.name, direction: account.role === 'ae' ? 'ae-to-am' : 'am-to-ae' });
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

export function diffToJson(diff: AccountDiff) {
  const summary = (a: Account) => ({ file: a.file, name: a.name, stage: a.stage ?? null, role: a.role, arr: arrOf(a) ?? null, currency: currencyOf(a) ?? null });
  return {
    // SPEC.md's shape exactly: the direction shows in the paths (ae/ → am/ or back).
    handoffs: diff.handoffs.map(({ from, to, name }) => ({ from, to, name })),
    stage_changes: diff.stageChanges.map(({ file, name, from, to }) => ({ file, name, from: from ?? null, to: to ?? null })),
    added: diff.added.map(summary),
    removed: diff.removed.map(summary),
    value_changes: diff.valueChanges,
  };
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

/** A comment a reviewer pastes into the pull request: names, stages, amounts and revisions as `markdownText`, paths as `markdownCode`. */
export function diffToMarkdown(diff: AccountDiff, base: string, head: string): string {
  const delta = [...pipelineDelta(diff)].filter(([, amount]) => amount !== 0).map(([currency, amount]) => `${amount > 0 ? '+' : '−'}${markdownText(formatMoney(Math.abs(amount), currency, true))}`);
  const { handoffs, stageChanges, added, removed } = diff;
  const headline = [
    handoffs.length === 1 ? l10n.t('1 handoff') : l10n.t('{0} handoffs', handoffs.length),
    stageChanges.length === 1 ? l10n.t('1 stage move') : l10n.t('{0} stage moves', stageChanges.length),
    added.length === 1 ? l10n.t('1 new account') : l10n.t('{0} new accounts', added.length),
    removed.length === 1 ? l10n.t('1 removed account') : l10n.t('{0} removed accounts', removed.length),
    ...(delta.length ? [l10n.t('{0} pipeline', delta.join(', '))] : []),
  ].join(', ');
  const out = [`### ${l10n.t('Handoff review: {0} → {1}', markdownText(base), markdownText(head))}`, '', `**${headline}**`, ''];
  if (diff.handoffs.length) {
    out.push(`#### ${l10n.t('Handoffs')}`, '');
    for (const h of diff.handoffs) out.push(`- **${markdownText(h.name)}** ${h.direction === 'ae-to-am' ? 'AE → AM' : l10n.t('AM → AE (hand-back)')}: ${markdownCode(h.from)} → ${markdownCode(h.to)}`);
    out.push('');
  }
  if (diff.stageChanges.length) {
    out.push(`#### ${l10n.t('Stage moves')}`, '');
    for (const s of diff.stageChanges) out.push(`- **${markdownText(s.name)}**: ${s.from === undefined ? l10n.t('(none)') : markdownText(s.from)} → ${s.to === undefined ? l10n.t('(none)') : markdownText(s.to)}`);
    out.push('');
  }
  const list = (title: string, accounts: Account[]) => {
    if (accounts.length === 0) return;
    out.push(`#### ${title}`, '');
    for (const a of accounts) {
      const arr = formatArr(a);
      out.push(`- **${markdownText(a.name)}** (${a.stage === undefined ? l10n.t('no stage') : markdownText(a.stage)}${arr === undefined ? '' : `, ${markdownText(arr)}`}) ${markdownCode(a.file)}`);
    }
    out.push('');
  };
  list(l10n.t('New accounts'), diff.added);
  list(l10n.t('Removed accounts'), diff.removed);
  if (diff.valueChanges.length) {
    out.push(`#### ${l10n.t('Value changes')}`, '');
    for (const v of diff.valueChanges) out.push(`- **${markdownText(v.name)}**: ${markdownText(formatMoney(v.from, v.currency))} → ${markdownText(formatMoney(v.to, v.currency))}`);
    out.push('');
  }
  if (out.length === 4) out.push(l10n.t('No account changed.'), '');
  return out.join('\n');
}
