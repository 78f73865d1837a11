/** Today, as the machine's local calendar day, with an event when the day rolls over at midnight. */
import * as vscode from 'vscode';
import { localToday, type CalendarDay } from '../../core/model/calendarDay';

export class Calendar implements vscode.Disposable {
  private day = localToday();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changes = new vscode.EventEmitter<CalendarDay>();
  readonly onDidChangeDay = this.changes.event;

  constructor() {
    this.schedule();
  }

  get today(): CalendarDay {
    return this.day;
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
      this.changes.fire(day);
    }
    this.schedule();
  }
}
