/**
 * An account's history from git, as pure data: given each commit's changes to account files (paired
 * by git's rename detection, oldest first), the transitions SPEC.md's "History from git" names
 * (added, stage, handoff, handback, owner, value, removed), how long each account has sat in its
 * stage, and per stage and per AE what happened in a window. Reading git is src/node's job; this
 * module never sees a process or a file.
 */
import { daysBetween, type CalendarDay } from '../model/calendarDay';
import type { Role } from '../model/stage';
import { stagesOf, stageById, type TeamConfig } from '../model/teamConfig';

/** The few keys history reads of an account at one revision. */
export interface AccountState {
  name?: string;
  stage?: string;
  ae?: string;
  am?: string;
  arr?: number;
}

/** One file's change in a commit: `from` absent when it was added, `to` absent when removed; both for a change or a rename. */
export interface FileChange {
  from?: string;
  to?: string;
  before?: AccountState;
  after?: AccountState;
}

export interface CommitChanges {
  commit: string;
  /** The author date, in the time zone the commit recorded. */
  date: CalendarDay;
  author: string;
  changes: FileChange[];
}

export type TransitionKind = 'added' | 'stage' | 'handoff' | 'handback' | 'owner' | 'value' | 'removed';

export interface Transition {
  /** The path after the change (before it, for `removed`). */
  file: string;
  name: string;
  date: CalendarDay;
  commit: string;
  author: string;
  kind: TransitionKind;
  from: string | number | null;
  to: string | number | null;
}

/** A stay of one account in one stage: from the day it entered to the day it left (open while it is there). */
export interface StageStay {
  /** The same number for every stay of one account, across its renames. */
  account: number;
  stage: string;
  entered: CalendarDay;
  left?: CalendarDay;
  /** The AE of the account when it entered. */
  ae?: string;
}

interface Lineage {
  id: number;
  added: CalendarDay;
  state: AccountState;
  /** The stay it is in now. */
  stay?: StageStay;
}

export interface History {
  transitions: Transition[];
  stays: StageStay[];
  /** Each account file of the last commit: its account's number, the day it was added and its current stay. */
  byFile: Map<string, { account: number; added: CalendarDay; stay?: StageStay }>;
  /** Which account (the number of `byFile` and `StageStay`) each transition is of. */
  accountOf: WeakMap<Transition, number>;
}

/** Replays the commits, oldest first. `roleOf` tells which role folder a path is in (a handoff moves a file from `ae` to `am`). */
export function historyOf(commits: readonly CommitChanges[], roleOf: (file: string) => Role | undefined): History {
  const transitions: Transition[] = [];
  const stays: StageStay[] = [];
  const accountOf = new WeakMap<Transition, number>();
  const lineages = new Map<string, Lineage>();
  let next = 0;
  for (const { commit, date, author, changes } of commits) {
    let current: Lineage | undefined;
    const emit = (file: string, state: AccountState | undefined, kind: TransitionKind, from: string | number | null | undefined, to: string | number | null | undefined) => {
      const transition: Transition = { file, name: state?.name ?? baseName(file), date, commit, author, kind, from: from ?? null, to: to ?? null };
      transitions.push(transition);
      if (current) accountOf.set(transition, current.id);
    };
    const enter = (lineage: Lineage, stage: string | undefined) => {
      if (lineage.stay) lineage.stay.left = date;
      lineage.stay = stage === undefined ? undefined : { account: lineage.id, stage, entered: date, ae: lineage.state.ae };
      if (lineage.stay) stays.push(lineage.stay);
    };
    // Removals first: a file removed and another added under its path in one commit are two accounts.
    const ordered = [...changes].sort((a, b) => Number(a.to !== undefined) - Number(b.to !== undefined));
    const moved = new Map<string, Lineage>();
    for (const change of ordered) {
      const after = change.after ?? {};
      const before = change.before ?? {};
      if (change.to === undefined) {
        if (change.from === undefined) continue;
        const lineage = lineages.get(change.from);
        lineages.delete(change.from);
        current = lineage;
        emit(change.from, before, 'removed', before.stage, null);
        if (lineage?.stay) lineage.stay.left = date;
        continue;
      }
      let lineage = change.from === undefined ? undefined : lineages.get(change.from);
      if (change.from !== undefined && change.from !== change.to) lineages.delete(change.from);
      if (!lineage) {
        // Added (or first seen: history may begin after the file did).
        lineage = { id: next++, added: date, state: after };
        current = lineage;
        emit(change.to, after, 'added', null, after.stage);
        enter(lineage, after.stage);
        moved.set(change.to, lineage);
        continue;
      }
      current = lineage;
      const roles = change.from === undefined ? undefined : [roleOf(change.from), roleOf(change.to)];
      if (roles?.[0] === 'ae' && roles[1] === 'am') emit(change.to, after, 'handoff', change.from, change.to);
      if (roles?.[0] === 'am' && roles[1] === 'ae') emit(change.to, after, 'handback', change.from, change.to);
      const previous = lineage.state;
      lineage.state = after;
      if (after.stage !== previous.stage) {
        emit(change.to, after, 'stage', previous.stage, after.stage);
        enter(lineage, after.stage);
      }
      if (after.ae !== previous.ae) emit(change.to, after, 'owner', previous.ae, after.ae);
      if (after.am !== previous.am) emit(change.to, after, 'owner', previous.am, after.am);
      if (after.arr !== previous.arr) emit(change.to, after, 'value', previous.arr, after.arr);
      moved.set(change.to, lineage);
    }
    for (const [file, lineage] of moved) lineages.set(file, lineage);
  }
  const byFile = new Map<string, { account: number; added: CalendarDay; stay?: StageStay }>();
  for (const [file, lineage] of lineages) byFile.set(file, { account: lineage.id, added: lineage.added, stay: lineage.stay });
  return { transitions, stays, byFile, accountOf };
}

