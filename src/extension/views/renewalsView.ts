/** The Renewals view (buckets by urgency) and the status-bar item that opens it when renewals need attention. */
import * as vscode from 'vscode';
import { formatArr } from '../../core/model/money';
import { awaitsAction, byActionableDay, inRenewalStage, renewalDetail, renewalHeadline, renewalsOf, severityLabel, type Renewal, type RenewalSeverity } from '../../core/insight/renewal';
import { AccountRef } from '../workspace/accountRef';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import type { CommandManager } from '../commands/commandManager';
import type { PipelineFilter } from './pipelineFilter';

export const RENEWALS_VIEW = 'handoff.renewals';

/**
 * Labels are functions: translations are looked up when the tree is drawn, not when the module loads.
 * Each bucket has an icon and a colour of its own, red to blue as urgency falls.
 */
const BUCKETS: { id: string; label: () => string; severities: RenewalSeverity[]; icon: string; color?: string }[] = [
  { id: 'overdue', label: () => severityLabel('overdue'), severities: ['overdue'], icon: 'error', color: 'list.errorForeground' },
  { id: 'notice-passed', label: () => severityLabel('notice-passed'), severities: ['notice-passed'], icon: 'warning', color: 'charts.orange' },
  { id: 'critical', label: () => severityLabel('critical'), severities: ['critical'], icon: 'bell-dot', color: 'charts.yellow' },
  { id: 'warning', label: () => severityLabel('warning'), severities: ['warning'], icon: 'bell', color: 'charts.blue' },
  { id: 'later', label: () => vscode.l10n.t('Later'), severities: ['info', 'ok'], icon: 'calendar' },
];

/** What the Renewals view shows, as plain data (the test API). */
export interface RenewalsItem {
  label: string;
  icon: string;
  color: string | undefined;
  rows: { file: string; label: string; description: string; tooltip: string; icon: string }[];
}

/** A renewal row stands for its account: commands run from its menu run on that account. */
class RenewalRow extends AccountRef {
  readonly kind = 'renewal';
  constructor(
    folder: AccountFolder,
    readonly renewal: Renewal,
  ) {
    super(folder, renewal.account);
  }
}

type RenewalNode = { kind: 'bucket'; id: string; label: () => string; icon: string; color?: string; renewals: { folder: AccountFolder; renewal: Renewal }[] } | RenewalRow;

class RenewalsTreeProvider implements vscode.TreeDataProvider<RenewalNode> {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly calendar: Calendar,
    private readonly filter: PipelineFilter,
  ) {}

  refresh(): void {
    this.changes.fire();
  }

  /** The renewals of every folder, computed once per change of an index or of the day (the view, its buckets and the status bar all ask). */
  all(): { folder: AccountFolder; renewal: Renewal }[] {
    const inputs = [this.calendar.today, ...this.workspaces.all().map((folder) => folder.store.accounts())];
    if (!this.cache || this.cache.inputs.length !== inputs.length || this.cache.inputs.some((input, i) => input !== inputs[i])) {
      const result = this.workspaces.all().flatMap((folder) => renewalsOf(folder.store.accounts(), folder.store.config, this.calendar.today).map((renewal) => ({ folder, renewal })));
      this.cache = { inputs, result };
    }
    return this.cache.result;
  }

  private cache: { inputs: unknown[]; result: { folder: AccountFolder; renewal: Renewal }[] } | undefined;

  getChildren(node?: RenewalNode): RenewalNode[] {
    if (node?.kind === 'bucket') return node.renewals.map(({ folder, renewal }) => new RenewalRow(folder, renewal));
    if (node) return [];
    const all = this.all().filter(({ renewal }) => this.filter.matches(renewal.account));
    return BUCKETS.map((bucket) => ({
      kind: 'bucket',
      ...bucket,
      renewals: all.filter(({ renewal }) => bucket.severities.includes(renewal.severity)).sort((a, b) => byActionableDay(a.renewal, b.renewal)),
    }));
  }

  getTreeItem(node: RenewalNode): vscode.TreeItem {
    if (node.kind === 'bucket') {
      const open = node.renewals.length > 0 && node.id !== 'later';
      const item = new vscode.TreeItem(node.label(), node.renewals.length === 0 ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      // An empty bucket has another id: VS Code keeps the state of an id it has drawn, so a bucket drawn
      // empty (before the index loaded) would stay closed once it fills.
      item.id = node.renewals.length === 0 ? `bucket:${node.id}:empty` : `bucket:${node.id}`;
      item.description = String(node.renewals.length);
      item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
      item.contextValue = 'renewalBucket';
      return item;
    }
    const { renewal, folder } = node;
    const { account } = renewal;
    const uri = folder.source.uriOf(account.file);
    const item = new vscode.TreeItem(account.name, vscode.TreeItemCollapsibleState.None);
    item.id = `renewal:${uri}`;
    // No resourceUri and no icon: a problem badge and an icon would take the room the notice deadline
    // needs at the side bar's default width (300 px); the bucket above has the icon and colour.
    // Someone already moved it to the renewal stage: still listed, marked, and not counted in the status bar.
    const handled = inRenewalStage(renewal, folder.store.config);
    item.description = [renewalHeadline(renewal, true), formatArr(account, true), handled ? vscode.l10n.t('in renewal') : undefined].filter(Boolean).join(' · ');
    item.tooltip = `${account.name}\n${renewalDetail(renewal)}${handled ? `\n${vscode.l10n.t('In the renewal stage: being handled')}` : ''}`;
    item.contextValue = 'renewal';
    const line = account.keys.get('contract_end')?.line ?? 0;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
    return item;
  }
}

