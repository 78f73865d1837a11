/**
 * What VS Code passes to a command, turned into the account it is about — the one place that reads a
 * command's account argument. VS Code passes a row of a Handoff view (an `AccountRef` the view made),
 * a dragged row (the same), an account file's `Uri` (editor title and context menus, a CodeLens, the
 * explorer), or nothing (the Command Palette, a keybinding): then the active editor's account, else
 * one the user picks.
 */
import * as vscode from 'vscode';
import { EditRefused } from '../../core/edit/editPlan';
import { roleLabel, type Role } from '../../core/model/stage';
import { AccountRef } from '../workspace/accountRef';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import { pickAccount } from './accountPicks';

/**
 * The account a command runs on. An argument that is not an account Handoff knows, or not one of the
 * role wanted, is refused — never replaced by the active editor's account. Undefined when the user
 * cancels the pick.
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

/** The account, as the index holds it now, of a row or a URI; undefined for anything else, or an account since gone. */
export function accountOf(workspaces: AccountWorkspaces, arg: unknown): AccountRef | undefined {
  if (arg instanceof vscode.Uri) {
    const located = workspaces.locate(arg);
    const account = located?.folder.store.account(located.file);
    return located && account ? new AccountRef(located.folder, account) : undefined;
  }
  // A row may be older than the index (a folder removed, a file renamed since it was drawn).
  if (!(arg instanceof AccountRef) || !workspaces.all().includes(arg.folder)) return undefined;
  const account = arg.folder.store.account(arg.account.file);
  return account ? new AccountRef(arg.folder, account) : undefined;
}
