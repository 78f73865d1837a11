import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'handoff.handoff';

export async function activateHandoff(): Promise<HandoffApi> {
  const extension = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
  const api = await extension.activate();
  await api.whenIdle();
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opened no folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls until `probe` returns a value other than undefined/false, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function handoffDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Handoff');
}

export function allHandoffDiagnostics(): [vscode.Uri, vscode.Diagnostic[]][] {
  return vscode.languages
    .getDiagnostics()
    .map(([uri, diagnostics]) => [uri, diagnostics.filter((d) => d.source === 'Handoff')] as [vscode.Uri, vscode.Diagnostic[]])
    .filter(([, diagnostics]) => diagnostics.length > 0);
}
