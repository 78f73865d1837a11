/** What the Pipeline view shows: the active filter and grouping, with a description for the view's title. */
import * as vscode from 'vscode';
import type { Account } from '../../core/model/account';
import { matchesFilter, matchesText, type GroupBy } from '../../core/insight/pipeline';
import { failureDetail } from '../workspace/failure';

export interface FilterState {
  owner?: string;
  region?: string;
  tag?: string;
  text?: string;
}

export class PipelineFilter implements vscode.Disposable {
  private state: FilterState = {};
  private grouping: GroupBy = 'stage';
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get filter(): Readonly<FilterState> {
    return this.state;
  }

  get groupBy(): GroupBy {
    return this.grouping;
  }

  set(change: Partial<FilterState>): void {
    this.state = { ...this.state, ...change };
    for (const key of Object.keys(this.state) as (keyof FilterState)[]) if (!this.state[key]) delete this.state[key];
    this.update();
  }

  clear(): void {
    this.state = {};
    this.update();
  }

  setGroupBy(groupBy: GroupBy): void {
    this.grouping = groupBy;
    this.update();
  }

  get active(): boolean {
    return Object.keys(this.state).length > 0;
  }

  matches(account: Account): boolean {
    const { owner, region, tag, text } = this.state;
    return (
      matchesFilter(account, { owners: owner ? [owner] : undefined, regions: region ? [region] : undefined, tags: tag ? [tag] : undefined }) &&
      matchesText(account, text ?? '')
    );
  }

  /** "owner: budi · tag: fintech · “acme”", or undefined when nothing filters. */
  describe(): string | undefined {
    const { owner, region, tag, text } = this.state;
    const parts = [owner && vscode.l10n.t('owner: {0}', owner), region && vscode.l10n.t('region: {0}', region), tag && vscode.l10n.t('tag: {0}', tag), text && `“${text}”`].filter(Boolean);
    const grouping = this.grouping === 'stage' ? [] : [this.grouping === 'owner' ? vscode.l10n.t('by owner') : vscode.l10n.t('by region')];
    return parts.length + grouping.length > 0 ? [...parts, ...grouping].join(' · ') : undefined;
  }

  dispose(): void {
    this.changes.dispose();
  }

  private update(): void {
    vscode.commands.executeCommand('setContext', 'handoff.filtered', this.active).then(undefined, (error) => this.log.error(`Setting handoff.filtered failed: ${failureDetail(error)}`));
    this.changes.fire();
  }
}
