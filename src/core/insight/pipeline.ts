/** Filtering and ordering accounts the way a pipeline reads: stage order, then the soonest date, then name. */
import * as l10n from '@vscode/l10n';
import { aeOf, amOf, arrOf, closeDateOf, contractEndOf, currencyOf, nextStepOf, ownerOf, probabilityOf, regionOf, tagsOf, type Account } from '../model/account';
import { stageById, type TeamConfig } from '../model/teamConfig';
import { stageLabel, type Role, type Stage } from '../model/stage';

export interface AccountFilter {
  stages?: readonly string[];
  roles?: readonly Role[];
  /** An owner's e-mail, or the part before the `@`. */
  owners?: readonly string[];
  regions?: readonly string[];
  tags?: readonly string[];
}

export function matchesFilter(account: Account, filter: AccountFilter): boolean {
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  const anyOf = (wanted: readonly string[] | undefined, actual: readonly string[]) =>
    !wanted || wanted.length === 0 || wanted.some((w) => actual.some((a) => same(w, a)));
  const owner = ownerOf(account);
  const region = regionOf(account);
  return (
    anyOf(filter.stages, account.stage ? [account.stage] : []) &&
    anyOf(filter.roles, [account.role]) &&
    anyOf(filter.owners, owner ? [owner, owner.split('@')[0]] : []) &&
    anyOf(filter.regions, region !== undefined ? [region] : []) &&
    anyOf(filter.tags, tagsOf(account))
  );
}

/**
 * AE stages first, each stage in the team's pipeline order, unknown stages last; within a stage the
 * soonest day first (a deal's `close_date`, a customer's `contract_end`), undated last; then by name
 * (ignoring case) and file. Decorated once per account: at 100k accounts a comparator that looks
 * things up or calls localeCompare on every comparison costs several times the sort itself.
 */
export function sortByPipeline(accounts: readonly Account[], config: TeamConfig): Account[] {
  const order = new Map(config.stages.map((stage, index) => [stage.id, index]));
  const decorated = accounts.map((account) => ({
    account,
    rank: (account.role === 'ae' ? 0 : 1) * 10_000 + (order.get(account.stage ?? '') ?? 9_999),
    // YYYY-MM-DD compares as text; '~' sorts after every digit, so undated accounts come last.
    day: (account.role === 'ae' ? closeDateOf(account) : contractEndOf(account)) ?? '~',
    name: sortName(account.name),
  }));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  decorated.sort((a, b) => a.rank - b.rank || text(a.day, b.day) || text(a.name, b.name) || text(a.account.file, b.account.file));
  return decorated.map((entry) => entry.account);
}

const FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** A name as people alphabetise it: without case and accents ("Øresund" with the O's). */
function sortName(name: string): string {
  const lower = name.toLowerCase();
  // Most names are ASCII: the costly folding only runs for the others.
  // eslint-disable-next-line no-control-regex -- the range is all of ASCII, controls included
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßđłþı]/g, (c) => FOLDS[c]);
}

export type GroupBy = 'stage' | 'owner' | 'region';

/** Totals in one currency: the plain sum of `arr`, and the sum weighted by win probability. */
export interface MoneyTotal {
  currency: string;
  value: number;
  weighted: number;
}

export interface PipelineGroup {
  /** Stable id: the stage id, owner or region (empty for "none"). */
  key: string;
  label: string;
  /** Set when grouping by stage and the stage is the team's. */
  stage?: Stage;
  /** In no particular order: `sortByPipeline` them where they are shown (a group's sort is cheap, all of them are not). */
  accounts: Account[];
  /**
   * One total per currency, largest first. Grouped by owner or region, lost deals and churned
   * customers are listed but not counted: an owner's total is what they still have in hand.
   */
  totals: MoneyTotal[];
}

/**
 * The probability, in percent, that a deal in `stage` closes: its own when it has one (0–100),
 * else the stage's (0 for a stage without one or unknown to the team). AE deals and AM expansion
 * opportunities alike.
 */
