/** One account: what a Markdown file with YAML front-matter is to the rest of the code. */
import type { KeyPositions } from '../read/frontMatter';
import { isCalendarDay, type CalendarDay } from './calendarDay';
import type { Problem } from './problem';
import type { Role } from './stage';

export interface Account {
  /** Path relative to the workspace, with `/` separators. */
  file: string;
  /** Ownership, from the folder the file is in. */
  role: Role;
  /** `name:` or, when it is missing, the file's base name. */
  name: string;
  stage: string | undefined;
  /** The front-matter as written: dates stay `YYYY-MM-DD` strings, unknown keys are kept. */
  data: Record<string, unknown>;
  /** Lines of the top-level keys (CodeLens and problems use them). */
  keys: KeyPositions;
  /** Its handoff note's file, when it has one (`model/handoffNote.ts`). */
  note?: string;
}

/** What reading one file gives: the account (unless the file is unreadable as one) and its problems. */
export interface AccountRecord {
  file: string;
  role: Role;
  account?: Account;
  problems: Problem[];
}

/** The account of parsed front-matter (also how a snapshot's plain data becomes an account again). */
export function accountOf(file: string, role: Role, data: Record<string, unknown>, keys: KeyPositions): Account {
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name : baseName(file);
  const stage = typeof data.stage === 'string' ? data.stage : undefined;
  return { file, role, name, stage, data, keys };
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/*
 * Typed reads of the front-matter. A key that is missing, or holds the wrong type (text where a
 * number belongs, `.inf`, an impossible date), reads as `undefined`: the code treats it as absent
 * and `read/validate.ts` reports it. Free functions, not fields: the index holds 100k accounts and
 * a field per key would cost memory on each of them.
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const day = (value: unknown): CalendarDay | undefined => (isCalendarDay(value) ? value : undefined);

/** `arr`: the account's annual value in its currency. */
export function arrOf(account: Account): number | undefined {
  return finite(account.data.arr);
}

/** `currency`: the currency of `arr` and of the account's opportunities (totals key a missing one as `''`). */
export function currencyOf(account: Account): string | undefined {
  return text(account.data.currency);
}

/** `ae`: the AE who owns or owned the deal. */
export function aeOf(account: Account): string | undefined {
  return text(account.data.ae);
}

/** `am`: the AM of the customer, once handed off. */
export function amOf(account: Account): string | undefined {
  return text(account.data.am);
}

/** The person who owns the account now: its AE while it is a deal, its AM once handed off. */
export function ownerOf(account: Account): string | undefined {
  return account.role === 'ae' ? aeOf(account) : amOf(account);
}

export function regionOf(account: Account): string | undefined {
  return text(account.data.region);
}

/** `tags`, as text (a tag written as a number counts as its digits); other items are left out. */
export function tagsOf(account: Account): string[] {
  const tags = account.data.tags;
  return Array.isArray(tags) ? tags.filter((t) => typeof t === 'string' || typeof t === 'number').map(String) : [];
}

/** `probability`: the deal's own win probability in percent, when it is one (0–100); else its stage's counts. */
export function probabilityOf(account: Account): number | undefined {
  const own = finite(account.data.probability);
  return own !== undefined && own >= 0 && own <= 100 ? own : undefined;
}

/** `health`: the customer's health score (1–10 when valid; any number is read as written). */
export function healthOf(account: Account): number | undefined {
  return finite(account.data.health);
}

export function nextStepOf(account: Account): string | undefined {
  return text(account.data.next_step);
}

/** `close_date`: when the deal is expected to close (or closed). */
export function closeDateOf(account: Account): CalendarDay | undefined {
  return day(account.data.close_date);
}

/** `contract_end`: the renewal date. */
export function contractEndOf(account: Account): CalendarDay | undefined {
  return day(account.data.contract_end);
}

export function lastContactOf(account: Account): CalendarDay | undefined {
  return day(account.data.last_contact);
}

export function nextStepDateOf(account: Account): CalendarDay | undefined {
  return day(account.data.next_step_date);
}
