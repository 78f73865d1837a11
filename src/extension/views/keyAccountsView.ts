/** The Key Accounts view: accounts ranked by the team's weighted score, with the criteria behind each score. */
import * as vscode from 'vscode';
import { keyAccountShortfall, rankAccounts, type ScoredAccount } from '../../core/insight/scoring';
import { AccountRef } from '../workspace/accountRef';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { PipelineFilter } from './pipelineFilter';

export const KEY_ACCOUNTS_VIEW = 'handoff.keyAccounts';

/** An account row stands for its account: commands run from its menu run on that account. */
class KeyAccountRow extends AccountRef {
  readonly kind = 'account';
  constructor(
    folder: AccountFolder,
    readonly scored: ScoredAccount,
  ) {
    super(folder, scored.account);
  }
}

type KeyNode = KeyAccountRow | { kind: 'criterion'; name: string; weight: number; score: number | undefined; parent: string };

class KeyAccountsProvider implements vscode.TreeDataProvider<KeyNode> {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly filter: PipelineFilter,
  ) {}

  refresh(): void {
    this.changes.fire();
  }

  getChildren(node?: KeyNode): KeyNode[] {
    if (!node) {
      // The key accounts and the ten just below the line, the ones that could become key next; ranked
      // across the team, then filtered (an AM's accounts keep their team rank).
      return this.workspaces.all().flatMap((folder) =>
        rankAccounts(folder.store.accounts(), folder.store.config)
          .filter((scored) => this.filter.matches(scored.account))
          .slice(0, folder.store.config.scoring.keyAccounts + 10)
          .map((scored) => new KeyAccountRow(folder, scored)),
      );
    }
    if (node.kind === 'account') return node.scored.criteria.map((c) => ({ kind: 'criterion', ...c, parent: node.scored.account.file }));
    return [];
  }

  getTreeItem(node: KeyNode): vscode.TreeItem {
    if (node.kind === 'criterion') {
      const item = new vscode.TreeItem(node.name.replace(/_/g, ' '), vscode.TreeItemCollapsibleState.None);
      item.id = `${node.parent}#${node.name}`;
      item.description = vscode.l10n.t('{0} × weight {1}', node.score ?? vscode.l10n.t('not scored'), node.weight);
      item.iconPath = new vscode.ThemeIcon(node.score === undefined ? 'circle-outline' : 'circle-filled');
      return item;
    }
    const { scored, folder } = node;
    const uri = folder.source.uriOf(scored.account.file);
    const item = new vscode.TreeItem(`${scored.rank}. ${scored.account.name}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = uri.toString();
    item.resourceUri = uri;
    item.description = scored.key ? vscode.l10n.t('{0} · ★ key account', scored.score.toFixed(1)) : scored.score.toFixed(1);
    item.iconPath = new vscode.ThemeIcon(scored.key ? 'star-full' : 'star-empty');
    item.contextValue = `keyAccount.${scored.account.role}`;
    item.tooltip = vscode.l10n.t("Weighted score {0} of 10 over the team's criteria; the top {1} are key accounts", scored.score.toFixed(1), folder.store.config.scoring.keyAccounts);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Account'), arguments: [uri] };
    return item;
  }
}

/** Above the tree, when a folder has fewer scored accounts than key-account places: how many, and what to do. */
function shortfallMessage(workspaces: AccountWorkspaces): string | undefined {
  const folders = workspaces.all();
  const notes = folders.flatMap((folder) => {
    const note = keyAccountShortfall(rankAccounts(folder.store.accounts(), folder.store.config), folder.store.config);
    return note === undefined ? [] : [folders.length > 1 ? `${folder.workspaceFolder.name}: ${note}` : note];
  });
  return notes.length > 0 ? notes.join(' · ') : undefined;
}

export function registerKeyAccountsView(workspaces: AccountWorkspaces, filter: PipelineFilter): vscode.Disposable & { elementOf(file: string): unknown; message(): string | undefined } {
  const provider = new KeyAccountsProvider(workspaces, filter);
  const treeView = vscode.window.createTreeView(KEY_ACCOUNTS_VIEW, { treeDataProvider: provider });
  const update = () => {
    provider.refresh();
    treeView.message = shortfallMessage(workspaces);
  };
  update();
  const onFilter = () => {
    treeView.description = filter.describe(false);
    provider.refresh();
  };
  const disposable = vscode.Disposable.from(treeView, workspaces.onDidChange(update), filter.onDidChange(onFilter));
  // The node VS Code hands a command run from this view's menus on the account of `file`.
  const elementOf = (file: string) => provider.getChildren().find((node) => node.kind === 'account' && node.account.file === file);
  return Object.assign(disposable, { elementOf, message: () => treeView.message });
}
