/** The report for people (Markdown, every value through `markdownText`) and for spreadsheets (one CSV table, a row per item, by section). */
import * as l10n from '@vscode/l10n';
import { aeOf, amOf, arrOf, closeDateOf, currencyOf, ownerOf, type Account } from '../model/account';
import { toCsv, type CsvValue } from './csv';
import { markdownLink, markdownText, type MarkdownLinks } from './markdown';
import { formatArr, formatMoney } from '../model/money';
import { formatDay } from '../model/displayLocale';
import { stageNameOf } from '../model/teamConfig';
import type { CalendarDay } from '../model/calendarDay';
import type { MoneyTotal } from '../insight/pipeline';
import type { Report } from '../insight/report';
import type { ScoredAccount } from '../insight/scoring';
import { severityLabel } from '../insight/renewal';

/** A stage as people read it: the team's label or the default stage's name, never the id. */
const stageName = (report: Report, id: string | undefined) => (id === undefined ? '' : stageNameOf(report.config, id));
/** A criterion as people read it: `growth_potential` → "growth potential". */
const criterionName = (name: string) => name.replace(/_/g, ' ');
const criteriaText = (k: ScoredAccount, between: string) => k.criteria.map((c) => `${criterionName(c.name)}${between}${c.score ?? '–'}`).join(', ');
const day = (value: CalendarDay | undefined) => (value === undefined ? '' : formatDay(value, true));
const money = (a: Account) => formatArr(a) ?? '—';
const sums = (totals: readonly { currency: string; value: number }[]) => (totals.length === 0 ? '—' : totals.map((t) => formatMoney(t.value, t.currency)).join(' + '));
/** A table cell: text, text in bold, or a link. Every one is written with `markdownText` (a link with `markdownLink`), so no value adds a cell, a line or markup (the headers are the report's own words). */
type Cell = string | { strong: string } | { text: string; href: string | undefined };
const cell = (value: Cell) => {
  if (typeof value === 'string') return markdownText(value);
  if ('strong' in value) return `**${markdownText(value.strong)}**`;
  return value.href === undefined ? markdownText(value.text) : markdownLink(value.text, value.href);
};

function table(headers: string[], rows: Cell[][]): string {
  if (rows.length === 0) return `_${l10n.t('None.')}_\n`;
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
}

