/** The quick picks of commands: an account, a workspace folder, a stage, a person. */
import * as vscode from 'vscode';
import { ownerOf } from '../../core/model/account';
import { sortByPipeline } from '../../core/insight/pipeline';
import { roleLabel, stageLabel, type Role, type Stage } from '../../core/model/stage';
import { stageNameOf } from '../../core/model/teamConfig';
import { AccountRef } from '../workspace/accountRef';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import { inform } from './notifications';
import { formatNumber } from '../../core/model/displayLocale';

export async function pickAccount(workspaces: AccountWorkspaces, role: Role | undefined, placeHolder: string): Promise<AccountRef | undefined> {
  const multiRoot = workspaces.all().length > 1;
  const items = workspaces.all().flatMap((folder) =>
    sortByPipeline(folder.store.accounts().filter((account) => !role || account.role === role), folder.store.config)
      .map((account) => ({
        label: account.name,
        description: [roleLabel(account.role), account.stage && stageNameOf(folder.store.config, account.stage), ownerOf(account)].filter(Boolean).join(' · '),
        detail: multiRoot ? `${folder.workspaceFolder.name}: ${account.file}` : account.file,
        ref: new AccountRef(folder, account),
      })),
  );
  if (items.length === 0) {
    inform(role ? vscode.l10n.t('Handoff: there are no {0} accounts.', roleLabel(role)) : vscode.l10n.t('Handoff: there are no accounts in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.ref;
}

/**
 * The workspace folder a command works in: the only one, or the one the user picks (multi-root).
 * `withAccounts` offers only folders that hold accounts (a report of an empty folder says nothing);
 * with none, it falls back to the first. Undefined when there is no folder or the pick is cancelled.
 */
export async function pickFolder(workspaces: AccountWorkspaces, placeHolder: string, options: { withAccounts?: boolean } = {}): Promise<AccountFolder | undefined> {
  const all = workspaces.all();
  const folders = options.withAccounts ? all.filter((folder) => folder.store.size > 0) : all;
  if (folders.length <= 1) return folders[0] ?? all[0];
  return (await vscode.window.showQuickPick(folders.map((folder) => ({ label: folder.workspaceFolder.name, folder })), { placeHolder }))?.folder;
}

export interface StagePick extends vscode.QuickPickItem {
  stage: Stage;
}

/** The stages as people read them (label, the id as detail), and the one Enter takes: the stage after the current one. */
export function stagePicks(stages: readonly Stage[], current: string | undefined): { items: StagePick[]; active: StagePick | undefined } {
  const items = stages.map((stage) => ({
    label: stageLabel(stage),
    description: [stage.id === current ? vscode.l10n.t('current') : '', stage.probability !== undefined ? `${formatNumber(stage.probability)}%` : '', stage.closed ? vscode.l10n.t('closed') : ''].filter(Boolean).join(' · '),
    detail: stage.id,
    stage,
  }));
  const index = stages.findIndex((stage) => stage.id === current);
  // A deal moves forward: Enter must not send one in negotiation back to the first stage.
  const active = index === -1 ? items[0] : items[Math.min(index + 1, items.length - 1)];
  return { items, active };
}

export function pickStage(stages: readonly Stage[], current: string | undefined, placeHolder: string): Promise<Stage | undefined> {
  const { items, active } = stagePicks(stages, current);
  const quickPick = vscode.window.createQuickPick<StagePick>();
  quickPick.placeholder = placeHolder;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  if (active) quickPick.activeItems = [active];
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.stage);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
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
