/** The Pipeline view: groups from the core, mapped to tree items. No grouping or filtering lives here. */
import * as vscode from 'vscode';
import { closeDateOf, contractEndOf, healthOf, type Account } from '../../core/model/account';
import type { CalendarDay } from '../../core/model/calendarDay';
import { markdownText } from '../../core/output/markdown';
import { formatArr, formatMoney } from '../../core/model/money';
import { formatDay } from '../../core/model/displayLocale';
import { groupAccounts, sortByPipeline, winProbability, type GroupBy, type PipelineGroup } from '../../core/insight/pipeline';
import { accountDescription, groupDescription, groupSums, rowDay } from '../../core/insight/pipelineSummary';
import { opportunitiesOf, type Opportunity } from '../../core/insight/opportunities';
import { rankAccounts } from '../../core/insight/scoring';
import { roleLabel, stageLabel } from '../../core/model/stage';
import { stageNameOf } from '../../core/model/teamConfig';
import { AccountRef } from '../workspace/accountRef';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { PipelineFilter } from './pipelineFilter';
import type { Calendar } from '../workspace/calendar';

/** An account row: what a command run from its menu, or a drag of it, receives. */
export class PipelineAccountNode extends AccountRef {
  readonly kind = 'account';
  constructor(
    folder: AccountFolder,
    account: Account,
    readonly groupKey: string,
    readonly key: boolean,
    readonly groupBy: GroupBy,
  ) {
    super(folder, account);
  }
}

export type PipelineNode =
  | { kind: 'folder'; folder: AccountFolder }
  | { kind: 'group'; folder: AccountFolder; group: PipelineGroup; groupBy: GroupBy; keyAccounts: ReadonlySet<string> }
  | PipelineAccountNode
  | { kind: 'opportunity'; folder: AccountFolder; account: Account; opportunity: Opportunity; index: number; groupKey: string };

export class PipelineTreeProvider implements vscode.TreeDataProvider<PipelineNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<PipelineNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Nodes of the last render, by id, so `reveal` and `getParent` see the objects VS Code was given. */
  private nodes = new Map<string, PipelineNode>();
  private readonly keyAccountCache = new WeakMap<readonly Account[], ReadonlySet<string>>();

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly filter: PipelineFilter,
    private readonly calendar: Calendar,
  ) {
    this.subscriptions = [workspaces.onDidChange(() => this.refresh()), filter.onDidChange(() => this.refresh()), calendar.onDidChangeDay(() => this.refresh())];
  }

  refresh(): void {
    this.changes.fire(undefined);
  }

  getChildren(node?: PipelineNode): PipelineNode[] {
    if (!node) this.nodes.clear();
    return this.childrenOf(node).map((child) => this.remember(child));
  }

  /**
   * What `getChildren` would return, without rendering: the nodes VS Code was given (for `reveal`
   * and `getParent`) stay as they are. For reads of the view model, such as the extension's test API.
   */
  childrenOf(node?: PipelineNode): PipelineNode[] {
    if (!node) {
      const folders = this.workspaces.all().filter((folder) => folder.store.size > 0);
      if (folders.length > 1) return folders.map((folder) => ({ kind: 'folder', folder }));
      return folders.length === 1 ? this.groupsOf(folders[0]) : [];
    }
    if (node.kind === 'folder') return this.groupsOf(node.folder);
    if (node.kind === 'group') {
      return sortByPipeline(node.group.accounts, node.folder.store.config).map((account) => new PipelineAccountNode(node.folder, account, node.group.key, node.keyAccounts.has(account.file), node.groupBy));
    }
    if (node.kind === 'account') {
      return opportunitiesOf(node.account, node.folder.store.config).map((opportunity, index) => ({ kind: 'opportunity', folder: node.folder, account: node.account, opportunity, index, groupKey: node.groupKey }));
    }
    return [];
  }

  getParent(node: PipelineNode): PipelineNode | undefined {
    if (node.kind === 'folder') return undefined;
    const multiRoot = this.workspaces.all().filter((folder) => folder.store.size > 0).length > 1;
    if (node.kind === 'group') return multiRoot ? this.nodes.get(idOf({ kind: 'folder', folder: node.folder })) : undefined;
    if (node.kind === 'opportunity') return this.nodes.get(`${node.folder.workspaceFolder.uri}#account:${node.account.file}`);
    return this.nodes.get(`${node.folder.workspaceFolder.uri}#group:${node.groupKey}`);
  }

  /** The node of an account file as last rendered, for `reveal`. */
  findAccount(folder: AccountFolder, file: string): PipelineNode | undefined {
    for (const node of this.nodes.values()) if (node.kind === 'account' && node.folder === folder && node.account.file === file) return node;
    return undefined;
  }

  getTreeItem(node: PipelineNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.folder.workspaceFolder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = idOf(node);
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'folder';
      return item;
    }
    if (node.kind === 'group') return groupItem(node);
    if (node.kind === 'opportunity') return opportunityItem(node, this.calendar.today);
    return accountItem(node, node.folder.store.config, this.calendar.today);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changes.dispose();
  }

  private groupsOf(folder: AccountFolder): PipelineNode[] {
    const all = folder.store.accounts();
    const keyAccounts = this.keyAccountsOf(all, folder);
    const accounts = all.filter((account) => this.filter.matches(account));
    return groupAccounts(accounts, folder.store.config, this.filter.groupBy)
      .filter((group) => group.stage || group.accounts.length > 0)
      .map((group) => ({ kind: 'group', folder, group, groupBy: this.filter.groupBy, keyAccounts }));
  }

  /**
   * Ranking sorts every scored account: done once per change of the index (the store hands out the
   * same array until something changes), not on every render of the tree.
   */
  private keyAccountsOf(accounts: readonly Account[], folder: AccountFolder): ReadonlySet<string> {
    let keys = this.keyAccountCache.get(accounts);
    if (!keys) {
      keys = new Set(rankAccounts(accounts, folder.store.config).filter((k) => k.key).map((k) => k.account.file));
      this.keyAccountCache.set(accounts, keys);
    }
    return keys;
  }

  private remember<T extends PipelineNode>(node: T): T {
    this.nodes.set(idOf(node), node);
    return node;
  }
}

