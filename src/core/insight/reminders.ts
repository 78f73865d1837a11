/**
 * Date-dependent findings: renewals, stale contact, overdue next steps (Problems), and the dates
 * coming up within the team's `reminders.ahead_days` (lenses only). Warnings or information, never
 * errors, so the calendar never fails a build. Computed from the index for a given day.
 */
import * as l10n from '@vscode/l10n';
import { closeDateOf, lastContactOf, nextStepDateOf, nextStepOf, type Account } from '../model/account';
import { formatDay } from '../model/displayLocale';
import { daysBetween, type CalendarDay } from '../model/calendarDay';
import { stageById, type TeamConfig } from '../model/teamConfig';
import type { Problem, ProblemCode, Severity } from '../model/problem';
import { describeRenewal, relativeDays, renewalOf, shortDays, type RenewalSeverity } from './renewal';

const RENEWAL_PROBLEM: Record<Exclude<RenewalSeverity, 'ok'>, { code: ProblemCode; severity: Severity }> = {
  overdue: { code: 'renewal-overdue', severity: 'warning' },
  'notice-passed': { code: 'renewal-notice-passed', severity: 'warning' },
  critical: { code: 'renewal-critical', severity: 'warning' },
  warning: { code: 'renewal-warning', severity: 'warning' },
  info: { code: 'renewal-auto', severity: 'info' },
};

export interface StaleContact {
  lastContact: CalendarDay;
  days: number;
}

/** No contact for longer than `contact.stale_days`, on an account still in an open stage. */
export function staleContactOf(account: Account, config: TeamConfig, today: CalendarDay): StaleContact | undefined {
  const last = lastContactOf(account);
  if (last === undefined || isClosed(account, config)) return undefined;
  const days = daysBetween(last, today);
  return days > config.contact.staleDays ? { lastContact: last, days } : undefined;
}

export interface OverdueStep {
  step: string | undefined;
  date: CalendarDay;
  daysLate: number;
}

/** A `next_step_date` in the past, on an account still in an open stage. */
export function overdueStepOf(account: Account, config: TeamConfig, today: CalendarDay): OverdueStep | undefined {
  const date = nextStepDateOf(account);
  if (date === undefined || isClosed(account, config)) return undefined;
  const daysLate = daysBetween(date, today);
  const step = nextStepOf(account);
  return daysLate > 0 ? { step, date, daysLate } : undefined;
}

/** A next step or an open deal's close date coming up, today included. */
export interface UpcomingDate {
  key: 'next_step_date' | 'close_date';
  date: CalendarDay;
  /** 0 today, 1 tomorrow, … up to `reminders.ahead_days`. */
  daysAhead: number;
  step: string | undefined;
}

/**
 * The dates of an open account due within `reminders.ahead_days` (0: none): its `next_step_date`,
 * and, on an AE deal, its `close_date`. The day after, the overdue reminder takes over.
 */
export function upcomingDatesOf(account: Account, config: TeamConfig, today: CalendarDay): UpcomingDate[] {
  const ahead = config.reminders.aheadDays;
  if (ahead <= 0 || isClosed(account, config)) return [];
  const upcoming: UpcomingDate[] = [];
  const consider = (key: UpcomingDate['key'], date: CalendarDay | undefined) => {
    if (date === undefined) return;
    const daysAhead = daysBetween(today, date);
    if (daysAhead >= 0 && daysAhead <= ahead) upcoming.push({ key, date, daysAhead, step: key === 'next_step_date' ? nextStepOf(account) : undefined });
  };
  consider('next_step_date', nextStepDateOf(account));
  if (account.role === 'ae') consider('close_date', closeDateOf(account));
  return upcoming;
}

/** "next step in 2 d · Dec 1: Send the QBR deck", "close date today · Dec 1". */
export function describeUpcoming(upcoming: UpcomingDate): string {
  const day = formatDay(upcoming.date);
  if (upcoming.key === 'close_date') {
    return upcoming.daysAhead === 0 ? l10n.t('close date today · {0}', day) : l10n.t('close date in {0} · {1}', shortDays(upcoming.daysAhead), day);
  }
  const { step } = upcoming;
  if (upcoming.daysAhead === 0) return step ? l10n.t('next step today · {0}: {1}', day, step) : l10n.t('next step today · {0}', day);
  const days = shortDays(upcoming.daysAhead);
  return step ? l10n.t('next step in {0} · {1}: {2}', days, day, step) : l10n.t('next step in {0} · {1}', days, day);
}

export function remindersOf(account: Account, config: TeamConfig, today: CalendarDay): Problem[] {
  const problems: Problem[] = [];
  const at = (key: string, severity: Severity, code: ProblemCode, message: string) => {
    const position = account.keys.get(key);
    const line = (position?.line ?? 0) + 1;
    const [column, endColumn] = position ? [position.valueColumn + 1, position.valueEnd + 1] : [1, 4];
    problems.push({ file: account.file, line, column, endLine: line, endColumn, severity, code, message });
  };
  const renewal = renewalOf(account, config, today);
  if (renewal && renewal.severity !== 'ok') {
    const { code, severity } = RENEWAL_PROBLEM[renewal.severity];
    at('contract_end', severity, code, describeRenewal(renewal));
  }
  const stale = staleContactOf(account, config, today);
  if (stale) at('last_contact', 'info', 'stale-contact', l10n.t("No contact for {0} days (last {1}); the team's limit is {2}", stale.days, stale.lastContact, config.contact.staleDays));
  const step = overdueStepOf(account, config, today);
  if (step) {
    const late = relativeDays(-step.daysLate);
    const message = step.step ? l10n.t('Next step overdue since {0} ({1}): {2}', step.date, late, step.step) : l10n.t('Next step overdue since {0} ({1})', step.date, late);
    at('next_step_date', 'info', 'next-step-overdue', message);
  }
  return problems;
}

function isClosed(account: Account, config: TeamConfig): boolean {
  return stageById(config, account.stage)?.closed === true;
}
