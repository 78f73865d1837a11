/** Renewal dates and urgency, exactly as SPEC.md defines them. */
import * as l10n from '@vscode/l10n';
import { contractEndOf, type Account } from '../model/account';
import { addDays, daysBetween, type CalendarDay } from '../model/calendarDay';
import { formatDay } from '../model/displayLocale';
import { stageById, type TeamConfig } from '../model/teamConfig';

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

/** Every renewal of the accounts, most urgent first (severity, then the actionable day, then name). */
export function renewalsOf(accounts: Iterable<Account>, config: TeamConfig, today: CalendarDay): Renewal[] {
  const renewals: Renewal[] = [];
  for (const account of accounts) {
    const renewal = renewalOf(account, config, today);
    if (renewal) renewals.push(renewal);
  }
  return renewals.sort((a, b) => RENEWAL_SEVERITIES.indexOf(a.severity) - RENEWAL_SEVERITIES.indexOf(b.severity) || byActionableDay(a, b));
}

/**
 * The day a person must act by: the notice deadline while notice can still be given or has just
 * been missed; the contract's end once it has ended or when it renews by itself.
 */
export function actionableDay(renewal: Renewal): CalendarDay {
  return renewal.severity === 'overdue' || isAutoRenewing(renewal) ? renewal.contractEnd : renewal.noticeDeadline;
}

/** Soonest actionable day first, then name: the order within one bucket of urgency. */
export function byActionableDay(a: Renewal, b: Renewal): number {
  const [x, y] = [actionableDay(a), actionableDay(b)];
  return x < y ? -1 : x > y ? 1 : a.account.name.localeCompare(b.account.name);
}

function isAutoRenewing(renewal: Renewal): boolean {
  return renewal.autoRenew && renewal.severity !== 'overdue';
}

/** The AM stage a renewal moves to (`renewal`), when the team has one. */
export function renewalStageOf(config: TeamConfig): string | undefined {
  const stage = stageById(config, 'renewal');
  return stage?.role === 'am' && !stage.closed ? stage.id : undefined;
}

/** The account is already in the renewal stage: someone is handling it. */
export function inRenewalStage(renewal: Renewal, config: TeamConfig): boolean {
  const stage = renewalStageOf(config);
  return stage !== undefined && renewal.account.stage === stage;
}

/**
 * Whether a renewal still waits for someone to act (the status bar's count): it needs attention
 * and nobody has started it — an account in the renewal stage is being handled, unless its contract
 * has already ended.
 */
export function awaitsAction(renewal: Renewal, config: TeamConfig): boolean {
  return needsAttention(renewal) && (renewal.severity === 'overdue' || !inRenewalStage(renewal, config));
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

/** "3 d": a count of days where space is short. */
export function shortDays(days: number): string {
  return l10n.t('{0} d', days);
}

/** A day for people, with its year when it is far from today (`days` away) and the year could be mistaken. */
function dayFor(day: CalendarDay, days: number): string {
  return formatDay(day, Math.abs(days) > 300);
}

/**
 * A renewal in one short line that leads with what needs doing: "notice in 8 d · Dec 1 — ends Dec 31",
 * "notice passed 12 d ago — ends Jan 10", "ended 3 d ago", "auto-renews Dec 31". Under a heading
 * that already says "Notice passed" (the Renewals view's bucket), `underHeading` leaves the word
 * "notice" out, so the row fits the side bar: "passed 12 d ago — ends Jan 10".
 */
export function renewalHeadline(renewal: Renewal, underHeading = false): string {
  const end = dayFor(renewal.contractEnd, renewal.daysLeft);
  if (renewal.severity === 'overdue') return l10n.t('ended {0} ago', shortDays(-renewal.daysLeft));
  if (isAutoRenewing(renewal)) return l10n.t('auto-renews {0}', end);
  const deadline = dayFor(renewal.noticeDeadline, renewal.daysToDeadline);
  const ends = renewal.daysLeft === 0 ? l10n.t('ends today') : l10n.t('ends {0}', end);
  if (renewal.daysToDeadline < 0) return underHeading ? l10n.t('passed {0} ago — {1}', shortDays(-renewal.daysToDeadline), ends) : l10n.t('notice passed {0} ago — {1}', shortDays(-renewal.daysToDeadline), ends);
  if (renewal.daysToDeadline === 0) return l10n.t('notice due today — {0}', ends);
  return l10n.t('notice in {0} · {1} — {2}', shortDays(renewal.daysToDeadline), deadline, ends);
}

/** The whole renewal for a tooltip: its urgency, the notice deadline and the contract's end, with years. */
export function renewalDetail(renewal: Renewal): string {
  const values = {
    severity: severityLabel(renewal.severity),
    deadline: formatDay(renewal.noticeDeadline, true),
    deadlineWhen: relativeDays(renewal.daysToDeadline),
    end: formatDay(renewal.contractEnd, true),
    endWhen: relativeDays(renewal.daysLeft),
  };
  return isAutoRenewing(renewal)
    ? l10n.t('{severity}: renews by itself {end} ({endWhen}); notice deadline {deadline} ({deadlineWhen})', values)
    : l10n.t('{severity}: notice deadline {deadline} ({deadlineWhen}); contract ends {end} ({endWhen})', values);
}
