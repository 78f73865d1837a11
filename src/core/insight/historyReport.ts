/**
 * What `handoff history` prints (SPEC.md, "History from git"): the transitions in a window, every
 * account of the working tree with the day it entered its stage, per stage the flow, and the win rate.
 * Built from a replayed history (history.ts) and the index's accounts; the JSON shape is SPEC.md's.
 */
import type { Account } from '../model/account';
import type { CalendarDay } from '../model/calendarDay';
import type { TeamConfig } from '../model/teamConfig';
import { sinceOf, stageFlow, winRateOf, type History, type StageFlow, type Transition, type WinRate } from './history';

export interface HistoryWindow {
  since?: CalendarDay;
  until?: CalendarDay;
}

export interface AccountInStage {
  file: string;
  name: string;
  stage: string | null;
  since: CalendarDay;
  days_in_stage: number;
}

export interface HistoryReport {
  transitions: Transition[];
  accounts: AccountInStage[];
  stages: StageFlow[];
  win_rate: WinRate;
}

export function buildHistoryReport(history: History, accounts: readonly Account[], config: TeamConfig, window: HistoryWindow, today: CalendarDay): HistoryReport {
  const within = (day: CalendarDay) => (window.since === undefined || day >= window.since) && (window.until === undefined || day <= window.until);
  return {
    transitions: history.transitions.filter((transition) => within(transition.date)),
    accounts: [...accounts]
      .sort((a, b) => a.file.localeCompare(b.file))
      .map((account) => {
        const { since, days } = sinceOf(history, account.file, account.stage, today);
        return { file: account.file, name: account.name, stage: account.stage ?? null, since, days_in_stage: days };
      }),
    stages: stageFlow(history, config, window, today),
    win_rate: winRateOf(history, config, window),
  };
}
