import * as assert from 'node:assert/strict';
import { addDays, daysBetween, isCalendarDay } from '../../src/core/model/calendarDay';

/** What `Date` in UTC says, the slow way the arithmetic replaces. */
const viaDate = {
  add: (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  between: (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
  valid: (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  },
};

describe('calendar days', () => {
  it('counts and adds days as Date does, every day from 1600 to 2400', () => {
    let day = '1600-01-01';
    for (let i = 0; i < 800 * 366 && day < '2400-01-01'; i++) {
      const next = addDays(day, 1);
      assert.equal(next, viaDate.add(day, 1), day);
      assert.equal(daysBetween('1970-01-01', day), viaDate.between('1970-01-01', day), day);
      day = next;
    }
    assert.equal(day, '2400-01-01');
  });

  it('adds large and negative steps across leap days and centuries', () => {
    for (const [day, days] of [['2024-02-28', 1], ['2023-02-28', 1], ['2000-02-28', 1], ['1900-02-28', 1], ['2026-11-22', -365_000], ['2026-03-01', -1], ['0001-01-01', 0], ['9999-12-31', -1]] as const) {
      assert.equal(addDays(day, days), viaDate.add(day, days), `${day} ${days}`);
    }
  });

  it('knows which days exist: 29 February only in leap years, no 31 April', () => {
    for (const year of [1900, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 28; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${day}`;
          assert.equal(isCalendarDay(text), day <= 31 && viaDate.valid(text), text);
        }
      }
    }
    for (const bad of ['2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', ' 2026-01-01', 20260101, null]) assert.equal(isCalendarDay(bad), false, String(bad));
  });
});
