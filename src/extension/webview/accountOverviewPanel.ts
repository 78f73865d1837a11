/**
 * Handoff: Show Account Overview — one read-only page per account, in a webview panel. The page
 * comes from the core (`insight/accountOverview` → `output/overviewHtml`); this module keeps one
 * panel per account file, re-renders it when the index or the day changes, follows the file through
 * a handoff (the same name at the other role's path), and marks the page when the file is gone.
 *
 * Links back to the file are messages (`{ type: 'open', line }`), not command URIs: the page never
 * names a file or a command, so nothing written into an account can make it run one; the extension
 * opens only the panel's own file, and only while the index holds it.
 */
import * as vscode from 'vscode';
import { accountOverview, type AccountOverview } from '../../core/insight/accountOverview';
import { rankAccounts } from '../../core/insight/scoring';
import { isRecord } from '../../core/model/record';
import { overviewBody } from '../../core/output/overviewHtml';
import { resolveAccount } from '../commands/commandArgs';
import type { CommandManager } from '../commands/commandManager';
import type { AccountRef } from '../workspace/accountRef';
import type { AccountFolder, AccountWorkspaces, FolderChange } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { failureDetail } from '../workspace/failure';
import { webviewHtml, webviewOptions } from './webviewPage';

export const OVERVIEW_VIEW_TYPE = 'handoff.accountOverview';

interface OverviewPanel {
  folder: AccountFolder;
  file: string;
  panel: vscode.WebviewPanel;
  /** The last page shown, kept for when the file is gone. */
  shown?: AccountOverview;
  removed: boolean;
  /** Counts renders: one that finishes after a newer one began shows nothing. */
  renders: number;
}

export class AccountOverviews implements vscode.Disposable {
  private readonly panels = new Set<OverviewPanel>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly calendar: Calendar,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    commands: CommandManager,
  ) {
    this.disposables = [
      workspaces.onDidChange((change) => this.changed(change)),
      calendar.onDidChangeDay(() => this.renderAll()),
      commands.register('handoff.showAccountOverview', async (arg?: unknown) => {
        const ref = await resolveAccount(workspaces, arg, undefined, vscode.l10n.t('Show the overview of which account?'));
        if (ref) await this.show(ref);
      }),
    ];
  }

  /** Opens the account's page, or brings its open page to the front. */
  async show(ref: AccountRef): Promise<void> {
    const open = [...this.panels].find((entry) => entry.folder === ref.folder && entry.file === ref.account.file);
    if (open) {
      open.panel.reveal();
      return this.render(open);
    }
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, this.title(ref.account.name), vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    const entry: OverviewPanel = { folder: ref.folder, file: ref.account.file, panel, removed: false, renders: 0 };
    this.panels.add(entry);
    panel.onDidDispose(() => this.panels.delete(entry));
    panel.webview.onDidReceiveMessage((message: unknown) => this.open(entry, message).catch((error: unknown) => this.log.error(`Account Overview: ${failureDetail(error)}`)));
    await this.render(entry);
  }

  /** The HTML of the page open for a workspace-relative file (the test API). */
  html(file: string): string | undefined {
    return [...this.panels].find((entry) => entry.file === file)?.panel.webview.html;
  }

  dispose(): void {
    for (const entry of this.panels) entry.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private title(name: string): string {
    return vscode.l10n.t('Overview: {0}', name);
  }

  private changed(change: FolderChange): void {
    // The old path's removal and the new path's arrival may come in one change or in two.
    for (const entry of this.panels) {
      if (entry.folder === change.folder && !entry.folder.store.account(entry.file)) this.follow(entry, change.changed);
    }
    this.renderAll();
  }

  /** A handoff or hand-back moves the file to the other role's folder under the same file name: the page follows it. */
  private follow(entry: OverviewPanel, changed: readonly string[]): void {
    const base = entry.file.slice(entry.file.lastIndexOf('/') + 1);
    const name = entry.shown?.name;
    const moved = changed.find((file) => file.endsWith(`/${base}`) && entry.folder.store.account(file)?.name === name);
    if (moved) entry.file = moved;
  }

  private renderAll(): void {
    for (const entry of this.panels) this.render(entry).catch((error: unknown) => this.log.error(`Account Overview: ${failureDetail(error)}`));
  }

  private async render(entry: OverviewPanel): Promise<void> {
    const render = ++entry.renders;
    const { folder, file } = entry;
    const account = this.workspaces.all().includes(folder) ? folder.store.account(file) : undefined;
    if (!account) {
      if (!entry.shown) return;
      entry.removed = true;
      entry.panel.title = this.title(entry.shown.name);
      entry.panel.webview.html = this.page(entry.panel, entry.shown, true);
      return;
    }
    entry.removed = false;
    const config = folder.store.config;
    const text = await this.textOf(folder, file);
    // A change while the text was read has begun a newer render (from its own event): leave the page to it.
    if (render !== entry.renders || !this.panels.has(entry)) return;
    const ranked = rankAccounts(folder.store.accounts(), config).find((scored) => scored.account.file === file);
    entry.shown = accountOverview({ account, config, today: this.calendar.today, text, rank: ranked && { rank: ranked.rank, key: ranked.key } });
    entry.panel.title = this.title(account.name);
    entry.panel.webview.html = this.page(entry.panel, entry.shown, false);
  }

  private page(panel: vscode.WebviewPanel, overview: AccountOverview, removed: boolean): string {
    return webviewHtml(panel.webview, this.extensionUri, {
      title: this.title(overview.name),
      body: overviewBody(overview, { removed }),
      styles: ['page.css'],
      scripts: removed ? [] : ['overview.js'],
    });
  }

  /** The editor's text when the file is open (unsaved check-ups show too), else the file's. */
  private async textOf(folder: AccountFolder, file: string): Promise<string | undefined> {
    const uri = vscode.Uri.joinPath(folder.workspaceFolder.uri, file);
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    return document ? document.getText() : folder.source.readText(file);
  }

  /** The page asks to open its account's file at a line: only that file, only while the index holds it, only a line it has. */
  private async open(entry: OverviewPanel, message: unknown): Promise<void> {
    if (!isRecord(message) || message.type !== 'open' || typeof message.line !== 'number' || !Number.isInteger(message.line) || message.line < 0) {
      this.log.warn('Account Overview: ignored a message that is not { type: "open", line }');
      return;
    }
    if (entry.removed || !entry.folder.store.account(entry.file)) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(entry.folder.workspaceFolder.uri, entry.file));
    const position = new vscode.Position(Math.min(message.line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
  }
}
