/** Open Report, Export Report as CSV…, Compare with Branch…: the CLI's report and diff, shown in VS Code. */
import * as vscode from 'vscode';
import { roleFolder } from '../../core/model/teamConfig';
import { diffAccounts } from '../../core/insight/diff';
import { diffToMarkdown } from '../../core/output/reviewFormats';
import { nextQuarterOf, parsePeriod, quarterOf, type Period } from '../../core/model/period';
import { buildReport } from '../../core/insight/report';
import { reportToCsv, reportToMarkdown } from '../../core/output/reportFormats';
import { listBranches, readRevisions } from '../../node/gitRevisions';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { pickFolder } from './accountPicks';
import type { CommandManager } from './commandManager';
import { inform, warn } from './notifications';
import { notificationText } from '../../core/output/notificationText';

export function registerReportCommands(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  const report = async (folder: AccountFolder, period: Period) => buildReport(folder.store.accounts(), folder.store.config, period, calendar.today);
  const pickTeam = () => pickFolder(workspaces, vscode.l10n.t('Which team?'), { withAccounts: true });
  return vscode.Disposable.from(
    commands.register('handoff.openReport', async (periodId?: string) => {
      const folder = await pickTeam();
      const period = folder && (await pickPeriod(calendar.today, periodId));
      if (!folder || !period) return undefined;
      return showMarkdown(reportToMarkdown(await report(folder, period)));
    }),
    commands.register('handoff.exportReportCsv', async (periodId?: string, target?: vscode.Uri) => {
      const folder = await pickTeam();
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
      inform(vscode.l10n.t('Handoff: report for {0} exported to {1}.', period.id, vscode.workspace.asRelativePath(uri)));
      return uri;
    }),
    commands.register('handoff.compareWithBranch', async (branch?: string) => {
      const folder = await pickTeam();
      if (!folder) return undefined;
      // git runs no program the repository's config names (node/git.ts); still, an untrusted folder is not read with git.
      if (!vscode.workspace.isTrusted) {
        warn(vscode.l10n.t('Handoff: Compare with Branch runs git, so it needs a trusted workspace.'));
        return undefined;
      }
      if (folder.workspaceFolder.uri.scheme !== 'file') {
        warn(vscode.l10n.t('Handoff: Compare with Branch needs a folder on disk with git.'));
        return undefined;
      }
      const dir = folder.workspaceFolder.uri.fsPath;
      // git's complaints (GitError) are refusals and its cancel is quiet: the command manager says so.
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
      return showMarkdown(diffToMarkdown(diff, base, vscode.l10n.t('working tree'), config));
    }),
  );
}

async function showMarkdown(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return document;
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
