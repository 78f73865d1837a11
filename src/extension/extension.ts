/** Wires the extension: the index, then each feature as a disposable. Nothing else lives here. */
import * as vscode from 'vscode';
import { AccountWorkspaces } from './accountWorkspaces';
import { registerDiagnostics } from './diagnostics';
import { registerFilterCommands } from './filterCommands';
import { registerPipelineCommands } from './pipelineCommands';
import { PipelineFilter } from './pipelineFilter';
import { registerPipelineView, type PipelineItem } from './pipelineView';
import { registerQuickFixes } from './quickFixes';

/** What `activate` returns; the integration tests use it to wait for the index. */
export interface HandoffApi {
  /** Settles when every folder is indexed and every pending refresh is done. */
  whenIdle(): Promise<void>;
  /** What the Pipeline view shows now, as plain data. */
  pipeline(): PipelineItem[];
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  const workspaces = new AccountWorkspaces();
  const filter = new PipelineFilter();
  context.subscriptions.push(workspaces, filter);
  const started = workspaces.start();
  const pipelineView = registerPipelineView(workspaces, filter);
  context.subscriptions.push(
    registerDiagnostics(workspaces),
    registerQuickFixes(workspaces),
    pipelineView,
    registerPipelineCommands(workspaces),
    registerFilterCommands(workspaces, filter),
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
  };
}

export function deactivate(): void {}
