/**
 * A folder whose index failed (an unreadable `.handoff.yml`, a folder that cannot be listed, a remote
 * file system that is unavailable) is never silent: an error notification names the folder and the
 * reason, with Show Log and Retry, and the `handoff.indexFailed` context key swaps the Pipeline
 * view's "no accounts yet" welcome for one that says the index failed. The failure itself is logged,
 * with its stack, where it happens (AccountWorkspaces).
 */
import * as vscode from 'vscode';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { CommandManager } from '../commands/commandManager';
import { failureDetail, failureMessage } from '../workspace/failure';

export function registerIndexStatus(workspaces: AccountWorkspaces, commands: CommandManager, log: vscode.LogOutputChannel): vscode.Disposable {
  const update = () => {
    vscode.commands.executeCommand('setContext', 'handoff.indexFailed', workspaces.failed().length > 0).then(undefined, (error) => log.error(`Setting handoff.indexFailed failed: ${failureDetail(error)}`));
  };
  update();
  return vscode.Disposable.from(
    workspaces.onDidIndex(({ folder, error, automatic }) => {
      update();
      // Shown when the folder opens and when the user asks (Reindex, Retry); a folder that fails again
      // on its own, after each change in it, is only logged: it already says so above its tree.
      if (error === undefined || automatic) return;
      commands.showFailure(vscode.l10n.t('Handoff could not index the accounts in {0}: {1}', folder.workspaceFolder.name, failureMessage(error)), {
        title: vscode.l10n.t('Retry'),
        run: () => vscode.commands.executeCommand('handoff.refresh'),
      });
    }),
    commands.register('handoff.showLog', () => log.show()),
  );
}