export function registerRenewalsView(
  workspaces: AccountWorkspaces,
  calendar: Calendar,
  commands: CommandManager,
  filter: PipelineFilter,
): vscode.Disposable & { needingAttention(): number; elementOf(file: string): unknown; items(): RenewalsItem[] } {
  const provider = new RenewalsTreeProvider(workspaces, calendar, filter);
  const treeView = vscode.window.createTreeView(RENEWALS_VIEW, { treeDataProvider: provider });
  const status = vscode.window.createStatusBarItem('handoff.renewals', vscode.StatusBarAlignment.Left, 50);
  status.name = vscode.l10n.t('Handoff Renewals');
  status.command = 'handoff.showRenewals';
  const needingAttention = () => provider.all().filter(({ folder, renewal }) => awaitsAction(renewal, folder.store.config)).length;
  const update = () => {
    provider.refresh();
    const count = needingAttention();
    status.text = count === 1 ? vscode.l10n.t('$(calendar) Renewals: 1 needs attention') : vscode.l10n.t('$(calendar) Renewals: {0} need attention', count);
    status.tooltip = vscode.l10n.t('Overdue, notice passed, critical or warning renewals not yet in the renewal stage — click to open the Renewals view');
    if (count > 0) status.show();
    else status.hide();
  };
  update();
  const disposable = vscode.Disposable.from(
    treeView,
    status,
    workspaces.onDidChange(update),
    calendar.onDidChangeDay(update),
    // The status bar counts the team's renewals; the view shows those the filter lets through.
    filter.onDidChange(() => {
      treeView.description = filter.describe(false);
      provider.refresh();
    }),
    commands.register('handoff.showRenewals', () => vscode.commands.executeCommand(`${RENEWALS_VIEW}.focus`)),
  );
  // The node VS Code hands a command run from this view's menus on the account of `file`.
  const elementOf = (file: string) => provider.getChildren().flatMap((bucket) => provider.getChildren(bucket)).find((node) => node.kind === 'renewal' && node.account.file === file);
  const text = (value: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined) => (typeof value === 'string' ? value : value === undefined ? '' : 'value' in value ? value.value : value.label);
  const items = (): RenewalsItem[] =>
    provider.getChildren().map((bucket) => {
      const item = provider.getTreeItem(bucket);
      const icon = item.iconPath as vscode.ThemeIcon;
      const rows = provider.getChildren(bucket).map((row) => {
        const rendered = provider.getTreeItem(row);
        return { file: row.kind === 'renewal' ? row.account.file : '', label: text(rendered.label), description: String(rendered.description ?? ''), tooltip: text(rendered.tooltip), icon: (rendered.iconPath as vscode.ThemeIcon | undefined)?.id ?? '' };
      });
      return { label: text(item.label), icon: icon.id, color: bucket.kind === 'bucket' ? bucket.color : undefined, rows };
    });
  return Object.assign(disposable, { needingAttention, elementOf, items });
}
