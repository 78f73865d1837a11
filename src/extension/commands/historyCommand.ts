/** Show Account History: an account's story from git (its stage moves, owners, handoffs, with dates and authors) as a read-only Markdown document. */
import * as vscode from 'vscode';
import { historyOf, sinceOf, storyOf } from '../../core/insight/history';
import { roleFolder } from '../../core/model/teamConfig';
import { notificationText } from '../../core/output/notificationText';
import { storyToMarkdown } from '../../core/output/historyFormats';
import { accountHref, type ReadOnlyDocuments } from '../editor/readOnlyDocuments';
import type { GitTools } from '../platform';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import { warn } from './notifications';

export function registerHistoryCommand(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager, documents: ReadOnlyDocuments, git: GitTools | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    commands.register('handoff.showHistory', async (arg?: unknown) => {
      // Said before anything is asked: in the browser there is no git to read the history from.
      if (!git) {
        warn(vscode.l10n.t("Handoff: an account's history comes from git, which VS Code in the browser cannot run. Open the repository in VS Code on the desktop to see it."));
        return undefined;
      }
      const ref = await resolveAccount(workspaces, arg, undefined, vscode.l10n.t('Show the history of which account?'));
      if (!ref) return undefined;
      const { folder, account } = ref;
      // git runs no program the repository's config names (node/git.ts); still, an untrusted folder is not read with git.
      if (!vscode.workspace.isTrusted) {
        warn(vscode.l10n.t("Handoff: an account's history runs git, so it needs a trusted workspace."));
        return undefined;
      }
      if (folder.workspaceFolder.uri.scheme !== 'file') {
        warn(vscode.l10n.t("Handoff: an account's history needs a folder on disk with git."));
        return undefined;
      }
      const { config } = folder.store;
      let commits;
      try {
        commits = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: notificationText(vscode.l10n.t('Handoff: reading the history of {0}…', account.name)), cancellable: true }, (_progress, token) => {
          const abort = new AbortController();
          const listener = token.onCancellationRequested(() => abort.abort());
          return git.history(folder.workspaceFolder.uri.fsPath, [roleFolder(config, 'ae'), roleFolder(config, 'am')], abort.signal).finally(() => listener.dispose());
        });
      } catch (error) {
        if (!git.isNotARepository(error)) throw error;
        warn(vscode.l10n.t('Handoff: this folder is not in a git repository, so it has no history. History works in a folder cloned or created with git.'));
        return undefined;
      }
      const history = historyOf(commits, (file) => folder.store.roleOf(file));
      const { since, days } = sinceOf(history, account.file, account.stage, calendar.today);
      const text = storyToMarkdown(account.name, account.file, storyOf(history, account.file), { stage: account.stage, since, days }, config, { linkOf: (file) => accountHref(folder.workspaceFolder.uri, file) });
      return documents.show(vscode.l10n.t('History of {0}', account.name), () => text, { key: `${folder.workspaceFolder.uri}#history:${account.file}` });
    }),
  );
}