export function dealProbability(config: TeamConfig, stage: string | undefined, own?: number): number {
  return own ?? stageById(config, stage)?.probability ?? 0;
}

/** The probability an account's value is won, in percent: an AE deal's `dealProbability`; AM accounts count fully. */
export function winProbability(account: Account, config: TeamConfig): number {
  return account.role === 'am' ? 100 : dealProbability(config, account.stage, probabilityOf(account));
}

export function totalsOf(accounts: readonly Account[], config: TeamConfig): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const account of accounts) addTo(totals, account, config);
  return sortedTotals(totals);
}

/** Adds an account's `arr` (plain and weighted) to the total of its currency. */
function addTo(totals: Map<string, MoneyTotal>, account: Account, config: TeamConfig): void {
  const arr = arrOf(account);
  if (arr === undefined) return;
  const currency = currencyOf(account) ?? '';
  let total = totals.get(currency);
  if (!total) totals.set(currency, (total = { currency, value: 0, weighted: 0 }));
  total.value += arr;
  total.weighted += (arr * winProbability(account, config)) / 100;
}

function sortedTotals(totals: Map<string, MoneyTotal>): MoneyTotal[] {
  return [...totals.values()].sort((a, b) => b.value - a.value);
}

/**
 * Groups accounts for the Pipeline view. By stage: every stage of the team in pipeline order, empty
 * ones included, then accounts whose stage the team does not know. By owner or region: sorted names,
 * then "none".
 */
export function groupAccounts(accounts: readonly Account[], config: TeamConfig, groupBy: GroupBy): PipelineGroup[] {
  // One pass both buckets and sums: at 100k accounts, walking the accounts once per group instead
  // costs five times as much (each pass touches scattered memory the one pass reads in order).
  const byKey = new Map<string, { accounts: Account[]; totals: Map<string, MoneyTotal> }>();
  const keyOf = (account: Account): string => {
    if (groupBy === 'stage') return account.stage ?? '';
    if (groupBy === 'owner') return ownerOf(account) ?? '';
    return regionOf(account) ?? '';
  };
  for (const account of accounts) {
    const key = keyOf(account);
    let bucket = byKey.get(key);
    if (!bucket) byKey.set(key, (bucket = { accounts: [], totals: new Map() }));
    bucket.accounts.push(account);
    if (groupBy === 'stage' || !isLost(account, config)) addTo(bucket.totals, account, config);
  }
  const group = (key: string, label: string, stage?: Stage): PipelineGroup => {
    const bucket = byKey.get(key);
    byKey.delete(key);
    return { key, label, stage, accounts: bucket?.accounts ?? [], totals: bucket ? sortedTotals(bucket.totals) : [] };
  };
  const groups: PipelineGroup[] = [];
  if (groupBy === 'stage') {
    for (const stage of config.stages) groups.push(group(stage.id, stageLabel(stage), stage));
  }
  const rest = [...byKey.keys()].filter((key) => key !== '').sort((a, b) => a.localeCompare(b));
  for (const key of rest) groups.push(group(key, key));
  if (byKey.has('')) groups.push(group('', groupBy === 'stage' ? l10n.t('(no stage)') : groupBy === 'owner' ? l10n.t('(no owner)') : l10n.t('(no region)')));
  return groups;
}

/** A lost deal or a churned customer: a closed stage that is not won. */
export function isLost(account: Account, config: TeamConfig): boolean {
  const stage = stageById(config, account.stage);
  return stage !== undefined && stage.closed && !stage.won;
}

/** Free-text search over what people remember of an account: name, file, owner, region, tags, next step. */
export function matchesText(account: Account, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return true;
  const haystack = [account.name, account.file, account.stage, aeOf(account), amOf(account), regionOf(account), account.data.segment, nextStepOf(account), ...tagsOf(account)]
    .filter((v): v is string => typeof v === 'string')
    .join('\n')
    .toLocaleLowerCase();
  return haystack.includes(needle);
}