export function reportToMarkdown(report: Report, { linkOf }: MarkdownLinks = {}): string {
  const name = (a: Account): Cell => ({ text: a.name, href: linkOf?.(a.file) });
  const { period } = report;
  const out: string[] = [`# ${l10n.t('Pipeline report {0}', markdownText(period.id))}`, '', l10n.t('{0} to {1} · as of {2}', markdownText(day(period.start)), markdownText(day(period.end)), markdownText(day(report.today))), ''];
  const forecast = report.forecast.totals;
  out.push(`## ${l10n.t('Forecast')}`, '');
  out.push(
    table(
      [l10n.t('Currency'), l10n.t('Won'), l10n.t('Open deals (weighted)'), l10n.t('Expansion (weighted)'), l10n.t('Forecast')],
      forecast.map((t) => [t.currency || '—', formatMoney(t.won, t.currency), `${formatMoney(t.deals, t.currency)} (${formatMoney(t.dealsWeighted, t.currency)})`, `${formatMoney(t.expansion, t.currency)} (${formatMoney(t.expansionWeighted, t.currency)})`, { strong: formatMoney(t.forecast, t.currency) }]),
    ),
  );
  out.push(`## ${l10n.t('Pipeline by stage')}`, '');
  out.push(
    table(
      [l10n.t('Stage'), l10n.t('Role'), l10n.t('Accounts'), l10n.t('Value'), l10n.t('Weighted')],
      report.pipeline.map((p) => [stageName(report, p.stage), p.role.toUpperCase(), String(p.count), sums(p.totals), p.role === 'ae' ? sums(p.totals.map((t: MoneyTotal) => ({ currency: t.currency, value: t.weighted }))) : '—']),
    ),
  );
  out.push(`## ${l10n.t('Deals closing in {0}', markdownText(period.id))}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Stage'), l10n.t('Close date'), l10n.t('Value'), l10n.t('Probability'), l10n.t('Owner')], report.forecast.deals.map(({ account, probability }) => [name(account), stageName(report, account.stage), day(closeDateOf(account)), money(account), `${probability}%`, aeOf(account) ?? ''])));
  out.push(`## ${l10n.t('Expansion closing in {0}', markdownText(period.id))}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Type'), l10n.t('Opportunity'), l10n.t('Stage'), l10n.t('Close date'), l10n.t('Value')], report.forecast.expansion.map((o) => [name(o.account), o.type, o.title, stageName(report, o.stage), day(o.closeDate), formatMoney(o.value, o.currency)])));
  out.push(`## ${l10n.t('Won in {0}', markdownText(period.id))}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Close date'), l10n.t('Value'), 'AE'], report.won.map((a) => [name(a), day(closeDateOf(a)), money(a), aeOf(a) ?? ''])));
  out.push(`## ${l10n.t('Lost in {0}', markdownText(period.id))}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Close date'), l10n.t('Value'), 'AE'], report.lost.map((a) => [name(a), day(closeDateOf(a)), money(a), aeOf(a) ?? ''])));
  out.push(`## ${l10n.t('Renewals due in {0}', markdownText(period.id))}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Contract end'), l10n.t('Severity'), l10n.t('Value at stake'), 'AM'], report.renewals.map((r) => [name(r.account), day(r.contractEnd), severityLabel(r.severity), money(r.account), ownerOf(r.account) ?? ''])));
  out.push(`## ${l10n.t('Quota attainment')}`, '');
  out.push(table([l10n.t('Person'), l10n.t('Role'), l10n.t('Region'), l10n.t('Quota'), l10n.t('Attained'), '%'], report.quota.map((q) => [q.person, (q.role ?? '').toUpperCase(), q.region ?? '', formatMoney(q.quota, ''), formatMoney(q.attained, ''), `${Math.round(q.attainment * 100)}%`])));
  out.push(`## ${l10n.t('Key accounts')}`, '');
  out.push(table(['#', l10n.t('Account'), l10n.t('Score'), l10n.t('Criteria')], report.keyAccounts.map((k) => [String(k.rank), name(k.account), k.score.toFixed(1), criteriaText(k, ' ')])));
  out.push(`## ${l10n.t('Needing attention')}`, '');
  out.push(table([l10n.t('Account'), l10n.t('Why')], report.attention.map((a) => [name(a.account), a.reasons.join('; ')])));
  return out.join('\n');
}

/**
 * One CSV table for the whole report: `section, account, file, detail, date, currency, value,
 * weighted, probability_or_score, owner` — filter the `section` column in a spreadsheet. The header
 * and `section` are keys a sheet's formulas name; `detail` is words for people (stage names,
 * severities, criteria as the views say them). Dates stay YYYY-MM-DD and numbers plain, which every
 * spreadsheet reads as dates and numbers; ids are in the JSON (`--format json`).
 */
export function reportToCsv(report: Report): string {
  const rows: CsvValue[][] = [['section', 'account', 'file', 'detail', 'date', 'currency', 'value', 'weighted', 'probability_or_score', 'owner']];
  const currency = (a: Account) => currencyOf(a) ?? '';
  const arr = (a: Account) => arrOf(a) ?? '';
  for (const p of report.pipeline) for (const t of p.totals.length > 0 ? p.totals : [{ currency: '', value: 0, weighted: 0 }]) rows.push(['pipeline', '', '', `${stageName(report, p.stage)} (${p.role.toUpperCase()}, ${p.count})`, '', t.currency, t.value, p.role === 'ae' ? t.weighted : '', '', '']);
  for (const t of report.forecast.totals) rows.push(['forecast', '', '', 'won + weighted deals + weighted expansion', report.period.id, t.currency, t.forecast, '', '', '']);
  const weighted = (a: Account, probability: number) => {
    const value = arrOf(a);
    return value === undefined ? '' : (value * probability) / 100;
  };
  for (const { account, probability } of report.forecast.deals) rows.push(['deal', account.name, account.file, stageName(report, account.stage), closeDateOf(account), currency(account), arr(account), weighted(account, probability), probability, aeOf(account)]);
  for (const o of report.forecast.expansion) rows.push(['expansion', o.account.name, o.account.file, `${o.type}: ${o.title} (${stageName(report, o.stage)})`, o.closeDate, o.currency, o.value, (o.value * o.probability) / 100, o.probability, amOf(o.account)]);
  for (const a of report.won) rows.push(['won', a.name, a.file, stageName(report, a.stage), closeDateOf(a), currency(a), arr(a), '', '', aeOf(a)]);
  for (const a of report.lost) rows.push(['lost', a.name, a.file, stageName(report, a.stage), closeDateOf(a), currency(a), arr(a), '', '', aeOf(a)]);
  for (const r of report.renewals) rows.push(['renewal', r.account.name, r.account.file, severityLabel(r.severity), r.contractEnd, currency(r.account), arr(r.account), '', '', ownerOf(r.account)]);
  for (const q of report.quota) rows.push(['quota', '', '', `${q.person} (${q.role ?? ''}${q.region ? `, ${q.region}` : ''})`, report.period.id, '', q.attained, q.quota, Math.round(q.attainment * 1000) / 1000, q.person]);
  for (const k of report.keyAccounts) rows.push(['key_account', k.account.name, k.account.file, criteriaText(k, ' '), '', currency(k.account), arr(k.account), '', k.score, ownerOf(k.account)]);
  for (const a of report.attention) rows.push(['attention', a.account.name, a.account.file, a.reasons.join('; '), '', '', '', '', '', ownerOf(a.account)]);
  return toCsv(rows);
}
