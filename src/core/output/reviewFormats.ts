/** The review of a diff as people and programs read it: the JSON of `handoff diff` and the Markdown comment for a pull request. */
import * as l10n from '@vscode/l10n';
import { arrOf, currencyOf, type Account } from '../model/account';
import { formatArr, formatMoney } from '../model/money';
import { pipelineDelta, type AccountDiff } from '../insight/diff';
import { stageNameOf, type TeamConfig } from '../model/teamConfig';
import { markdownCode, markdownLink, markdownText, type MarkdownLinks } from './markdown';

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

/**
 * A comment a reviewer pastes into the pull request: names, stages (as the team names them, not
 * their ids), amounts and revisions as `markdownText`, paths as `markdownCode`.
 */
export function diffToMarkdown(diff: AccountDiff, base: string, head: string, config: TeamConfig, { linkOf }: MarkdownLinks = {}): string {
  const stage = (id: string) => markdownText(stageNameOf(config, id));
  /** An account's name in bold, a link to its file (at `head`) when `linkOf` gives one. */
  const name = (text: string, file?: string) => {
    const href = file === undefined ? undefined : linkOf?.(file);
    return `**${href === undefined ? markdownText(text) : markdownLink(text, href)}**`;
  };
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
    for (const h of diff.handoffs) {
      out.push(`- ${name(h.name, h.to)} ${h.direction === 'ae-to-am' ? 'AE → AM' : l10n.t('AM → AE (hand-back)')}: ${markdownCode(h.from)} → ${markdownCode(h.to)}`);
      if (!h.note) continue;
      const link = linkOf?.(h.note.file);
      const file = link === undefined ? markdownCode(h.note.file) : markdownLink(h.note.file, link);
      const empty = h.note.empty.length === 0 || h.direction !== 'ae-to-am' ? '' : ` — ${l10n.t('{0} empty: {1}', h.note.empty.length, h.note.empty.map((item) => markdownText(item)).join(', '))}`;
      out.push(`  - ${l10n.t('note')}: ${file}${empty}`);
    }
    out.push('');
  }
  if (diff.stageChanges.length) {
    out.push(`#### ${l10n.t('Stage moves')}`, '');
    for (const s of diff.stageChanges) out.push(`- ${name(s.name, s.file)}: ${s.from === undefined ? l10n.t('(none)') : stage(s.from)} → ${s.to === undefined ? l10n.t('(none)') : stage(s.to)}`);
    out.push('');
  }
  const list = (title: string, accounts: Account[], linked: boolean) => {
    if (accounts.length === 0) return;
    out.push(`#### ${title}`, '');
    for (const a of accounts) {
      const arr = formatArr(a);
      out.push(`- ${name(a.name, linked ? a.file : undefined)} (${a.stage === undefined ? l10n.t('no stage') : stage(a.stage)}${arr === undefined ? '' : `, ${markdownText(arr)}`}) ${markdownCode(a.file)}`);
    }
    out.push('');
  };
  list(l10n.t('New accounts'), diff.added, true);
  list(l10n.t('Removed accounts'), diff.removed, false);
  if (diff.valueChanges.length) {
    out.push(`#### ${l10n.t('Value changes')}`, '');
    for (const v of diff.valueChanges) out.push(`- ${name(v.name, v.file)}: ${markdownText(formatMoney(v.from, v.currency))} → ${markdownText(formatMoney(v.to, v.currency))}`);
    out.push('');
  }
  if (out.length === 4) out.push(l10n.t('No account changed.'), '');
  return out.join('\n');
}
