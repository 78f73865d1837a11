/** Renewal dates and urgency, exactly as SPEC.md defines them. */
import * as l10n from '@vscode/l10n';
import { contractEndOf, type Account } from '../model/account';
import { addDays, daysBetween, type CalendarDay } from '../model/calendarDay';
import type { TeamConfig } from '../model/teamConfig';

export type RenewalSeverity = 'overdue' | 'notice-passed' | 'critical' | 'warning' | 'info' | 'ok';

/** Most urgent first. */
export const RENEWAL_SEVERITIES: readonly RenewalSeverity[] = ['overdue', 'notice-passed', 'critical', 'warning', 'info', 'ok'];

/** A severity in words, for people: the ids (`notice-passed`) are for files, JSON and CSV. */
export function severityLabel(severity: RenewalSeverity): string {
  switch (severity) {
    case 'overdue':
      return l10n.t('Overdue');
    case 'notice-passed':
      return l10n.t('Notice passed');
    case 'critical':
      return l10n.t('Critical');
    case 'warning':
      return l10n.t('Warning');
    case 'info':
      return l10n.t('Auto-renews');
    case 'ok':
      return l10n.t('On track');
  }
}

export interface Renewal {
  account: Account;
  contractEnd: CalendarDay;
  /** `contract_end - today`; negative once the contract has ended. */
  daysLeft: number;
  noticeDays: number;
  /** `contract_end - notice_days`. */
  noticeDeadline: CalendarDay;
  /** `notice deadline - today`. */
  daysToDeadline: number;
  severity: RenewalSeverity;
  autoRenew: boolean;
}

/**
 * The renewal of an AM account with a valid `contract_end`; undefined for AE accounts (whatever
 * dates they carry), for accounts without the date, and for accounts in a closed AM stage (churned:
 * a customer that left has nothing to renew).
 */
export function renewalOf(account: Account, config: TeamConfig, today: CalendarDay): Renewal | undefined {
  if (account.role !== 'am') return undefined;
  const contractEnd = contractEndOf(account);
  if (contractEnd === undefined) return undefined;
  const rules = rulesOf(config);
  if (account.stage !== undefined && rules.closedStages.has(account.stage)) return undefined;
  const own = account.data.notice_days;
  const noticeDays = typeof own === 'number' && Number.isInteger(own) && own >= 0 ? own : rules.noticeDays;
  const noticeDeadline = addDays(contractEnd, -noticeDays);
  const daysLeft = daysBetween(today, contractEnd);
  const daysToDeadline = daysBetween(today, noticeDeadline);
  const autoRenew = account.data.auto_renew === true;
  let severity: RenewalSeverity;
  if (daysLeft < 0) severity = 'overdue';
  else if (daysToDeadline < 0) severity = 'notice-passed';
  else if (daysToDeadline <= rules.critical) severity = 'critical';
  else if (daysToDeadline <= rules.warning) severity = 'warning';
  else severity = 'ok';
  if (autoRenew && (severity === 'notice-passed' || severity === 'critical' || severity === 'warning')) severity = 'info';
  return { account, contractEnd, daysLeft, noticeDays, noticeDeadline, daysToDeadline, severity, autoRenew };
}

/** A team configuration never changes once read (a new file makes a new one), so its rules are kept. */
const rulesByConfig = new WeakMap<TeamConfig, RenewalRules>();

/** What every renewal of a team is judged by, worked out once for a whole list. */
interface RenewalRules {
  closedStages: ReadonlySet<string>;
  noticeDays: number;
  critical: number;
  warning: number;
}

function rulesOf(config: TeamConfig): RenewalRules {
  let rules = rulesByConfig.get(config);
  if (!rules) {
    const { warnDays, noticeDays } = config.renewal;
    rules = { closedStages: new Set(config.stages.filter((s) => s.closed).map((s) => s.id)), noticeDays, critical: Math.min(...warnDays), warning: Math.max(...warnDays) };
    rulesByConfig.set(config, rules);
  }
  return rules;
}

/** Every renewal of the accounts, most urgent first (severity, then days left, then name). */
export function renewalsOf(accounts: Iterable<Account>, config: TeamConfig, today: CalendarDay): Renewal[] {
  const renewals: Renewal[] = [];
  for (const account of accounts) {
    const renewal = renewalOf(account, config, today);
    if (renewal) renewals.push(renewal);
  }
  return renewals.sort(
    (a, b) =>
      RENEWAL_SEVERITIES.indexOf(a.severity) - RENEWAL_SEVERITIES.indexOf(b.severity) ||
      a.daysLeft - b.daysLeft ||
      a.account.name.localeCompare(b.account.name),
  );
}

/** True for the severities that ask an AM to act (not `info`, not `ok`). */
export function needsAttention(renewal: Renewal): boolean {
  return renewal.severity !== 'info' && renewal.severity !== 'ok';
}

/** "in 10 days", "today", "12 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return l10n.t('today');
  if (days === 1) return l10n.t('in 1 day');
  if (days === -1) return l10n.t('1 day ago');
  return days > 0 ? l10n.t('in {0} days', days) : l10n.t('{0} days ago', -days);
}

/** What a person needs to read about a renewal, in one line. */
export function describeRenewal(renewal: Renewal): string {
  const values = { when: relativeDays(renewal.daysLeft), end: renewal.contractEnd, deadline: renewal.noticeDeadline };
  switch (renewal.severity) {
    case 'overdue':
      return l10n.t('Contract ended {when} ({end}) without a renewal', values);
    case 'notice-passed':
      return l10n.t('Notice deadline passed {when} ({deadline}) · contract ends {end}', { ...values, when: relativeDays(renewal.daysToDeadline) });
    case 'info':
      return l10n.t('Auto-renews · notice deadline {when} ({deadline}) · contract ends {end}', { ...values, when: relativeDays(renewal.daysToDeadline) });
    default:
      return l10n.t('Notice deadline {when} ({deadline}) · contract ends {end}', { ...values, when: relativeDays(renewal.daysToDeadline) });
  }
}
