/** Finding the account a command is about (tree item, editor, or a quick pick), and picking people and stages. */
import * as vscode from 'vscode';
import type { Account } from '../core/account';
import { ownerOf, sortByPipeline } from '../core/pipeline';
import { roleLabel, type Role, type Stage } from '../core/stage';
import type { AccountFolder, AccountWorkspaces } from './accountWorkspaces';
import type { PipelineNode } from './pipelineTree';

export interface AccountRef {
  folder: AccountFolder;
  account: Account;
}

/** The account of a tree item or URI argument, else of the active editor, else one the user picks. */
export async function resolveAccount(workspaces: AccountWorkspaces, arg: unknown, role?: Role, placeHolder?: string): Promise<AccountRef | undefined> {
  const fromArg = accountOf(workspaces, arg) ?? accountOf(workspaces, vscode.window.activeTextEditor?.document.uri);
  if (fromArg && (!role || fromArg.account.role === role)) return fromArg;
  return pickAccount(workspaces, role, placeHolder ?? vscode.l10n.t('Pick an account'));
}

export function accountOf(workspaces: AccountWorkspaces, arg: unknown): AccountRef | undefined {
  if (isNode(arg)) return arg.kind === 'account' ? { folder: arg.folder, account: arg.account } : undefined;
  if (!(arg instanceof vscode.Uri)) return undefined;
  const located = workspaces.locate(arg);
  const account = located?.folder.store.get(located.file)?.account;
  return located && account ? { folder: located.folder, account } : undefined;
}

function isNode(arg: unknown): arg is PipelineNode {
  return typeof arg === 'object' && arg !== null && 'kind' in arg && 'folder' in arg;
}

export async function pickAccount(workspaces: AccountWorkspaces, role: Role | undefined, placeHolder: string): Promise<AccountRef | undefined> {
  const multiRoot = workspaces.all().length > 1;
  const items = workspaces.all().flatMap((folder) =>
    sortByPipeline(folder.store.accounts().filter((account) => !role || account.role === role), folder.store.config)
      .map((account) => ({
        label: account.name,
        description: [roleLabel(account.role), account.stage, ownerOf(account)].filter(Boolean).join(' · '),
        detail: multiRoot ? `${folder.workspaceFolder.name}: ${account.file}` : account.file,
        ref: { folder, account },
      })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(role ? vscode.l10n.t('Handoff: there are no {0} accounts.', roleLabel(role)) : vscode.l10n.t('Handoff: there are no accounts in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.ref;
}

export async function pickStage(stages: readonly Stage[], current: string | undefined, placeHolder: string): Promise<Stage | undefined> {
  const items = stages.map((stage) => ({
    label: stage.id,
    description: [stage.id === current ? vscode.l10n.t('current') : '', stage.probability !== undefined ? `${stage.probability}%` : '', stage.closed ? vscode.l10n.t('closed') : ''].filter(Boolean).join(' · '),
    stage,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.stage;
}

/** A person of the team roster with that role (same region first), or whatever e-mail the user types. */
export function pickPerson(folder: AccountFolder, role: Role, region: unknown, title: string): Promise<string | undefined> {
  const members = folder.store.config.team
    .filter((member) => member.role === role)
    .sort((a, b) => Number(b.region === region) - Number(a.region === region) || a.id.localeCompare(b.id));
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  quickPick.title = title;
  quickPick.placeholder = members.length > 0 ? vscode.l10n.t('Pick an {0} or type an e-mail', roleLabel(role)) : vscode.l10n.t("Type the {0}'s e-mail", roleLabel(role));
  const rosterItems = members.map((member) => ({ label: member.id, description: member.region }));
  quickPick.items = rosterItems;
  quickPick.onDidChangeValue((value) => {
    const typed = value.trim();
    const known = rosterItems.some((item) => item.label === typed);
    quickPick.items = typed && !known ? [{ label: typed, description: vscode.l10n.t('typed') }, ...rosterItems] : rosterItems;
  });
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0]?.label ?? quickPick.value.trim();
      resolve(chosen || undefined);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
