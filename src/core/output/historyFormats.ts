/** `handoff history` as Markdown (people: a weekly report; also the terminal's text) and CSV (a spreadsheet). */
import * as l10n from '@vscode/l10n';
import { stageNameOf, type TeamConfig } from '../model/teamConfig';
import type { HistoryReport, HistoryWindow } from '../insight/historyReport';
import { toCsv } from './csv';
import { markdownCode, markdownText } from './markdown';

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)} %`);
const days = (value: number | null) => (value === null ? '–' : `${Math.round(value * 10) / 10}`);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

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
  const value = (kind: string, v: string | number | null) => (kind === 'stage' || kind === 'added' || kind === 'removed' ? stage(v) : v === null ? '–' : markdownText(String(v)));
  for (const t of report.transitions) lines.push(row([t.date, markdownText(t.name), t.kind, value(t.kind, t.from), value(t.kind, t.to), markdownText(t.author), markdownCode(t.commit.slice(0, 8))]));
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
