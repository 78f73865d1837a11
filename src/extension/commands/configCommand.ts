/** Create Team Configuration: a commented `.handoff.yml` with the defaults, or the existing one opened. */
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/model/teamConfig';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import { pickFolder } from './accountPicks';
import type { CommandManager } from './commandManager';
import { inform } from './notifications';

const STARTER = `# Handoff team configuration. Every key is optional: delete what you do not change.
root: accounts               # the folder that holds the role folders
folders: { ae: ae, am: am }  # deals under accounts/ae/, customers under accounts/am/

stages:                      # pipeline order; role says which folder the stage lives in
  - { id: prospecting,   role: ae, probability: 10 }
  - { id: qualification, role: ae, probability: 20 }
  - { id: demo,          role: ae, probability: 40 }
  - { id: proposal,      role: ae, probability: 60 }
  - { id: negotiation,   role: ae, probability: 80 }
  - { id: closed_won,    role: ae, probability: 100, closed: true, won: true }
  - { id: closed_lost,   role: ae, probability: 0,   closed: true }
  - { id: onboarding,    role: am }
  - { id: active,        role: am }
  - { id: at_risk,       role: am }
  - { id: renewal,       role: am }
  - { id: churned,       role: am, closed: true }

handoff: { from: closed_won, to: onboarding, template: null }
renewal: { warn_days: [90, 60, 30], notice_days: 60 }
contact: { stale_days: 30 }
scoring:
  criteria: { growth_potential: 3, strategic_fit: 2, relationship: 2, revenue: 3 }
  key_accounts: 10
team: []                     # - { id: budi@example.com, role: am, region: APAC, quota: { 2026-Q4: 500000 } }
`;

export function registerConfigCommand(workspaces: AccountWorkspaces, commands: CommandManager): vscode.Disposable {
  return commands.register('handoff.createConfig', async () => {
    const folder = await pickFolder(workspaces, vscode.l10n.t('Which folder is the team?'));
    if (!folder) {
      if (workspaces.all().length === 0) inform(vscode.l10n.t('Handoff: open a folder first.'));
      return undefined;
    }
    const uri = folder.source.uriOf(CONFIG_FILE);
    if ((await folder.source.readText(CONFIG_FILE)) === undefined) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(STARTER) });
      await vscode.workspace.applyEdit(edit);
    }
    await vscode.window.showTextDocument(uri);
    // The walkthrough's step ticks when the file is there, not when the command was merely started (and cancelled).
    await vscode.commands.executeCommand('setContext', 'handoff.walkthrough.configured', true);
    return uri;
  });
}
