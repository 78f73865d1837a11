import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { waitFor, workspaceUri } from './workbench';

/** Where a workspace URI lies on disk: its path, for the virtual suite's provider serves that folder on disk. */
export function diskPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

// --- Accounts of a test's own ---------------------------------------------------------------------

/** The text of an account of the sample workspace (which no test changes), to copy under another name. */
export function sampleText(file: string, renamed?: { from: string; to: string }): string {
  const text = fs.readFileSync(diskPath(workspaceUri(...file.split('/'))), 'utf8');
  return renamed ? text.replaceAll(renamed.from, renamed.to) : text;
}

/** Shared by every test file's bundle (each bundles its own copy of this module): what the running test made. */
const made: { accounts: TestAccounts[] } = ((globalThis as Record<symbol, unknown>)[Symbol.for('handoff.integration.testAccounts')] ??= { accounts: [] }) as { accounts: TestAccounts[] };

/**
 * A test's own account folders, `accounts/ae/<slug>/` and `accounts/am/<slug>/` (a handoff moves a file
 * from one to the other), in the workspace copy the suite runs on. Files are named by role and path
 * inside them: `ae/deal.md` is `accounts/ae/<slug>/deal.md`.
 */
export class TestAccounts {
  private readonly extra = new Set<string>();

  constructor(
    private readonly api: HandoffApi,
    readonly slug: string,
  ) {}

  /** The workspace-relative path of `ae/<path>` or `am/<path>`, or of a handoff note, `handoffs/<path>`. */
  file(name: string): string {
    const [role, ...rest] = name.split('/');
    assert.ok((role === 'ae' || role === 'am' || role === 'handoffs') && rest.length > 0, `a test account is named ae/<path> or am/<path> (its note handoffs/<path>), not ${name}`);
    return ['accounts', role, this.slug, ...rest].join('/');
  }

  uri(name: string): vscode.Uri {
    return workspaceUri(...this.file(name).split('/'));
  }

  /** Where the file lies on disk. */
  path(name: string): string {
    return diskPath(this.uri(name));
  }

  read(name: string): string {
    return fs.readFileSync(this.path(name), 'utf8');
  }

  /** Writes the files (through workspace.fs, so the virtual suite's provider sees them) and waits until the index holds every one. */
  async write(files: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(files)) {
      await createFolder(this.file(name).split('/').slice(0, -1));
      await vscode.workspace.fs.writeFile(this.uri(name), new TextEncoder().encode(text));
    }
    const written = Object.keys(files).map((name) => this.file(name));
    await waitFor(`the index to hold ${written.join(', ')}`, () => {
      const indexed = new Set(this.api.indexedFiles());
      return written.every((file) => indexed.has(file));
    });
  }

  /** Something else the test makes (a workspace-relative path: a file a command creates, a `.git` folder), removed with the accounts. */
  track(path: string): string {
    this.extra.add(path);
    return path;
  }

  /** Closes editors on the test's files, deletes them, and waits until the index holds none of them. */
  async remove(): Promise<void> {
    const folders = (['ae', 'am', 'handoffs'] as const).map((role) => `accounts/${role}/${this.slug}`);
    const paths = [...folders, ...this.extra];
    const ours = (uri: vscode.Uri) => paths.some((p) => uri.toString() === workspaceUri(...p.split('/')).toString() || uri.toString().startsWith(`${workspaceUri(...p.split('/'))}/`));
    // Unsaved text would ask to be saved, or be auto saved back after the delete.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && ours(d.uri))) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && ours(tab.input.uri));
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
    for (const p of paths) {
      const uri = workspaceUri(...p.split('/'));
      // lstat, not workspace.fs.stat: a dangling symbolic link is still there to delete.
      if (fs.existsSync(diskPath(uri)) || isLink(diskPath(uri))) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
    }
    await waitFor(`the index to let go of ${paths.join(', ')}`, () => !this.api.indexedFiles().some((file) => paths.some((p) => file === p || file.startsWith(`${p}/`))));
  }
}

/**
 * Creates a workspace folder one level at a time, giving the file watcher a moment after each level
 * before it creates another inside it. A folder made inside one the watcher has not seen yet goes
 * unwatched for good with code-server's watcher on Linux (parcel's inotify backend), so changes to
 * files in it never arrive; `mkdir -p` (and workspace.fs's own) makes every level at once.
 */
async function createFolder(segments: string[]): Promise<void> {
  for (let depth = 1; depth <= segments.length; depth++) {
    const uri = workspaceUri(...segments.slice(0, depth));
    if (fs.existsSync(diskPath(uri))) continue;
    await vscode.workspace.fs.createDirectory(uri);
    if (depth < segments.length) await new Promise((resolve) => setTimeout(resolve, WATCH_SETTLE_MS));
  }
}

const WATCH_SETTLE_MS = 250;

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Accounts for the running test, in folders of its own (`slug`, unique in the suite), written and
 * indexed before this returns: `await testAccounts(api, 'move-to-stage', { 'ae/deal.md': text })`.
 * They are removed after the test, pass or fail (index.ts runs `removeTestAccounts` after each), so
 * every test starts from the sample as it is, and any one can run alone (`--grep`). Call it in the
 * test or in a `beforeEach`, not in a `before`: they would be gone after the first test.
 */
export async function testAccounts(api: HandoffApi, slug: string, files: Record<string, string> = {}): Promise<TestAccounts> {
  assert.match(slug, /^[a-z0-9][a-z0-9-]*$/, 'a slug is a folder name: lower case, digits and dashes');
  const accounts = new TestAccounts(api, slug);
  for (const role of ['ae', 'am', 'handoffs']) assert.equal(fs.existsSync(diskPath(workspaceUri('accounts', role, slug))), false, `accounts/${role}/${slug} is left from an earlier test, or another test uses the slug`);
  made.accounts.push(accounts);
  // Both role folders and the notes', so a handoff or a hand-back moves a file (and writes its note) into a folder that exists, as in a team's repository.
  for (const role of ['ae', 'am', 'handoffs']) await createFolder(['accounts', role, slug]);
  await accounts.write(files);
  return accounts;
}

/** Removes what every `testAccounts` of the test that just ran made. */
export async function removeTestAccounts(): Promise<void> {
  const accounts = made.accounts.splice(0);
  for (const account of accounts) await account.remove();
}
