/**
 * The language numbers and dates are written in for people. The extension sets VS Code's display
 * language at activation, as it hands @vscode/l10n its bundle, so "USD 66,000" reads "USD 66.000",
 * "148.8K" reads "148,8 rb" and "2026-12-01" reads "1 Des" in Bahasa Indonesia ("Dec 1" in English).
 * The CLI never sets one: its text stays as it was — numbers in en-US, days as `YYYY-MM-DD`, which
 * scripts read — and its JSON unchanged.
 */
import type { CalendarDay } from './calendarDay';

/** Undefined until a display language is set (the CLI): en-US numbers, ISO days. */
let locale: string | undefined;
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Sets the display language (a BCP 47 tag such as `id` or `en`; an unknown tag reads as `en-US`), or none again (the CLI). */
export function setDisplayLocale(tag: string | undefined): void {
  let next: string | undefined;
  try {
    next = tag === undefined ? undefined : Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : 'en-US';
  } catch {
    next = 'en-US';
  }
  if (next !== locale) formats.clear();
  locale = next;
}

export function displayLocale(): string | undefined {
  return locale;
}

/** `66,000` / `66.000`; compact `148.8K` / `148,8 rb` where space is short. */
export function formatNumber(value: number, compact = false): string {
  const key = compact ? 'n:compact' : 'n';
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale ?? 'en-US', compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(value);
}

/** A calendar day for people, short: `Dec 1` (`1 Des`), with the year when asked: `Dec 1, 2026`; as written (`2026-12-01`) when no display language is set (the CLI). */
export function formatDay(day: CalendarDay, withYear = false): string {
  if (locale === undefined) return day;
  const key = withYear ? 'd:year' : 'd';
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    formats.set(key, format);
  }
  const [year, month, date] = day.split('-').map(Number);
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

/** The month of a calendar day for people, short: `Nov` (`Nov` in Bahasa Indonesia, `Des` for December). */
export function formatMonth(day: CalendarDay): string {
  let format = formats.get('m') as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale ?? 'en-US', { month: 'short', timeZone: 'UTC' });
    formats.set('m', format);
  }
  const [year, month] = day.split('-').map(Number);
  return format.format(new Date(Date.UTC(year, month - 1, 1)));
}
