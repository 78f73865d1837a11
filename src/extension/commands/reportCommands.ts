/** Open Report, Export Report as CSV…, Compare with Branch…: the CLI's report and diff, shown in VS Code. */
import * as vscode from 'vscode';
import { roleFolder } from '../../core/model/teamConfig';
import { diffAccounts, diffToMarkdown } from '../../core/insight/diff';
import { nextQuarterOf, parsePeriod, quarterOf, type Period } from '../../core/model/period';
import { buildReport } from '../../core/insight/report';
import { reportToCsv, reportToMarkdown } from '../../core/output/reportFormats';
import { GitCancelled } from '../../node/git';
import { listBranches, readRevisions } from '../../node/gitRevisions';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { inform, warn } from './notifications';
import { notificationText } from '../../core/output/notificationText';

export function registerReportCommands(workspaces: AccountWorkspaces, calendar: Calendar): vscode.Disposable {
  const report = async (folder: AccountFolder, period: Period) => buildReport(folder.store.accounts(), folder.store.config, period, calendar.today);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('handoff.openReport', async (periodId?: string) => {
      const folder = await pickFolder(workspaces);
      const period = folder && (await pickPeriod(calendar.today, periodId));
      if (!folder || !period) return undefined;
      return showMarkdown(reportToMarkdown(await report(folder, period)));
    }),
    vscode.commands.registerCommand('handoff.exportReportCsv', async (periodId?: string, target?: vscode.Uri) => {
      const folder = await pickFolder(workspaces);
      const period = folder && (await pickPeriod(calendar.today, periodId));
      if (!folder || !period) return undefined;
      const uri =
        target ??
        (await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Report as CSV'),
          defaultUri: vscode.Uri.joinPath(folder.workspaceFolder.uri, `handoff-report-${period.id}.csv`),
          filters: { CSV: ['csv'] },
        }));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(reportToCsv(await report(folder, period))));
      void inform(vscode.l10n.t('Handoff: report for {0} exported to {1}.', period.id, vscode.workspace.asRelativePath(uri)));
      return uri;
    }),
    vscode.commands.registerCommand('handoff.compareWithBranch', async (branch?: string) => {
      const folder = await pickFolder(workspaces);
      if (!folder) return undefined;
      // git runs no program the repository's config names (node/git.ts); still, an untrusted folder is not read with git.
      if (!vscode.workspace.isTrusted) {
        void warn(vscode.l10n.t('Handoff: Compare with Branch runs git, so it needs a trusted workspace.'));
        return undefined;
      }
      if (folder.workspaceFolder.uri.scheme !== 'file') {
        void warn(vscode.l10n.t('Handoff: Compare with Branch needs a folder on disk with git.'));
        return undefined;
      }
      const dir = folder.workspaceFolder.uri.fsPath;
      try {
        const base = branch ?? (await vscode.window.showQuickPick(listBranches(dir), { placeHolder: vscode.l10n.t('Compare the working tree with which branch?') }));
        if (!base) return undefined;
        const { config } = folder.store;
        // git runs in child processes; Cancel kills them.
        const revisions = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: notificationText(vscode.l10n.t('Handoff: comparing the working tree with {0}…', base)), cancellable: true },
          (_progress, token) => {
            const abort = new AbortController();
            const listener = token.onCancellationRequested(() => abort.abort());
            return readRevisions(dir, [roleFolder(config, 'ae'), roleFolder(config, 'am')], base, undefined, abort.signal).finally(() => listener.dispose());
          },
        );
        const diff = diffAccounts(revisions.before, revisions.after, revisions.renames, (file) => folder.store.roleOf(file), config);
        return showMarkdown(diffToMarkdown(diff, base, vscode.l10n.t('working tree')));
      } catch (error) {
        if (error instanceof GitCancelled) return undefined;
        void warn(vscode.l10n.t('Handoff: {0}', (error as Error).message));
        return undefined;
      }
    }),
  );
}

async function showMarkdown(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return document;
}

async function pickFolder(workspaces: AccountWorkspaces): Promise<AccountFolder | undefined> {
  const folders = workspaces.all().filter((folder) => folder.store.size > 0);
  if (folders.length <= 1) return folders[0] ?? workspaces.all()[0];
  return (await vscode.window.showQuickPick(folders.map((folder) => ({ label: folder.workspaceFolder.name, folder })), { placeHolder: vscode.l10n.t('Which team?') }))?.folder;
}

async function pickPeriod(today: string, given?: string): Promise<Period | undefined> {
  if (given) return parsePeriod(given);
  const current = quarterOf(today);
  const next = nextQuarterOf(today);
  const year = parsePeriod(today.slice(0, 4))!;
  const picked = await vscode.window.showQuickPick(
    [
      { label: current.id, description: vscode.l10n.t('this quarter'), period: current },
      { label: next.id, description: vscode.l10n.t('next quarter'), period: next },
      { label: year.id, description: vscode.l10n.t('this year'), period: year },
    ],
    { placeHolder: vscode.l10n.t('Report on which period?') },
  );
  return picked?.period;
}
