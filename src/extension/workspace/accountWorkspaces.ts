/**
 * One account store per workspace folder (multi-root), kept current from the file-system watcher
 * (saves, git checkout, pull) and from editors' unsaved text as people type.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/model/teamConfig';
import { AccountStore, type StoreChange } from '../../core/index/store';
import type { IndexSnapshots } from './indexSnapshots';
import type { Platform } from '../platform';
import { WorkspaceFileSource } from './workspaceFileSource';
import { failureDetail } from './failure';

export interface FolderChange extends StoreChange {
  folder: AccountFolder;
}

export interface AccountFolder {
  readonly workspaceFolder: vscode.WorkspaceFolder;
  readonly store: AccountStore;
  readonly source: WorkspaceFileSource;
}

/**
 * The outcome of indexing a folder: when it opens, on Reindex, and on its own after a change in a
 * folder whose index had failed (`automatic`). `error` when it failed: the folder then holds what it
 * held before (nothing, on a first index) until an index succeeds.
 */
export interface FolderIndexed {
  folder: AccountFolder;
  error?: unknown;
  automatic: boolean;
}

const WATCH_DELAY_MS = 50;
const TYPING_DELAY_MS = 150;

export class AccountWorkspaces implements vscode.Disposable {
  private readonly folders = new Map<string, AccountFolder & { disposables: vscode.Disposable[] }>();
  private readonly changes = new vscode.EventEmitter<FolderChange>();
  private readonly indexed = new vscode.EventEmitter<FolderIndexed>();
  private readonly failures = new Map<AccountFolder, unknown>();
  private readonly disposables: vscode.Disposable[] = [this.changes, this.indexed];
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  readonly onDidChange = this.changes.event;
  /** Fires after each folder is indexed, or fails to be: when it opens and on every reload. */
  readonly onDidIndex = this.indexed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly platform: Pick<Platform, 'bulkReader'>,
    private readonly snapshots?: IndexSnapshots,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        event.removed.forEach((folder) => this.removeFolder(folder));
        event.added.forEach((folder) => this.addFolder(folder).catch((error) => this.log.error(`Adding the folder ${folder.name} failed: ${failureDetail(error)}`)));
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.scheduleTyping(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.reread(document.uri)),
    );
  }

  /** Indexes every folder of the workspace; settles when all are loaded. */
  async start(): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Handoff: indexing accounts') }, () =>
      Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.addFolder(folder))),
    );
  }

  all(): AccountFolder[] {
    return [...this.folders.values()];
  }

  /** The folder and workspace-relative path of a URI, when it lies in an indexed folder. */
  locate(uri: vscode.Uri): { folder: AccountFolder; file: string } | undefined {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
    const folder = workspaceFolder && this.folders.get(workspaceFolder.uri.toString());
    const file = folder?.source.relativePath(uri);
    return folder && file !== undefined ? { folder, file } : undefined;
  }

  /** The folders whose last index failed, with what it failed on. */
  failed(): { folder: AccountFolder; error: unknown }[] {
    return [...this.failures].map(([folder, error]) => ({ folder, error }));
  }

  /** Re-reads every folder from disk; a folder that fails is reported through `onDidIndex`, not thrown. */
  async reload(): Promise<void> {
    await Promise.all(this.all().map((folder) => this.index(folder)));
    this.applyOpenEditors();
  }

  /** Settles once every folder has processed what it was asked to. */
  async idle(): Promise<void> {
    await Promise.all(this.all().map((folder) => folder.store.idle()));
  }

  dispose(): void {
    for (const folder of this.folders.values()) this.disposeFolder(folder);
    this.folders.clear();
    this.typing.forEach((timer) => clearTimeout(timer));
    this.disposables.forEach((d) => d.dispose());
  }

  private async addFolder(workspaceFolder: vscode.WorkspaceFolder): Promise<void> {
    const key = workspaceFolder.uri.toString();
    if (this.folders.has(key)) return;
    const source = new WorkspaceFileSource(workspaceFolder.uri);
    const store = new AccountStore(source, { bulkRead: this.platform.bulkReader(workspaceFolder.uri), keepStamps: this.snapshots !== undefined });
    const folder = { workspaceFolder, store, source, disposables: [] as vscode.Disposable[] };
    this.folders.set(key, folder);
    folder.disposables.push(store.onDidChange((change) => this.changes.fire({ ...change, folder })), this.watch(folder));
    await this.index(folder, await this.snapshots?.read(workspaceFolder.uri));
    if (this.snapshots) folder.disposables.push(this.snapshots.keep(workspaceFolder.uri, store.onDidChange, () => store.snapshot()));
    this.applyOpenEditors();
  }

  /** Loads a folder's index (from a snapshot when there is one), logs how it went, and tells `onDidIndex`. */
  private async index(folder: AccountFolder, snapshot?: string, automatic = false): Promise<void> {
    const name = folder.workspaceFolder.name;
    const started = Date.now();
    try {
      await folder.store.load(snapshot);
    } catch (error) {
      this.log.error(`Indexing ${name} failed after ${Date.now() - started} ms: ${failureDetail(error)}`);
      this.failures.set(folder, error);
      if (this.folders.has(folder.workspaceFolder.uri.toString())) this.indexed.fire({ folder, error, automatic });
      return;
    }
    this.log.info(`Indexed ${name}: ${folder.store.size} account files in ${Date.now() - started} ms${snapshot ? ' (with a snapshot)' : ''}`);
    this.failures.delete(folder);
    if (this.folders.has(folder.workspaceFolder.uri.toString())) this.indexed.fire({ folder, automatic });
  }

  /** Watches account files and the team configuration; events are batched so a checkout is one refresh. */
  private watch(folder: AccountFolder): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.workspaceFolder, `{**/*.md,${CONFIG_FILE}}`));
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEvent = (uri: vscode.Uri) => {
      const file = folder.source.relativePath(uri);
      if (file === undefined) return;
      pending.add(file);
      timer ??= setTimeout(() => {
        timer = undefined;
        const files = [...pending];
        pending.clear();
        // A folder whose index failed is indexed again on any change in it: the change may be the fix.
        const reindex = this.failures.has(folder);
        (reindex ? this.index(folder, undefined, true) : folder.store.refresh(files))
          .then(() => this.applyOpenEditors(reindex ? undefined : files))
          .catch((error) => this.log.error(`Refreshing ${files.length} changed paths in ${folder.workspaceFolder.name} failed: ${failureDetail(error)}`));
      }, WATCH_DELAY_MS);
    };
    // A folder deleted, moved or checked out is one event for the folder, not one per account in it.
    const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.workspaceFolder, '**'), false, true, false);
    const subscriptions = [watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent), folders.onDidCreate(onEvent), folders.onDidDelete(onEvent)];
    return new vscode.Disposable(() => {
      if (timer) clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      watcher.dispose();
      folders.dispose();
    });
  }

  private scheduleTyping(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.typing.get(key));
    this.typing.set(
      key,
      setTimeout(() => {
        this.typing.delete(key);
        const located = this.locate(document.uri);
        if (located && !document.isClosed) located.folder.store.updateText(located.file, document.getText());
      }, TYPING_DELAY_MS),
    );
  }

  /** Unsaved editor text wins over the disk until it is saved or discarded. */
  private applyOpenEditors(files?: readonly string[]): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      const located = this.locate(document.uri);
      if (located && (!files || files.includes(located.file))) located.folder.store.updateText(located.file, document.getText());
    }
  }

  private reread(uri: vscode.Uri): void {
    const located = this.locate(uri);
    if (located) located.folder.store.refresh([located.file]).catch((error) => this.log.error(`Re-reading ${located.file} after its editor closed failed: ${failureDetail(error)}`));
  }

  private removeFolder(workspaceFolder: vscode.WorkspaceFolder): void {
    const folder = this.folders.get(workspaceFolder.uri.toString());
    if (!folder) return;
    this.folders.delete(workspaceFolder.uri.toString());
    this.failures.delete(folder);
    this.changes.fire({ folder, changed: [], removed: [...folder.store.allRecords()].map((r) => r.file), configChanged: true });
    this.disposeFolder(folder);
  }

  private disposeFolder(folder: AccountFolder & { disposables: vscode.Disposable[] }): void {
    folder.disposables.forEach((d) => d.dispose());
    folder.store.dispose();
  }
}
