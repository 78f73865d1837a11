/**
 * The accounts whose notes (the Markdown body) hold the search text. The index keeps front-matter
 * only (bodies are 1–5 KB an account, more than the index itself), so the files are read when a
 * search starts, and a changed file again while the search is on.
 */
import * as vscode from 'vscode';
import type { Account } from '../../core/model/account';
import { bodyContains, searchNeedle } from '../../core/insight/bodySearch';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import { failureDetail } from '../workspace/failure';

const READS_AT_ONCE = 16;

export class NotesSearch implements vscode.Disposable {
  private needle = '';
  private found = new WeakSet<Account>();
  /** Bumped by each search: a scan of an earlier one stops and reports nothing. */
  private generation = 0;
  private readonly changes = new vscode.EventEmitter<void>();
  /** Fires when a scan found what it found (the views filter again). */
  readonly onDidChange = this.changes.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = workspaces.onDidChange((change) => {
      if (this.needle === '') return;
      const accounts = change.configChanged ? change.folder.store.accounts() : change.changed.flatMap((file) => change.folder.store.account(file) ?? []);
      if (accounts.length > 0) this.scan([{ folder: change.folder, accounts }]).catch((error) => this.log.error(`Searching notes failed: ${failureDetail(error)}`));
    });
  }

  /** Whether the account's notes hold the text of the last search (as read when the search ran or the file changed). */
  has(account: Account): boolean {
    return this.found.has(account);
  }

  /** Searches every account's notes; settles when every file was read. */
  async search(text: string): Promise<void> {
    this.needle = searchNeedle(text);
    this.found = new WeakSet();
    this.generation++;
    if (this.needle === '') return;
    const all = this.workspaces.all().map((folder) => ({ folder, accounts: folder.store.accounts() }));
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Searching notes…') }, () => this.scan(all));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }

  private async scan(jobs: { folder: AccountFolder; accounts: readonly Account[] }[]): Promise<void> {
    const { generation, needle } = this;
    const queue = jobs.flatMap(({ folder, accounts }) => accounts.map((account) => ({ folder, account })));
    let next = 0;
    let matched = false;
    const reader = async () => {
      while (next < queue.length && generation === this.generation) {
        const { folder, account } = queue[next++];
        let text: string | undefined;
        try {
          text = await folder.source.readText(account.file);
        } catch (error) {
          this.log.warn(`Searching the notes of ${account.file}: ${failureDetail(error)}`);
        }
        if (generation === this.generation && text !== undefined && bodyContains(text, needle)) {
          this.found.add(account);
          matched = true;
        }
      }
    };
    await Promise.all(Array.from({ length: READS_AT_ONCE }, reader));
    if (generation === this.generation && matched) this.changes.fire();
  }
}
