/** Open Report, Export Report as CSV…, Compare with Branch…: the CLI's report and diff, shown in VS Code as read-only documents. */
import * as vscode from 'vscode';
import { notesFolder, roleFolder } from '../../core/model/teamConfig';
import { diffAccounts } from '../../core/insight/diff';
import { diffToMarkdown } from '../../core/output/reviewFormats';
import { nextQuarterOf, parsePeriod, quarterOf, type Period } from '../../core/model/period';
import { buildReport } from '../../core/insight/report';
import { reportToCsv, reportToMarkdown } from '../../core/output/reportFormats';
import type { BranchChoice } from '../../node/gitBranches';
import type { GitTools, Platform } from '../platform';
import { failureDetail } from '../workspace/failure';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { accountHref, type ReadOnlyDocuments } from '../editor/readOnlyDocuments';
import { pickFolder } from './accountPicks';
import type { CommandManager } from './commandManager';
import { warn } from './notifications';
import { notificationText } from '../../core/output/notificationText';

export function registerReportCommands(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager, documents: ReadOnlyDocuments, platform: Platform, log: vscode.LogOutputChannel): vscode.Disposable {
  const { git } = platform;
  // Where git cannot run (the browser), Compare with Branch leaves the menus and the palette. Set only
  // there, so that on the desktop the palette offers it before Handoff activates (running it activates Handoff).
  if (!git) vscode.commands.executeCommand('setContext', 'handoff.gitUnavailable', true).then(undefined, (error) => log.error(`Setting handoff.gitUnavailable failed: ${failureDetail(error)}`));
  const report = (folder: AccountFolder, period: Period) => buildReport(folder.store.accounts(), folder.store.config, period, calendar.today);
  const pickTeam = () => pickFolder(workspaces, vscode.l10n.t('Which team?'), { withAccounts: true });
  /** A title of its own per folder when there are several; the folder's URI tells two of the same name apart. */
  const titled = (title: string, folder: AccountFolder) => ({
    title: workspaces.all().length > 1 ? `${title} (${folder.workspaceFolder.name})` : title,
    key: folder.workspaceFolder.uri.toString(),
  });
  const links = (folder: AccountFolder) => ({ linkOf: (file: string) => accountHref(folder.workspaceFolder.uri, file) });
  /** Where the last CSV went this session; the home folder before that. Never the repository, where a CSV would end up in a commit. */
  let csvFolder: vscode.Uri | undefined;
  return vscode.Disposable.from(
    workspaces.onDidChange(() => documents.indexChanged()),
    commands.register('handoff.openReport', async (periodId?: string) => {
      const folder = await pickTeam();
      const period = folder && (await pickPeriod(calendar.today, periodId));
      if (!folder || !period) return undefined;
      const { title, key } = titled(vscode.l10n.t('Report {0}', period.id), folder);
      // Rendered again from the index as it changes, while it is open.
      return documents.show(title, () => reportToMarkdown(report(folder, period), links(folder)), { live: true, key });
    }),
    commands.register('handoff.exportReportCsv', async (periodId?: string, target?: vscode.Uri) => {
      const folder = await pickTeam();
      const period = folder && (await pickPeriod(calendar.today, periodId));
      if (!folder || !period) return undefined;
      const uri = target ?? (await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export Report as CSV'), defaultUri: csvDefault(csvFolder ?? platform.homeFolder, period), filters: { CSV: ['csv'] } }));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(reportToCsv(report(folder, period))));
      csvFolder = vscode.Uri.joinPath(uri, '..');
      // A confirmation, not a notification: those are for what went wrong.
      vscode.window.setStatusBarMessage(notificationText(vscode.l10n.t('$(check) Report {0} exported to {1}', period.id, uri.scheme === 'file' ? uri.fsPath : uri.toString(true))), 8000);
      return uri;
    }),
    commands.register('handoff.compareWithBranch', async (branch?: string) => {
      // Said before asking which team: in the browser there is no git to compare with.
      if (!git) {
        warn(vscode.l10n.t('Handoff: Compare with Branch runs git, which VS Code in the browser cannot run. Open the repository in VS Code on the desktop to compare it with a branch.'));
        return undefined;
      }
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
      try {
        return await compare(git, folder, branch);
      } catch (error) {
        if (!git.isNotARepository(error)) throw error;
        warn(vscode.l10n.t('Handoff: this folder is not in a git repository, so there is no branch to compare with. Compare with Branch works in a folder cloned or created with git.'));
        return undefined;
      }
    }),
  );

  async function compare(git: GitTools, folder: AccountFolder, branch: string | undefined): Promise<vscode.TextDocument | undefined> {
    const dir = folder.workspaceFolder.uri.fsPath;
    // git's other complaints are refusals and its cancel is quiet: the command manager says so (GitTools.failures).
    const choice = branch === undefined ? await pickBranch(await git.branches(dir)) : { name: branch, role: 'other' as const };
    if (!choice) return undefined;
    const base = choice.role === 'current' ? vscode.l10n.t('{0} (last commit)', choice.name) : choice.name;
    const head = choice.role === 'current' ? vscode.l10n.t('your working tree (uncommitted changes only)') : vscode.l10n.t('your working tree (uncommitted changes included)');
    const { config } = folder.store;
    // git runs in child processes; Cancel kills them.
    const revisions = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: notificationText(vscode.l10n.t('Handoff: comparing {0} with {1}…', base, head)), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        const listener = token.onCancellationRequested(() => abort.abort());
        return git.revisions(dir, [roleFolder(config, 'ae'), roleFolder(config, 'am'), notesFolder(config)], choice.role === 'current' ? 'HEAD' : choice.name, abort.signal).finally(() => listener.dispose());
      },
    );
    const diff = diffAccounts(revisions.before, revisions.after, revisions.renames, (file) => folder.store.roleOf(file), config);
    const text = diffToMarkdown(diff, base, head, folder.store.config, links(folder));
    const { title, key } = titled(`${base} → ${head}`, folder);
    return documents.show(title, () => text, { key });
  }
}

/** The Save dialog's suggestion: in the folder of the last export, else the home folder (none in the browser: the name alone); never the workspace. */
function csvDefault(folder: vscode.Uri | undefined, period: Period): vscode.Uri | undefined {
  return folder && vscode.Uri.joinPath(folder, `handoff-report-${period.id}.csv`);
}

/** The branches to compare the working tree with, the suggestion first and preselected; each says what the comparison shows. */
async function pickBranch({ choices, current }: { choices: BranchChoice[]; current: string | undefined }): Promise<BranchChoice | undefined> {
  const describe = (choice: BranchChoice): string => {
    switch (choice.role) {
      case 'upstream':
        return vscode.l10n.t('the branch {0} tracks', current ?? 'HEAD');
      case 'main':
        return vscode.l10n.t('the main line');
      case 'current':
        return vscode.l10n.t('current branch: its last commit, so your uncommitted changes only');
      default:
        return '';
    }
  };
  const items = choices.map((choice) => ({ label: choice.name, description: describe(choice), choice }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Compare with Branch'),
    placeHolder: vscode.l10n.t('Compare your working tree (uncommitted changes included) with which branch?'),
    matchOnDescription: true,
  });
  return picked?.choice;
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
