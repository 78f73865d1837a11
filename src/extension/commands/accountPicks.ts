/** Finding the account a command is about (its argument, the editor, or a quick pick), and picking people and stages. */
import * as vscode from 'vscode';
import { ownerOf, type Account } from '../../core/model/account';
import { EditRefused } from '../../core/edit/editPlan';
import { sortByPipeline } from '../../core/insight/pipeline';
import { roleLabel, type Role, type Stage } from '../../core/model/stage';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import { inform } from './notifications';

/**
 * An account and the folder it is in. Every tree node that stands for an account (Pipeline,
 * Renewals, Key Accounts) has this shape, and so does a drag payload: a command takes any of them.
 */
export interface AccountRef {
  folder: AccountFolder;
  account: Account;
}

/**
 * The account a command runs on: the one it was invoked on (a tree node of any view, an account
 * file's URI from an editor menu or a lens); without an argument, the active editor's; else one the
 * user picks. An argument that is not an account of the role wanted is refused — never replaced by
 * the active editor's account.
 */
export async function resolveAccount(workspaces: AccountWorkspaces, arg: unknown, role?: Role, placeHolder?: string): Promise<AccountRef | undefined> {
  if (arg !== undefined && arg !== null) {
    const ref = accountOf(workspaces, arg);
    if (!ref) throw new EditRefused(vscode.l10n.t('this command was run on something that is not an account Handoff knows'));
    if (role && ref.account.role !== role) throw new EditRefused(vscode.l10n.t('{0} is not an {1} account', ref.account.name, roleLabel(role)));
    return ref;
  }
  const active = accountOf(workspaces, vscode.window.activeTextEditor?.document.uri);
  if (active && (!role || active.account.role === role)) return active;
  return pickAccount(workspaces, role, placeHolder ?? vscode.l10n.t('Pick an account'));
}

/** The account, as the index holds it now, of a command argument: an account node or ref, or a URI; else undefined. */
export function accountOf(workspaces: AccountWorkspaces, arg: unknown): AccountRef | undefined {
  if (arg instanceof vscode.Uri) {
    const located = workspaces.locate(arg);
    const account = located?.folder.store.get(located.file)?.account;
    return located && account ? { folder: located.folder, account } : undefined;
  }
  if (!isAccountRef(arg) || !workspaces.all().includes(arg.folder)) return undefined;
  const account = arg.folder.store.get(arg.account.file)?.account;
  return account ? { folder: arg.folder, account } : undefined;
}

function isAccountRef(arg: unknown): arg is AccountRef {
  if (typeof arg !== 'object' || arg === null || !('folder' in arg) || !('account' in arg)) return false;
  const account = (arg as { account: unknown }).account;
  return typeof account === 'object' && account !== null && typeof (account as { file?: unknown }).file === 'string';
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
    void inform(role ? vscode.l10n.t('Handoff: there are no {0} accounts.', roleLabel(role)) : vscode.l10n.t('Handoff: there are no accounts in this workspace yet.'));
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
export function pickPerson(folder: AccountFolder, role: Role, region: string | undefined, title: string): Promise<string | undefined> {
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
