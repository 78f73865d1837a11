/**
 * The Pipeline view's words: short row descriptions that fit the sidebar's default width (about
 * 300 px), what needs doing first, and the headline above the tree. Full sums go in tooltips.
 */
import * as l10n from '@vscode/l10n';
import { arrOf, closeDateOf, contractEndOf, currencyOf, ownerOf, type Account } from '../model/account';
import { daysBetween, type CalendarDay } from '../model/calendarDay';
import { formatDay, formatMonth } from '../model/displayLocale';
import { formatArr, formatMoney } from '../model/money';
import { quarterOf } from '../model/period';
import { stageLabel } from '../model/stage';
import { stageById, type TeamConfig } from '../model/teamConfig';
import { forecastOf } from './forecast';
import type { GroupBy, PipelineGroup } from './pipeline';

/** An amount in one currency. */
export interface Amount {
  currency: string;
  value: number;
}

/** The largest currency, compact, and how many more there are: `USD 148K +1`. Amounts largest first. */
export function shortSums(amounts: readonly Amount[]): string | undefined {
  const [main, ...more] = amounts;
  if (!main) return undefined;
  const first = formatMoney(main.value, main.currency, true);
  return more.length > 0 ? `${first} +${more.length}` : first;
}

/** Every currency in full: `USD 148,000 + EUR 4,500`. */
export function fullSums(amounts: readonly Amount[]): string | undefined {
  return amounts.length === 0 ? undefined : amounts.map((a) => formatMoney(a.value, a.currency)).join(' + ');
}

/** Open AE stages count what they will likely bring (weighted by probability); closed and AM stages their plain value. */
function isWeighted(group: PipelineGroup): boolean {
  return group.stage?.role === 'ae' && !group.stage.closed;
}

/**
 * A group row: `4 · USD 148K +1`, the count and what the accounts are worth. The weighted forecast
 * is in the tooltip and, for the quarter, in the headline: a word such as "weighted" after every
 * sum would push the sum past the side bar's default width.
 */
export function groupDescription(group: PipelineGroup): string {
  const money = shortSums(group.totals.map((t) => ({ currency: t.currency, value: t.value })));
  return [String(group.accounts.length), money].filter(Boolean).join(' · ');
}

/** A group's sums in full, for its tooltip: the value, and for open AE stages the weighted forecast. */
export function groupSums(group: PipelineGroup, groupBy: GroupBy): string[] {
  const value = fullSums(group.totals.map((t) => ({ currency: t.currency, value: t.value })));
  if (!value) return [];
  const lines = [l10n.t('Value: {0}', value)];
  if (isWeighted(group)) lines.push(l10n.t('Weighted by probability: {0}', fullSums(group.totals.map((t) => ({ currency: t.currency, value: t.weighted })))!));
  if (groupBy !== 'stage') lines.push(l10n.t('Lost deals and churned customers are not counted.'));
  return lines;
}

/** A day in a row: `Dec 14`, with the year when it is more than half a year away (`Jan 5, 2028`). */
export function rowDay(day: CalendarDay, today: CalendarDay): string {
  return formatDay(day, Math.abs(daysBetween(today, day)) > 183);
}

/**
 * When a deal closes or closed, or how long a customer's contract runs: `Dec 14`, `won Nov 14`,
 * `lost Oct 2`, `renews in 38 d`, `ended 3 d ago`.
 */
export function accountWhen(account: Account, config: TeamConfig, today: CalendarDay): string | undefined {
  if (account.role === 'ae') {
    const close = closeDateOf(account);
    if (close === undefined) return undefined;
    const stage = stageById(config, account.stage);
    if (stage?.closed) return stage.won ? l10n.t('won {0}', rowDay(close, today)) : l10n.t('lost {0}', rowDay(close, today));
    return rowDay(close, today);
  }
  const end = contractEndOf(account);
  if (end === undefined) return undefined;
  const days = daysBetween(today, end);
  return days < 0 ? l10n.t('ended {0} d ago', -days) : l10n.t('renews in {0} d', days);
}

/**
 * An account row: value · when · owner (the owner short, last). Grouped by owner or region the row
 * leads with its stage, which the group no longer says (unless "won Nov 14" says it); grouped by
 * owner it leaves the owner out.
 */
export function accountDescription(account: Account, config: TeamConfig, today: CalendarDay, groupBy: GroupBy, key: boolean): string {
  const known = stageById(config, account.stage);
  // Under "Closed won" the day alone says when it was won: the row keeps its width for the value and day.
  const close = closeDateOf(account);
  const when = groupBy === 'stage' && account.role === 'ae' && known?.closed && close !== undefined ? rowDay(close, today) : accountWhen(account, config, today);
  // "won Nov 14" already says the stage.
  const saysStage = account.role === 'ae' && known?.closed === true && close !== undefined;
  const stage = groupBy === 'stage' || saysStage ? undefined : stageLabel(known, account.stage ?? '') || l10n.t('no stage');
  const owner = groupBy === 'owner' ? undefined : ownerOf(account)?.split('@')[0];
  return [key ? l10n.t('★ key') : undefined, stage, formatArr(account, true), when, owner].filter(Boolean).join(' · ');
}

/** The accounts of one workspace folder and its team. */
export interface TeamAccounts {
  accounts: readonly Account[];
  config: TeamConfig;
}

/**
 * The headline above the tree: this quarter's forecast (won, plus open deals and expansion weighted)
 * and the open deals closing this month, of the accounts given (filter them first):
 * `Q4 forecast USD 1.2M · 3 deals close in Nov (USD 240K)`. Undefined without accounts.
 */
export function pipelineHeadline(teams: readonly TeamAccounts[], today: CalendarDay): string | undefined {
  if (teams.every((team) => team.accounts.length === 0)) return undefined;
  const quarter = quarterOf(today);
  const month = today.slice(0, 7);
  const forecast = new Map<string, number>();
  const closing = new Map<string, number>();
  let deals = 0;
  for (const { accounts, config } of teams) {
    for (const t of forecastOf(accounts, config, quarter).totals) forecast.set(t.currency, (forecast.get(t.currency) ?? 0) + t.forecast);
    for (const account of accounts) {
      if (account.role !== 'ae' || stageById(config, account.stage)?.closed || closeDateOf(account)?.slice(0, 7) !== month) continue;
      deals++;
      const arr = arrOf(account);
      if (arr !== undefined) closing.set(currencyOf(account) ?? '', (closing.get(currencyOf(account) ?? '') ?? 0) + arr);
    }
  }
  const sums = (amounts: Map<string, number>) => shortSums([...amounts].map(([currency, value]) => ({ currency, value })).sort((a, b) => b.value - a.value));
  const q = quarter.id.slice(5);
  const forecastText = sums(forecast) ? l10n.t('{0} forecast {1}', q, sums(forecast)!) : l10n.t('{0}: nothing forecast', q);
  const monthName = formatMonth(today);
  const money = sums(closing);
  const closingText =
    deals === 0
      ? l10n.t('no deals close in {0}', monthName)
      : deals === 1
        ? money ? l10n.t('1 deal closes in {0} ({1})', monthName, money) : l10n.t('1 deal closes in {0}', monthName)
        : money ? l10n.t('{0} deals close in {1} ({2})', deals, monthName, money) : l10n.t('{0} deals close in {1}', deals, monthName);
  return `${forecastText} · ${closingText}`;
}
