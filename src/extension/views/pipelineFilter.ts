/**
 * What the Pipeline, Renewals and Key Accounts views show: the one active filter (owner, region, tag,
 * text in the front-matter or the notes) and the Pipeline's grouping, with a description for each
 * view's title.
 */
import * as vscode from 'vscode';
import type { Account } from '../../core/model/account';
import { matchesFilter, matchesText, type GroupBy } from '../../core/insight/pipeline';
import { failureDetail } from '../workspace/failure';
import type { NotesSearch } from './notesSearch';

export interface FilterState {
  owner?: string;
  /** The owner is "me" (My Accounts): the description says so. */
  mine?: boolean;
  region?: string;
  tag?: string;
  text?: string;
}

export class PipelineFilter implements vscode.Disposable {
  private state: FilterState = {};
  private grouping: GroupBy = 'stage';
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;

  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly notes: NotesSearch,
  ) {
    this.subscription = notes.onDidChange(() => this.changes.fire());
  }

  get filter(): Readonly<FilterState> {
    return this.state;
  }

  get groupBy(): GroupBy {
    return this.grouping;
  }

  /** Changes the filter; a new text is also searched in every account's notes (settles when that is done). */
  async set(change: Partial<FilterState>): Promise<void> {
    const text = this.state.text;
    this.state = { ...this.state, ...change };
    if ('owner' in change && !('mine' in change)) delete this.state.mine;
    for (const key of Object.keys(this.state) as (keyof FilterState)[]) if (!this.state[key]) delete this.state[key];
    this.update();
    if (this.state.text !== text) await this.notes.search(this.state.text ?? '');
  }

  async clear(): Promise<void> {
    await this.set({ owner: undefined, mine: undefined, region: undefined, tag: undefined, text: undefined });
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
      (!text || matchesText(account, text) || this.notes.has(account))
    );
  }

  /** "owner: budi · tag: fintech · “acme”", or undefined when nothing filters; `withGrouping` for the Pipeline. */
  describe(withGrouping = true): string | undefined {
    const { owner, mine, region, tag, text } = this.state;
    const parts = [owner && (mine ? vscode.l10n.t('mine') : vscode.l10n.t('owner: {0}', owner)), region && vscode.l10n.t('region: {0}', region), tag && vscode.l10n.t('tag: {0}', tag), text && `“${text}”`].filter(Boolean);
    const grouping = this.grouping === 'stage' || !withGrouping ? [] : [this.grouping === 'owner' ? vscode.l10n.t('by owner') : vscode.l10n.t('by region')];
    return parts.length + grouping.length > 0 ? [...parts, ...grouping].join(' · ') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }

  private update(): void {
    vscode.commands.executeCommand('setContext', 'handoff.filtered', this.active).then(undefined, (error) => this.log.error(`Setting handoff.filtered failed: ${failureDetail(error)}`));
    this.changes.fire();
  }
}
