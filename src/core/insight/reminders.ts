/**
 * Date-dependent findings: renewals, stale contact, overdue next steps. Warnings or information,
 * never errors, so the calendar never fails a build. Computed from the index for a given day.
 */
import * as l10n from '@vscode/l10n';
import { lastContactOf, nextStepDateOf, nextStepOf, type Account } from '../model/account';
import { daysBetween, type CalendarDay } from '../model/calendarDay';
import { stageById, type TeamConfig } from '../model/teamConfig';
import type { Problem, ProblemCode, Severity } from '../model/problem';
import { describeRenewal, relativeDays, renewalOf, type RenewalSeverity } from './renewal';

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
