/** `handoff history` as Markdown (people: a weekly report; also the terminal's text) and CSV (a spreadsheet). */
import * as l10n from '@vscode/l10n';
import { stageNameOf, type TeamConfig } from '../model/teamConfig';
import type { Transition } from '../insight/history';
import type { HistoryReport, HistoryWindow } from '../insight/historyReport';
import { toCsv } from './csv';
import { markdownCode, markdownLink, markdownText, type MarkdownLinks } from './markdown';

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);
const days = (value: number | null) => (value === null ? '–' : `${Math.round(value * 10) / 10}`);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** A transition's from/to for people: a stage by its label, a path or a person or a number as written. */
function transitionValue(config: TeamConfig, kind: Transition['kind'], value: string | number | null): string {
  if (value === null) return '–';
  return kind === 'stage' || kind === 'added' || kind === 'removed' ? markdownText(stageNameOf(config, String(value))) : markdownText(String(value));
}

/** One account's story (Show Account History): how long it has been in its stage, then every change git recorded, newest first. */
export function storyToMarkdown(name: string, file: string, story: readonly Transition[], inStage: { stage: string | undefined; since: string; days: number }, config: TeamConfig, links: MarkdownLinks = {}): string {
  const href = links.linkOf?.(file);
  const title = href === undefined ? markdownText(name) : markdownLink(name, href);
  const lines = [`# ${l10n.t('History of {0}', title)}`, ''];
  if (inStage.stage !== undefined) lines.push(l10n.t('In {0} since {1} ({2} days).', markdownText(stageNameOf(config, inStage.stage)), inStage.since, inStage.days), '');
  if (story.length === 0) {
    lines.push(l10n.t('git has no commit of this account yet.'), '');
    return lines.join('\n');
  }
  lines.push(row([l10n.t('Date'), l10n.t('Change'), l10n.t('From'), l10n.t('To'), l10n.t('Author'), l10n.t('Commit')]), row(['---', '---', '---', '---', '---', '---']));
  for (const t of [...story].reverse()) lines.push(row([t.date, t.kind, transitionValue(config, t.kind, t.from), transitionValue(config, t.kind, t.to), markdownText(t.author), markdownCode(t.commit.slice(0, 8))]));
  return lines.join('\n') + '\n';
}

export function historyToMarkdown(report: HistoryReport, config: TeamConfig, window: HistoryWindow, today: string): string {
  const stage = (id: string | number | null) => (id === null ? '–' : markdownText(typeof id === 'string' ? stageNameOf(config, id) : String(id)));
  const lines = [`# ${l10n.t('Pipeline history')}`, '', `${markdownText(window.since ?? l10n.t('the first commit'))} – ${markdownText(window.until ?? today)}`, ''];
  const { win_rate: win } = report;
  lines.push(`## ${l10n.t('Win rate')}`, '', `${l10n.t('Won {0}, lost {1}: {2}; median sales cycle {3} days', win.won, win.lost, percent(win.rate), days(win.median_cycle_days))}`, '');
  if (win.by_ae.length > 0) {
    lines.push(row([l10n.t('AE'), l10n.t('Won'), l10n.t('Lost'), l10n.t('Win rate')]), row(['---', '---:', '---:', '---:']));
    for (const person of win.by_ae) lines.push(row([markdownText(person.ae || l10n.t('(no AE)')), String(person.won), String(person.lost), percent(person.rate)]));
    lines.push('');
  }
  lines.push(`## ${l10n.t('Stages')}`, '', row([l10n.t('Stage'), l10n.t('Entered'), l10n.t('Median days'), l10n.t('Mean days'), l10n.t('Went on')]), row(['---', '---:', '---:', '---:', '---:']));
  for (const flow of report.stages) lines.push(row([stage(flow.stage), String(flow.entered), days(flow.median_days), days(flow.mean_days), percent(flow.conversion)]));
  lines.push('', `## ${l10n.t('Longest in their stage')}`, '', row([l10n.t('Account'), l10n.t('Stage'), l10n.t('Since'), l10n.t('Days')]), row(['---', '---', '---', '---:']));
  for (const account of [...report.accounts].sort((a, b) => b.days_in_stage - a.days_in_stage).slice(0, 20)) lines.push(row([markdownText(account.name), stage(account.stage), account.since, String(account.days_in_stage)]));
  lines.push('', `## ${l10n.t('Changes')}`, '', row([l10n.t('Date'), l10n.t('Account'), l10n.t('Change'), l10n.t('From'), l10n.t('To'), l10n.t('Author'), l10n.t('Commit')]), row(['---', '---', '---', '---', '---', '---', '---']));
  for (const t of report.transitions) lines.push(row([t.date, markdownText(t.name), t.kind, transitionValue(config, t.kind, t.from), transitionValue(config, t.kind, t.to), markdownText(t.author), markdownCode(t.commit.slice(0, 8))]));
  return lines.join('\n') + '\n';
}

/** One table, as the report's CSV is: a `section` column (transition, account, stage, win_rate) to filter on. */
export function historyToCsv(report: HistoryReport): string {
  const rows: (string | number | null)[][] = [['section', 'file', 'name', 'date', 'kind', 'from', 'to', 'author', 'commit', 'stage', 'since', 'days', 'entered', 'median_days', 'mean_days', 'conversion', 'ae', 'won', 'lost', 'rate']];
  for (const t of report.transitions) rows.push(['transition', t.file, t.name, t.date, t.kind, t.from, t.to, t.author, t.commit, null, null, null, null, null, null, null, null, null, null, null]);
  for (const a of report.accounts) rows.push(['account', a.file, a.name, null, null, null, null, null, null, a.stage, a.since, a.days_in_stage, null, null, null, null, null, null, null, null]);
  for (const s of report.stages) rows.push(['stage', null, null, null, null, null, null, null, null, s.stage, null, null, s.entered, s.median_days, s.mean_days, s.conversion, null, null, null, null]);
  const win = report.win_rate;
  rows.push(['win_rate', null, null, null, null, null, null, null, null, null, null, win.median_cycle_days, null, null, null, null, null, win.won, win.lost, win.rate]);
  for (const p of win.by_ae) rows.push(['win_rate', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, p.ae, p.won, p.lost, p.rate]);
  return toCsv(rows);
}