/** The transitions of the account now at `file`, oldest first, across its renames (a handoff, a move to another region folder). */
export function storyOf(history: History, file: string): Transition[] {
  const account = history.byFile.get(file)?.account;
  return account === undefined ? [] : history.transitions.filter((transition) => history.accountOf.get(transition) === account);
}

/** Since when an account of the working tree has been in `stage`: its stay's start, or `today` when the stage is not committed yet (or the file is new). */
export function sinceOf(history: History, file: string, stage: string | undefined, today: CalendarDay): { since: CalendarDay; days: number } {
  const stay = history.byFile.get(file)?.stay;
  const since = stay && stay.stage === stage ? stay.entered : today;
  return { since, days: Math.max(0, daysBetween(since, today)) };
}

export interface StageFlow {
  stage: string;
  entered: number;
  median_days: number | null;
  mean_days: number | null;
  /** The share of those entries that later reached a later open stage or a won stage; null when none entered. */
  conversion: number | null;
}

/** Per stage of the pipeline, the stays that began in [since, until]: how many, how long (to their end or `today`), and how many went on. */
export function stageFlow(history: History, config: TeamConfig, window: { since?: CalendarDay; until?: CalendarDay }, today: CalendarDay): StageFlow[] {
  // Pipeline order: the AE stages, then the AM stages (a customer is further on than any deal).
  const order = new Map([...stagesOf(config, 'ae'), ...stagesOf(config, 'am')].map((stage, index) => [stage.id, index]));
  const byAccount = new Map<number, StageStay[]>();
  for (const stay of history.stays) {
    const stays = byAccount.get(stay.account) ?? [];
    stays.push(stay);
    byAccount.set(stay.account, stays);
  }
  // Stays are in the order they began (several can begin on one day): only those after this one count.
  const wentOn = (stay: StageStay) => {
    const at = order.get(stay.stage);
    const stays = byAccount.get(stay.account) ?? [];
    return stays.slice(stays.indexOf(stay) + 1).some((later) => {
      const stage = stageById(config, later.stage);
      if (!stage || at === undefined) return false;
      return stage.won || (!stage.closed && (order.get(stage.id) ?? -1) > at);
    });
  };
  return [...order.keys()].map((id) => {
    const entered = history.stays.filter((stay) => stay.stage === id && inWindow(stay.entered, window));
    const days = entered.map((stay) => Math.max(0, daysBetween(stay.entered, stay.left ?? today))).sort((a, b) => a - b);
    return {
      stage: id,
      entered: entered.length,
      median_days: median(days),
      mean_days: days.length === 0 ? null : days.reduce((sum, n) => sum + n, 0) / days.length,
      conversion: entered.length === 0 ? null : entered.filter(wentOn).length / entered.length,
    };
  });
}

export interface WinRate {
  won: number;
  lost: number;
  rate: number | null;
  by_ae: { ae: string; won: number; lost: number; rate: number | null }[];
  median_cycle_days: number | null;
}

/** Deals that entered a won or a lost stage in the window, overall and per AE, and the days from added to won. */
export function winRateOf(history: History, config: TeamConfig, window: { since?: CalendarDay; until?: CalendarDay }): WinRate {
  const added = new Map<number, CalendarDay>();
  for (const stay of history.stays) if (!added.has(stay.account) || stay.entered < added.get(stay.account)!) added.set(stay.account, stay.entered);
  const closed = history.stays.filter((stay) => stageById(config, stay.stage)?.role === 'ae' && stageById(config, stay.stage)?.closed && inWindow(stay.entered, window));
  const isWon = (stay: StageStay) => stageById(config, stay.stage)?.won === true;
  const people = new Map<string, { won: number; lost: number }>();
  for (const stay of closed) {
    const person = people.get(stay.ae ?? '') ?? { won: 0, lost: 0 };
    person[isWon(stay) ? 'won' : 'lost'] += 1;
    people.set(stay.ae ?? '', person);
  }
  const won = closed.filter(isWon);
  const cycles = won.map((stay) => daysBetween(added.get(stay.account) ?? stay.entered, stay.entered)).sort((a, b) => a - b);
  return {
    won: won.length,
    lost: closed.length - won.length,
    rate: rate(won.length, closed.length - won.length),
    by_ae: [...people].sort(([a], [b]) => a.localeCompare(b)).map(([ae, counts]) => ({ ae, ...counts, rate: rate(counts.won, counts.lost) })),
    median_cycle_days: median(cycles),
  };
}

function inWindow(day: CalendarDay, window: { since?: CalendarDay; until?: CalendarDay }): boolean {
  return (window.since === undefined || day >= window.since) && (window.until === undefined || day <= window.until);
}

function rate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/, '');
}
