/**
 * The Pipeline view: the tree, its title (active filter), drag and drop between stages, revealing the
 * active editor's account, and the context keys that menus and the welcome view use.
 */
import * as vscode from 'vscode';
import { stageById } from '../../core/model/teamConfig';
import { pipelineHeadline } from '../../core/insight/pipelineSummary';

import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import type { PipelineFilter } from './pipelineFilter';
import { PipelineTreeProvider, type PipelineNode } from './pipelineTree';
import { failureDetail } from '../workspace/failure';

export const PIPELINE_VIEW = 'handoff.pipeline';
const DRAG_MIME = 'application/vnd.code.tree.handoff.pipeline';

/** A plain copy of what the view shows, for the extension's API (tests, other extensions). */
export interface PipelineItem {
  label: string;
  /** A group row's key: its stage id, owner or region (empty for "none"). */
  key?: string;
  description?: string;
  contextValue?: string;
  /** The tooltip, when it is plain text (group rows). */
  tooltip?: string;
  /** The codicon's id (`person`, `target`). */
  icon?: string;
  /** An account row's file, workspace-relative. */
  file?: string;
  children: PipelineItem[];
}

export function registerPipelineView(
  workspaces: AccountWorkspaces,
  filter: PipelineFilter,
  calendar: Calendar,
  log: vscode.LogOutputChannel,
): vscode.Disposable & { items(): PipelineItem[]; message(): string | undefined; elementOf(file: string): unknown; reveal(folder: AccountFolder, file: string): Promise<void>; selection(): string[] } {
  const provider = new PipelineTreeProvider(workspaces, filter, calendar);
  const treeView = vscode.window.createTreeView(PIPELINE_VIEW, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: false,
    dragAndDropController: dragAndDrop(),
  });

  const logged = (what: string) => (error: unknown) => log.error(`${what} failed: ${failureDetail(error)}`);
  const updateTitle = () => {
    treeView.description = filter.describe();
    // Above the tree while it shows accounts (another folder of a multi-root workspace); an empty tree shows the welcome instead.
    // A folder that could not be indexed comes first: it needs doing. Else the headline of what the filter shows.
    const failed = workspaces.failed().map(({ folder }) => folder.workspaceFolder.name);
    treeView.message =
      failed.length > 0
        ? vscode.l10n.t('Handoff could not index {0}; see the log (Handoff: Show Log).', failed.join(', '))
        : pipelineHeadline(
            workspaces.all().map((folder) => ({ accounts: folder.store.accounts().filter((account) => filter.matches(account)), config: folder.store.config })),
            calendar.today,
          );
    const hasAccounts = workspaces.all().some((folder) => folder.store.size > 0);
    vscode.commands.executeCommand('setContext', 'handoff.hasAccounts', hasAccounts).then(undefined, logged('Setting handoff.hasAccounts'));
  };
  const updateActive = () => {
    const editor = vscode.window.activeTextEditor;
    const located = editor && workspaces.locate(editor.document.uri);
    const account = located?.folder.store.account(located.file);
    vscode.commands.executeCommand('setContext', 'handoff.activeAccountRole', account?.role ?? '').then(undefined, logged('Setting handoff.activeAccountRole'));
    if (!located || !account || !treeView.visible) return;
    const node = provider.findAccount(located.folder, located.file);
    // A node not rendered yet cannot be revealed; the next change of the tree tries again.
    if (node) treeView.reveal(node, { select: true, focus: false, expand: true }).then(undefined, (error) => log.debug(`Revealing ${located.file} in the Pipeline: ${error}`));
  };
  updateTitle();
  updateActive();
  // Reads of the view model (`childrenOf`): they neither render the tree nor fire a change.
  const items = (node?: PipelineNode): PipelineItem[] =>
    provider.childrenOf(node).map((child) => {
      const item = provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const file = child.kind === 'account' ? child.account.file : undefined;
      const key = child.kind === 'group' ? child.group.key : undefined;
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : undefined;
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
      return { label, key, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue, tooltip, icon, file, children: items(child) };
    });
  const disposable = vscode.Disposable.from(
    provider,
    treeView,
    workspaces.onDidChange(() => {
      updateTitle();
      updateActive();
    }),
    filter.onDidChange(updateTitle),
    workspaces.onDidIndex(updateTitle),
    calendar.onDidChangeDay(updateTitle),
    vscode.window.onDidChangeActiveTextEditor(updateActive),
    treeView.onDidChangeVisibility(updateActive),
  );
  // The node VS Code hands a command run from this view's menus on the account of `file`.
  const elementOf = (file: string, nodes = provider.childrenOf()): PipelineNode | undefined => {
    for (const node of nodes) {
      if (node.kind === 'account' && node.account.file === file) return node;
      const found = node.kind === 'account' || node.kind === 'opportunity' ? undefined : elementOf(file, provider.childrenOf(node));
      if (found) return found;
    }
    return undefined;
  };
  // After a write: the account where the index has it now (a filter may hide it), selected. Only in
  // a view on screen: one never drawn has no rows to reveal, and opening it would take the sidebar.
  const reveal = async (folder: AccountFolder, file: string) => {
    if (!treeView.visible) return;
    await workspaces.idle();
    const node = elementOf(file);
    if (node && node.folder === folder) await treeView.reveal(node, { select: true, focus: false, expand: true });
  };
  const selection = () => treeView.selection.flatMap((node) => (node.kind === 'account' ? [node.account.file] : []));
  return Object.assign(disposable, { items: () => items(), message: () => treeView.message, elementOf: (file: string) => elementOf(file), reveal, selection });
}

/** Dropping an account on a stage of its role moves it; on a stage of the other role it starts a handoff or hand-back. */
function dragAndDrop(): vscode.TreeDragAndDropController<PipelineNode> {
  return {
    dragMimeTypes: [DRAG_MIME],
    dropMimeTypes: [DRAG_MIME],
    handleDrag(source, dataTransfer) {
      const accounts = source.filter((node) => node.kind === 'account');
      if (accounts.length > 0) dataTransfer.set(DRAG_MIME, new vscode.DataTransferItem(accounts));
    },
    async handleDrop(target, dataTransfer) {
      const dragged = dataTransfer.get(DRAG_MIME)?.value as PipelineNode[] | undefined;
      const node = dragged?.[0];
      if (!node || node.kind !== 'account' || !target) return;
      const stageId = target.kind === 'group' ? target.group.stage?.id : target.kind === 'folder' ? undefined : target.account.stage;
      if (!stageId || stageId === node.account.stage || target.folder !== node.folder) return;
      const stage = stageById(node.folder.store.config, stageId);
      if (!stage) return;
      if (stage.role === node.account.role) await vscode.commands.executeCommand('handoff.moveToStage', node, stage.id);
      else await vscode.commands.executeCommand(stage.role === 'am' ? 'handoff.handOff' : 'handoff.handBack', node);
    },
  };
}

