/**
 * Wires the extension: the index, then each feature as a disposable, on the platform the entry chose
 * (desktop.ts in a Node extension host, web.ts in the browser's). Nothing else lives here.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { setDisplayLocale } from '../core/model/displayLocale';
import { AccountOverviews } from './webview/accountOverviewPanel';
import { AccountWorkspaces } from './workspace/accountWorkspaces';
import { Calendar } from './workspace/calendar';
import { CommandManager } from './commands/commandManager';
import { registerCheckupCommand } from './commands/checkupCommand';
import { registerConfigCommand } from './commands/configCommand';
import { registerDiagnostics } from './editor/diagnostics';
import { registerExpansionCommand } from './commands/expansionCommand';
import { registerFilterCommands } from './commands/filterCommands';
import { registerHistoryCommand } from './commands/historyCommand';
import { IndexSnapshots } from './workspace/indexSnapshots';
import { registerIndexStatus } from './views/indexStatus';
import { KEY_ACCOUNTS_VIEW, registerKeyAccountsView } from './views/keyAccountsView';
import { registerPipelineCommands } from './commands/pipelineCommands';
import { PipelineFilter } from './views/pipelineFilter';
import { NotesSearch } from './views/notesSearch';
import type { Platform } from './platform';
import { PIPELINE_VIEW, registerPipelineView, type PipelineItem } from './views/pipelineView';
import { registerQuickFixes } from './editor/quickFixes';
import { ReadOnlyDocuments } from './editor/readOnlyDocuments';
import { registerRenewalLenses } from './editor/renewalLenses';
import { registerRenewalsView, RENEWALS_VIEW, type RenewalsItem } from './views/renewalsView';
import { registerReportCommands } from './commands/reportCommands';

/**
 * What `activate` returns: reads for the integration tests (test/integration), none of which renders a
 * view or fires a change. Not an API for other extensions.
 */
export interface HandoffApi {
  /** When `activate` began (Date.now()): the benches time the index from it. */
  readonly activatedAt: number;
  /** Settles when every folder is indexed and every pending refresh is done. */
  whenIdle(): Promise<void>;
  /** Every file the index holds (an account, readable or not, and a handoff note), workspace-relative. */
  indexedFiles(): string[];
  /** What the Pipeline view shows now, as plain data: read from its view model, without rendering the tree. */
  pipeline(): PipelineItem[];
  /** The message above the Pipeline view's tree: a folder that could not be indexed, else the headline (quarter forecast, deals closing this month). */
  pipelineMessage(): string | undefined;
  /** How many renewals the status bar counts as needing attention. */
  renewalsNeedingAttention(): number;
  /** What the Renewals view shows now: its buckets and their rows as plain data. */
  renewals(): RenewalsItem[];
  /** The message above the Key Accounts view's tree (fewer scored accounts than key-account places), if any. */
  keyAccountsMessage(): string | undefined;
  /** The tree element a view shows for an account file: what VS Code passes to a command run from that row's menu. */
  treeElement(view: string, file: string): unknown;
  /** The HTML of the Account Overview page open for a workspace-relative account file, if one is open. */
  accountOverviewHtml(file: string): string | undefined;
  /** The account files selected in the Pipeline view (a write reveals and selects the account it wrote). */
  pipelineSelection(): string[];
  /** Pretends today is this day (undefined: the clock's day again), as if midnight had passed. */
  setToday(day: string | undefined): void;
}

export async function activateOn(platform: Platform, context: vscode.ExtensionContext): Promise<HandoffApi> {
  const activatedAt = Date.now();
  // The core (problems, renewals, summaries, reports) speaks through @vscode/l10n: hand it the bundle
  // VS Code loaded for the display language. Without one (English) it keeps its own words.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // Numbers and dates for people follow the display language too (the CLI keeps en-US).
  setDisplayLocale(vscode.env.language);
  // The one log of the extension (Output › Handoff): index loads, and every error caught anywhere.
  const log = vscode.window.createOutputChannel('Handoff', { log: true });
  const commands = new CommandManager(log, platform.git?.failures);
  const workspaces = new AccountWorkspaces(log, platform, new IndexSnapshots(context.storageUri, context.extension, log, platform.entry));
  const notes = new NotesSearch(workspaces, log);
  const filter = new PipelineFilter(log, notes);
  const calendar = new Calendar();
  context.subscriptions.push(log, workspaces, notes, filter, calendar, registerIndexStatus(workspaces, commands, log));
  const started = workspaces.start();
  const pipelineView = registerPipelineView(workspaces, filter, calendar, log);
  const renewalsView = registerRenewalsView(workspaces, calendar, commands, filter);
  const keyAccountsView = registerKeyAccountsView(workspaces, filter);
  // Reports, reviews and account histories: one content provider for their scheme.
  const documents = new ReadOnlyDocuments();
  const overviews = new AccountOverviews(workspaces, calendar, context.extensionUri, log, commands);
  context.subscriptions.push(
    registerDiagnostics(workspaces, calendar),
    registerQuickFixes(workspaces),
    pipelineView,
    registerPipelineCommands(workspaces, calendar, commands, pipelineView.reveal, log),
    registerFilterCommands(workspaces, filter, commands, platform.git, log),
    renewalsView,
    registerRenewalLenses(workspaces, calendar, commands),
    registerCheckupCommand(workspaces, calendar, commands),
    keyAccountsView,
    registerExpansionCommand(workspaces, calendar, commands),
    documents,
    registerReportCommands(workspaces, calendar, commands, documents, platform, log),
    registerHistoryCommand(workspaces, calendar, commands, documents, platform.git),
    registerConfigCommand(workspaces, commands),
    overviews,
    commands.register('handoff.refresh', () => workspaces.reload()),
    commands.register('handoff.openDocs', () => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md'))),
  );
  return {
    activatedAt,
    whenIdle: async () => {
      await started;
      await workspaces.idle();
    },
    indexedFiles: () => workspaces.all().flatMap((folder) => [...[...folder.store.allRecords()].map((record) => record.file), ...folder.store.noteFiles()]),
    pipeline: () => pipelineView.items(),
    pipelineMessage: () => pipelineView.message(),
    renewalsNeedingAttention: () => renewalsView.needingAttention(),
    renewals: () => renewalsView.items(),
    keyAccountsMessage: () => keyAccountsView.message(),
    treeElement: (view, file) => ({ [PIPELINE_VIEW]: pipelineView, [RENEWALS_VIEW]: renewalsView, [KEY_ACCOUNTS_VIEW]: keyAccountsView })[view]?.elementOf(file),
    accountOverviewHtml: (file) => overviews.html(file),
    pipelineSelection: () => pipelineView.selection(),
    setToday: (day) => calendar.pretend(day),
  };
}
