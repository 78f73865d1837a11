/**
 * Reports and reviews as read-only documents: a content provider on our own scheme, each document
 * titled by its path's last segment and shown in a locked Markdown preview (it stays on the report
 * when another editor becomes active). Nothing to save, so closing the preview asks nothing and
 * leaves no tab. A live document is rendered again when the index changes.
 */
import * as vscode from 'vscode';
import { visibleText } from '../../core/output/visibleText';

export const REPORT_SCHEME = 'handoff-report';

/** How long the index must be quiet before open reports are rendered again. */
const RERENDER_MS = 500;

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly renderers = new Map<string, { render: () => string | Promise<string>; live: boolean }>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  private timer: ReturnType<typeof setTimeout> | undefined;

  provideTextDocumentContent(uri: vscode.Uri): string | Promise<string> {
    const renderer = this.renderers.get(uri.toString());
    // After a reload the preview asks again for what this window no longer has.
    return renderer ? renderer.render() : vscode.l10n.t('This report is no longer open here. Run the command again to see it.');
  }

  /**
   * Shows `render()` as a read-only Markdown preview titled `title` (one line; a `/` in it is shown
   * as `∕`, so it stays one segment). `key` tells documents of the same title apart (another folder).
   */
  async show(title: string, render: () => string | Promise<string>, { live = false, key = '' } = {}): Promise<vscode.TextDocument> {
    const name = visibleText(title).replace(/\//g, '\u2215');
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md`, query: key });
    this.renderers.set(uri.toString(), { render, live });
    // A document of this name still open (its preview closed, or a review run again) shows the new content first.
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) await this.update(open, await render());
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
    return document;
  }

  /** Asks VS Code to read `document` again and waits until it holds `text` (a second at most). */
  private async update(document: vscode.TextDocument, text: string): Promise<void> {
    if (document.getText() === text) return;
    let listener: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const updated = new Promise<void>((resolve) => {
      listener = vscode.workspace.onDidChangeTextDocument((event) => event.document === document && document.getText() === text && resolve());
      timer = setTimeout(resolve, 1000);
    });
    this.changes.fire(document.uri);
    await updated;
    listener?.dispose();
    clearTimeout(timer);
  }

  /** The index changed: open live documents are rendered again once it is quiet. */
  indexChanged(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Only while a Markdown preview is open somewhere: a document whose preview was closed stays loaded a while.
      const previews = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview')));
      if (!previews) return;
      const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
      for (const [key, renderer] of this.renderers) if (renderer.live && open.has(key)) this.changes.fire(vscode.Uri.parse(key));
    }, RERENDER_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.registration.dispose();
    this.changes.dispose();
  }
}

/**
 * The link from a report to an account file, as the Markdown preview resolves it: a path beginning
 * with `/` is joined to the first workspace folder (a document of our scheme is in none), so a file
 * of another folder is reached by climbing out of the first one. Undefined when no path leads there
 * (another scheme or authority).
 */
export function accountHref(folder: vscode.Uri, file: string): string | undefined {
  const first = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!first || first.scheme !== folder.scheme || first.authority !== folder.authority) return undefined;
  if (first.path === folder.path) return `/${file}`;
  const depth = first.path.split('/').filter((segment) => segment !== '').length;
  return `/${'../'.repeat(depth)}${folder.path.replace(/^\/+|\/+$/g, '')}/${file}`;
}
