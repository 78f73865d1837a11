/** The Pipeline view: groups from the core, mapped to tree items. No grouping or filtering lives here. */
import * as vscode from 'vscode';
import { closeDateOf, contractEndOf, healthOf, ownerOf, type Account } from '../../core/model/account';
import { daysBetween, type CalendarDay } from '../../core/model/calendarDay';
import { markdownText } from '../../core/output/markdown';
import { formatArr, formatMoney } from '../../core/model/money';
import { groupAccounts, sortByPipeline, winProbability, type PipelineGroup } from '../../core/insight/pipeline';
import { opportunitiesOf, type Opportunity } from '../../core/insight/opportunities';
import { rankAccounts } from '../../core/insight/scoring';
import { roleLabel } from '../../core/model/stage';
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
  ) {
    super(folder, account);
  }
}

export type PipelineNode =
  | { kind: 'folder'; folder: AccountFolder }
  | { kind: 'group'; folder: AccountFolder; group: PipelineGroup; keyAccounts: ReadonlySet<string> }
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
      return sortByPipeline(node.group.accounts, node.folder.store.config).map((account) => new PipelineAccountNode(node.folder, account, node.group.key, node.keyAccounts.has(account.file)));
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
    if (node.kind === 'opportunity') return opportunityItem(node);
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
      .map((group) => ({ kind: 'group', folder, group, keyAccounts }));
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
  const { group } = node;
  const item = new vscode.TreeItem(group.label, group.accounts.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  const role = group.stage?.role;
  // Open AE stages show the forecast (weighted by probability); closed and AM stages the plain value.
  const weighted = role === 'ae' && !group.stage?.closed;
  const money = group.totals.map((t) => formatMoney(weighted ? t.weighted : t.value, t.currency, true)).join(' + ');
  item.description = [String(group.accounts.length), money && (weighted ? vscode.l10n.t('{0} weighted', money) : money)].filter(Boolean).join(' · ');
  const { stage } = group;
  item.tooltip = stage
    ? stage.probability !== undefined
      ? vscode.l10n.t('{0} stage {1} ({2}% default probability)', roleLabel(stage.role), stage.id, stage.probability)
      : vscode.l10n.t('{0} stage {1}', roleLabel(stage.role), stage.id)
    : group.label;
  item.contextValue = group.stage ? `stage.${group.stage.role}` : 'group';
  item.iconPath = new vscode.ThemeIcon(group.stage ? (group.stage.closed ? (group.stage.won ? 'pass' : 'circle-slash') : role === 'ae' ? 'target' : 'organization') : 'question');
  return item;
}

function accountItem(node: Extract<PipelineNode, { kind: 'account' }>, config: AccountFolder['store']['config'], today: CalendarDay): vscode.TreeItem {
  const { account, folder } = node;
  const uri = folder.source.uriOf(account.file);
  const expandable = opportunitiesOf(account, config).length > 0;
  const item = new vscode.TreeItem(account.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  item.resourceUri = uri;
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [uri] };
  const value = formatArr(account, true);
  const when = account.role === 'ae' ? closeText(closeDateOf(account)) : renewalText(contractEndOf(account), today);
  item.description = [node.key ? vscode.l10n.t('★ key') : undefined, ownerOf(account)?.split('@')[0], value, when].filter(Boolean).join(' · ');
  item.tooltip = tooltip(account, config);
  const won = account.role === 'ae' && account.stage === config.handoff.from;
  item.contextValue = `account.${account.role}${won ? '.won' : ''}`;
  item.iconPath = accountIcon(account);
  return item;
}

function opportunityItem(node: Extract<PipelineNode, { kind: 'opportunity' }>): vscode.TreeItem {
  const { opportunity } = node;
  const item = new vscode.TreeItem(`${opportunity.type}: ${opportunity.title}`, vscode.TreeItemCollapsibleState.None);
  item.id = idOf(node);
  item.description = [formatMoney(opportunity.value, opportunity.currency, true), opportunity.stage, opportunity.closeDate && vscode.l10n.t('closes {0}', opportunity.closeDate)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(opportunity.type === 'upsell' ? 'arrow-up' : 'add');
  item.contextValue = 'opportunity';
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [node.folder.source.uriOf(node.account.file)] };
  return item;
}

function closeText(closeDate: CalendarDay | undefined): string | undefined {
  return closeDate === undefined ? undefined : vscode.l10n.t('closes {0}', closeDate);
}

function renewalText(contractEnd: CalendarDay | undefined, today: CalendarDay): string | undefined {
  if (contractEnd === undefined) return undefined;
  const days = daysBetween(today, contractEnd);
  return days < 0 ? vscode.l10n.t('ended {0} d ago', -days) : vscode.l10n.t('renews in {0} d', days);
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
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Stage'), account.stage],
    ['AE', text(data.ae)],
    ['AM', text(data.am)],
    [vscode.l10n.t('Region'), text(data.region)],
    ['ARR', formatArr(account)],
    [vscode.l10n.t('Probability'), account.role === 'ae' ? `${winProbability(account, config)}%` : undefined],
    [vscode.l10n.t('Close date'), text(data.close_date)],
    [vscode.l10n.t('Contract end'), text(data.contract_end)],
    [vscode.l10n.t('Health'), text(data.health)],
    [vscode.l10n.t('Next step'), [text(data.next_step), text(data.next_step_date)].filter(Boolean).join(' — ') || undefined],
  ];
  const markdown = new vscode.MarkdownString(`**${markdownText(account.name)}**  \n`);
  for (const [label, value] of rows) if (value) markdown.appendMarkdown(`${label}: ${markdownText(value)}  \n`);
  markdown.appendMarkdown(`\n${markdownText(account.file)}`);
  return markdown;
}
