// What the integration suites and the web suite (test/web) share: the extension's test API, the
// workspace, waiting, and reading the views and the Problems panel. No Node here, so the web suite,
// which runs in a browser's web worker, bundles it too; helpers.ts adds what needs Node's file system.
import * as vscode from 'vscode';
import { setDisplayLocale } from '../../src/core/model/displayLocale';
import type { HandoffApi } from '../../src/extension/extension';
import type { PipelineItem } from '../../src/extension/views/pipelineView';

// Each test file is its own bundle with its own copy of the core, and each imports this module: its
// days and numbers (the expected texts tests compute) are written as the extension writes them, in
// VS Code's display language.
setDisplayLocale(vscode.env.language);

export const EXTENSION_ID = 'handoff.handoff';

export async function activateHandoff(): Promise<HandoffApi> {
  const extension = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in the extension host`);
  const api = await extension.activate();
  await api.whenIdle();
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test host opened no folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls until `probe` returns a value other than undefined/false, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
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

// --- Finding rows of the Pipeline view by name or file, never by position -------------------------

/** The Pipeline group (a stage, owner or region) of `key`: the stage id, the owner or the region, as the files say it. */
export function pipelineGroup(api: HandoffApi, key: string): PipelineItem | undefined {
  return api.pipeline().find((group) => group.key === key);
}

/** Every account row the Pipeline view shows. */
export function pipelineAccounts(api: HandoffApi): PipelineItem[] {
  return api.pipeline().flatMap((group) => group.children);
}

/** The key (stage id, owner or region) of the Pipeline group that shows the account of `file` (workspace-relative), if one does. */
export function groupOf(api: HandoffApi, file: string): string | undefined {
  return api.pipeline().find((group) => group.children.some((item) => item.file === file))?.key;
}

/** Front-matter and a body: `accountText({ name: 'Acme', stage: 'demo', scores: { fit: 3 } })`. Objects are written as flow maps, arrays as flow lists. */
export function accountText(fields: Record<string, unknown>, body?: string): string {
  const value = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(value).join(', ')}]` : v !== null && typeof v === 'object' ? `{ ${Object.entries(v).map(([k, x]) => `${k}: ${value(x)}`).join(', ')} }` : String(v);
  const name = typeof fields.name === 'string' ? fields.name : 'Account';
  return ['---', ...Object.entries(fields).map(([key, v]) => `${key}: ${value(v)}`), '---', '', body ?? `# ${name}\n`].join('\n');
}

/** A slug for `testAccounts` made of a prefix and a test's title: `slugOf('renewals', this.currentTest?.title)` in a `beforeEach(function () {…})`. */
export function slugOf(prefix: string, title = ''): string {
  return [prefix, title].join(' ').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

/** How a suite names a failed test in its results (test/run.js repeats them above its closing line): its full title and the error's first line. */
export function failureLine(test: { fullTitle(): string }, error: unknown): string {
  return `${test.fullTitle()}: ${String((error as Error | undefined)?.message ?? error).split('\n')[0]}`;
}
