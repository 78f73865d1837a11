/**
 * Today, as the machine's local calendar day, with an event when the day rolls over at midnight: the
 * one source of "today" for every view, lens, problem and command of the extension.
 */
import * as vscode from 'vscode';
import { localToday, type CalendarDay } from '../../core/model/calendarDay';

export class Calendar implements vscode.Disposable {
  private day = localToday();
  private pretended: CalendarDay | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changes = new vscode.EventEmitter<CalendarDay>();
  readonly onDidChangeDay = this.changes.event;

  constructor() {
    this.schedule();
  }

  get today(): CalendarDay {
    return this.pretended ?? this.day;
  }

  /** For the integration tests: a day other than the clock's (undefined: the clock's again), as if midnight passed. */
  pretend(day: CalendarDay | undefined): void {
    const before = this.today;
    this.pretended = day;
    if (this.today !== before) this.changes.fire(this.today);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changes.dispose();
  }

  private schedule(): void {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    // Capped at an hour: a laptop that slept past midnight still catches up soon after it wakes.
    this.timer = setTimeout(() => this.tick(), Math.min(midnight.getTime() - now.getTime(), 3_600_000));
  }

  private tick(): void {
    const day = localToday();
    if (day !== this.day) {
      this.day = day;
      if (this.pretended === undefined) this.changes.fire(day);
    }
    this.schedule();
  }
}
