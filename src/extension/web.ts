/**
 * The manifest's `browser`: VS Code in the browser (vscode.dev, github.dev; a web worker extension
 * host). No Node: every file goes through `workspace.fs`, one by one on this thread; no git, so
 * Compare with Branch says why it is not there; no home folder to suggest a CSV in.
 */
import type * as vscode from 'vscode';
import { activateOn, type HandoffApi } from './extension';
import type { Platform } from './platform';

const web: Platform = {
  entry: 'browser',
  bulkReader: () => undefined,
  git: undefined,
  homeFolder: undefined,
};

export function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  return activateOn(web, context);
}

export function deactivate(): void {}
