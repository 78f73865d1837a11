/** Wires the extension: the index, then each feature as a disposable. Nothing else lives here. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AccountWorkspaces } from './workspace/accountWorkspaces';
import { Calendar } from './workspace/calendar';
import { registerCheckupCommand } from './commands/checkupCommand';
import { registerConfigCommand } from './commands/configCommand';
import { registerDiagnostics } from './editor/diagnostics';
import { registerExpansionCommand } from './commands/expansionCommand';
import { registerFilterCommands } from './commands/filterCommands';
import { IndexSnapshots } from './workspace/indexSnapshots';
import { KEY_ACCOUNTS_VIEW, registerKeyAccountsView } from './views/keyAccountsView';
import { registerPipelineCommands } from './commands/pipelineCommands';
import { PipelineFilter } from './views/pipelineFilter';
import { PIPELINE_VIEW, registerPipelineView, type PipelineItem } from './views/pipelineView';
import { registerQuickFixes } from './editor/quickFixes';
import { registerRenewalLenses } from './editor/renewalLenses';
import { registerRenewalsView, RENEWALS_VIEW } from './views/renewalsView';
import { registerReportCommands } from './commands/reportCommands';

/** What `activate` returns; the integration tests use it to wait for the index. */
export interface HandoffApi {
  /** Settles when every folder is indexed and every pending refresh is done. */
  whenIdle(): Promise<void>;
  /** What the Pipeline view shows now, as plain data. */
  pipeline(): PipelineItem[];
  /** How many renewals the status bar counts as needing attention. */
  renewalsNeedingAttention(): number;
  /** The tree element a view shows for an account file: what VS Code passes to a command run from that row's menu. */
  treeElement(view: string, file: string): unknown;
  /** Pretends today is this day (undefined: the clock's day again), as if midnight had passed. */
  setToday(day: string | undefined): void;
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  // The core (problems, renewals, summaries, reports) speaks through @vscode/l10n: hand it the bundle
  // VS Code loaded for the display language. Without one (English) it keeps its own words.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const workspaces = new AccountWorkspaces(new IndexSnapshots(context.storageUri));
  const filter = new PipelineFilter();
  const calendar = new Calendar();
  context.subscriptions.push(workspaces, filter, calendar);
  const started = workspaces.start();
  const pipelineView = registerPipelineView(workspaces, filter, calendar);
  const renewalsView = registerRenewalsView(workspaces, calendar);
  const keyAccountsView = registerKeyAccountsView(workspaces);
  context.subscriptions.push(
    registerDiagnostics(workspaces, calendar),
    registerQuickFixes(workspaces),
    pipelineView,
    registerPipelineCommands(workspaces),
    registerFilterCommands(workspaces, filter),
    renewalsView,
    registerRenewalLenses(workspaces, calendar),
    registerCheckupCommand(workspaces, calendar),
    keyAccountsView,
    registerExpansionCommand(workspaces, calendar),
    registerReportCommands(workspaces, calendar),
    registerConfigCommand(workspaces),
    vscode.commands.registerCommand('handoff.refresh', () => workspaces.reload()),
    vscode.commands.registerCommand('handoff.openDocs', () =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md')),
    ),
  );
  return {
    whenIdle: async () => {
      await started;
      await workspaces.idle();
    },
    pipeline: () => pipelineView.items(),
    renewalsNeedingAttention: () => renewalsView.needingAttention(),
    treeElement: (view, file) => ({ [PIPELINE_VIEW]: pipelineView, [RENEWALS_VIEW]: renewalsView, [KEY_ACCOUNTS_VIEW]: keyAccountsView })[view]?.elementOf(file),
    setToday: (day) => calendar.pretend(day),
  };
}

export function deactivate(): void {}