function idOf(node: PipelineNode): string {
  const folder = node.folder.workspaceFolder.uri.toString();
  if (node.kind === 'folder') return folder;
  if (node.kind === 'group') return `${folder}#group:${node.group.key}`;
  if (node.kind === 'opportunity') return `${folder}#opportunity:${node.account.file}:${node.index}`;
  return `${folder}#account:${node.account.file}`;
}

function groupItem(node: Extract<PipelineNode, { kind: 'group' }>): vscode.TreeItem {
  const { group, groupBy } = node;
  const item = new vscode.TreeItem(group.label, group.accounts.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  item.description = groupDescription(group);
  const { stage } = group;
  const what = stage
    ? stage.probability !== undefined
      ? vscode.l10n.t('{0} stage {1} ({2}% default probability)', roleLabel(stage.role), stageLabel(stage), stage.probability)
      : vscode.l10n.t('{0} stage {1}', roleLabel(stage.role), stageLabel(stage))
    : group.label;
  item.tooltip = [what, ...groupSums(group, groupBy)].join('\n');
  item.contextValue = stage ? `stage.${stage.role}` : 'group';
  item.iconPath = new vscode.ThemeIcon(groupIcon(group, groupBy));
  return item;
}

function groupIcon(group: PipelineGroup, groupBy: GroupBy): string {
  const { stage } = group;
  if (stage) return stage.closed ? (stage.won ? 'pass' : 'circle-slash') : stage.role === 'ae' ? 'target' : 'organization';
  // The "(no owner)" and "(no region)" groups, and stages the team does not know, ask a question.
  if (group.key === '' || groupBy === 'stage') return 'question';
  return groupBy === 'owner' ? 'person' : 'globe';
}

function accountItem(node: Extract<PipelineNode, { kind: 'account' }>, config: AccountFolder['store']['config'], today: CalendarDay): vscode.TreeItem {
  const { account, folder } = node;
  const uri = folder.source.uriOf(account.file);
  const expandable = opportunitiesOf(account, config).length > 0;
  const item = new vscode.TreeItem(account.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  item.resourceUri = uri;
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [uri] };
  item.description = accountDescription(account, config, today, node.groupBy, node.key);
  item.tooltip = tooltip(account, config);
  const won = account.role === 'ae' && account.stage === config.handoff.from;
  item.contextValue = `account.${account.role}${won ? '.won' : ''}`;
  item.iconPath = accountIcon(account);
  return item;
}

function opportunityItem(node: Extract<PipelineNode, { kind: 'opportunity' }>, today: CalendarDay): vscode.TreeItem {
  const { opportunity } = node;
  const stage = stageNameOf(node.folder.store.config, opportunity.stage);
  const item = new vscode.TreeItem(`${opportunity.type}: ${opportunity.title}`, vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  item.description = [formatMoney(opportunity.value, opportunity.currency, true), stage, opportunity.closeDate && rowDay(opportunity.closeDate, today)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(opportunity.type === 'upsell' ? 'arrow-up' : 'add');
  item.contextValue = 'opportunity';
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [node.folder.source.uriOf(node.account.file)] };
  return item;
}

/** Health for customers (AM), win probability for deals (AE). */
function accountIcon(account: Account): vscode.ThemeIcon {
  const health = healthOf(account);
  if (account.role === 'am' && health !== undefined) {
    if (health >= 7) return new vscode.ThemeIcon('heart', new vscode.ThemeColor('charts.green'));
    if (health >= 4) return new vscode.ThemeIcon('heart', new vscode.ThemeColor('charts.yellow'));
    return new vscode.ThemeIcon('heart', new vscode.ThemeColor('charts.red'));
  }
  return new vscode.ThemeIcon(account.role === 'ae' ? 'briefcase' : 'account');
}

function tooltip(account: Account, config: AccountFolder['store']['config']): vscode.MarkdownString {
  const { data } = account;
  const day = (value: CalendarDay | undefined) => (value === undefined ? undefined : formatDay(value, true));
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Stage'), account.stage === undefined ? undefined : stageNameOf(config, account.stage)],
    ['AE', text(data.ae)],
    ['AM', text(data.am)],
    [vscode.l10n.t('Region'), text(data.region)],
    ['ARR', formatArr(account)],
    [vscode.l10n.t('Probability'), account.role === 'ae' ? `${winProbability(account, config)}%` : undefined],
    [vscode.l10n.t('Close date'), day(closeDateOf(account)) ?? text(data.close_date)],
    [vscode.l10n.t('Contract end'), day(contractEndOf(account)) ?? text(data.contract_end)],
    [vscode.l10n.t('Health'), text(data.health)],
    [vscode.l10n.t('Next step'), [text(data.next_step), text(data.next_step_date)].filter(Boolean).join(' — ') || undefined],
  ];
  const markdown = new vscode.MarkdownString(`**${markdownText(account.name)}**  \n`);
  for (const [label, value] of rows) if (value) markdown.appendMarkdown(`${label}: ${markdownText(value)}  \n`);
  markdown.appendMarkdown(`\n${markdownText(account.file)}`);
  return markdown;
}
