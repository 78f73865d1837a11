/**
 * The check-ups logged in an account's body (`## Check-ups`, written by `edit/checkup.ts`):
 * `- 2026-11-22 — Quarterly review went well (satisfaction 8/10)`. Lines written by hand in the
 * same shape count too; a line without a valid day is not a check-up.
 */
import { isCalendarDay, type CalendarDay } from '../model/calendarDay';
import { CHECKUPS_HEADING } from '../edit/checkup';
import { headingOf } from '../edit/frontMatterEdit';
import { splitFrontMatter } from '../read/frontMatter';

export interface CheckupEntry {
  day: CalendarDay;
  /** What came out of it, as written (Markdown escapes undone). */
  outcome: string;
  /** 1–10, when the line says so. */
  satisfaction: number | undefined;
  /** 0-based line in the file. */
  line: number;
}

const SATISFACTION = ' (satisfaction ';

/** Every check-up of the file's text, in the order written (oldest first, as the command appends). */
export function checkupsOf(text: string): CheckupEntry[] {
  const split = splitFrontMatter(text);
  const bodyStart = split.kind === 'ok' ? split.frontMatter.bodyStart : 0;
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < bodyStart; i = text.indexOf('\n', i + 1)) line++;
  const entries: CheckupEntry[] = [];
  let level = 0;
  let inFence = false;
  let offset = bodyStart;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const content = text.slice(offset, newline === -1 ? text.length : newline).replace(/\r$/, '');
    if (content.startsWith('```') || content.startsWith('~~~')) inFence = !inFence;
    const heading = inFence ? undefined : headingOf(content);
    if (heading && level > 0 && heading.level <= level) level = 0;
    if (heading && level === 0 && heading.text.toLowerCase() === CHECKUPS_HEADING.toLowerCase()) level = heading.level;
    else if (level > 0 && !inFence) {
      const entry = entryOf(content, line);
      if (entry) entries.push(entry);
    }
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  return entries;
}

/** `- DAY — OUTCOME (satisfaction N/10)`; also `*` for the bullet and `-` for the dash. */
function entryOf(content: string, line: number): CheckupEntry | undefined {
  const item = content.trimStart();
  if (!item.startsWith('- ') && !item.startsWith('* ')) return undefined;
  const day = item.slice(2, 12);
  if (!isCalendarDay(day)) return undefined;
  let rest = item.slice(12).trim();
  if (rest.startsWith('—') || rest.startsWith('-')) rest = rest.slice(1).trimStart();
  let satisfaction: number | undefined;
  const at = rest.lastIndexOf(SATISFACTION);
  if (at !== -1 && rest.endsWith('/10)')) {
    const digits = rest.slice(at + SATISFACTION.length, -4);
    const value = /^\d{1,2}$/.test(digits) ? Number(digits) : NaN;
    if (value >= 1 && value <= 10) {
      satisfaction = value;
      rest = rest.slice(0, at);
    }
  }
  return { day, outcome: unescapeMarkdown(rest.trim()), satisfaction, line };
}

const REFERENCES: ReadonlyMap<string, string> = new Map([
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&amp;', '&'],
  ['&#32;', ' '],
]);

/** A backslash before ASCII punctuation (CommonMark's escapes), or a reference `markdownText` writes: each begins with fixed text. */
const ESCAPE = /\\([!-/:-@[-`{-~])|&(?:lt|gt|amp|#32);/g;

/** Undoes what `markdownText` does to text (backslash escapes, the references it writes), so people read what was typed. */
function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPE, (match: string, escaped: string | undefined) => escaped ?? REFERENCES.get(match) ?? match);
}
