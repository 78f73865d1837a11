/** Wires the extension: the index, then each feature as a disposable. Nothing else lives here. */
import * as vscode from 'vscode';
import { AccountWorkspaces } from './accountWorkspaces';
import { registerDiagnostics } from './diagnostics';
import { registerQuickFixes } from './quickFixes';

/** What `activate` returns; the integration tests use it to wait for the index. */
export interface HandoffApi {
  /** Settles when every folder is indexed and every pending refresh is done. */
  whenIdle(): Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  const workspaces = new AccountWorkspaces();
  context.subscriptions.push(workspaces);
  const started = workspaces.start();
  context.subscriptions.push(
    registerDiagnostics(workspaces),
    registerQuickFixes(workspaces),
    vscode.commands.registerCommand('handoff.refresh', () => workspaces.reload()),
  );
  return {
    whenIdle: async () => {
      await started;
      await workspaces.idle();
    },
  };
}

export function deactivate(): void {}
