/** Reporting periods: a quarter (`2026-Q4`) or a year (`2026`), as calendar days. */
import { addDays, daysInMonth, type CalendarDay } from './calendarDay';

export interface Period {
  /** `2026-Q4` or `2026`. */
  id: string;
  start: CalendarDay;
  end: CalendarDay;
}

/** Parses `2026-Q4` or `2026`; undefined for anything else. */
export function parsePeriod(id: string): Period | undefined {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(id.trim());
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    const startMonth = (q - 1) * 3 + 1;
    return { id: `${year}-Q${q}`, start: day(year, startMonth, 1), end: day(year, startMonth + 2, daysInMonth(year, startMonth + 2)) };
  }
  const year = /^(\d{4})$/.exec(id.trim());
  if (year) return { id: year[1], start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  return undefined;
}

/** The quarter a day falls in. */
export function quarterOf(dayOf: CalendarDay): Period {
  const [year, month] = dayOf.split('-').map(Number);
  return parsePeriod(`${year}-Q${Math.floor((month - 1) / 3) + 1}`)!;
}

/** The quarter after the one a day falls in. */
export function nextQuarterOf(dayOf: CalendarDay): Period {
  return quarterOf(addDays(quarterOf(dayOf).end, 1));
}

export function inPeriod(dayOf: unknown, period: Period): boolean {
  return typeof dayOf === 'string' && dayOf >= period.start && dayOf <= period.end;
}

/** The year of a period, for quotas kept by year. */
export function yearOf(period: Period): string {
  return period.id.slice(0, 4);
}

function day(year: number, month: number, dayOfMonth: number): CalendarDay {
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
