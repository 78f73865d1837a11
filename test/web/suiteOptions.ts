// What test/run.js and the web bench tell a suite in the web worker host, which has no environment
// variables: options.json, written beside the suite's bundle (test/host/webExtension.js).
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../integration/workbench';

export interface SuiteOptions {
  /** Where on the server's disk to write the results (the workspace's URI with this path). */
  results: string;
  grep?: string;
}

export async function suiteOptions(): Promise<SuiteOptions> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  const file = vscode.Uri.joinPath(extension.extensionUri, 'out', 'test', 'web', 'options.json');
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as SuiteOptions;
}

/** Writes `results` where the options say, on the server's disk next to the workspace. */
export async function writeResults(options: SuiteOptions, results: object): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspace) throw new Error('the host opened no folder');
  await vscode.workspace.fs.writeFile(workspace.with({ path: options.results }), new TextEncoder().encode(JSON.stringify(results)));
}
