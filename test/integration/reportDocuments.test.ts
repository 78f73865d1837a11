// Reports and reviews as people read them: read-only documents with a title in a locked preview,
// nothing to save, account names that open their files; Compare with Branch outside git, in words;
// the CSV exported outside the repository, confirmed in the status bar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { accountText, activateHandoff, waitFor, workspaceUri } from './workbench';
import { recordNotifications } from './notifications';

const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/** The links of a Markdown document as VS Code's Markdown extension resolves them, the ones a preview follows. */
async function linksOf(document: vscode.TextDocument): Promise<{ text: string; target: string }[]> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 1000);
  return links.map((link) => {
    const line = document.lineAt(link.range.start.line).text;
    const text = /\[((?:\\.|[^\]\\])*)\]\($/.exec(line.slice(0, link.range.start.character))?.[1] ?? '';
    return { text, target: link.target?.toString() ?? '' }; // VS Code's own encoding of the URI
  });
}

describe('Reports and reviews as read-only documents', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });
  beforeEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the report as a read-only document with a title in a locked preview, which closes without asking and leaves no tab', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.openReport', '2026-Q4');
    assert.equal(document.uri.scheme, 'handoff-report');
    assert.equal(path.posix.basename(document.uri.path), 'Report 2026-Q4.md');
    assert.equal(document.isUntitled, false);
    assert.equal(document.isDirty, false);
    assert.match(document.getText(), /^# Pipeline report 2026-Q4\n/);
    const preview = await waitFor('the preview tab', () => tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('Report 2026-Q4')));
    assert.deepEqual(tabs().map((tab) => tab.label), [preview.label], 'the preview alone: no text editor, no Untitled-1');
    assert.equal(await vscode.window.tabGroups.close(preview), true);
    assert.deepEqual(tabs().map((tab) => tab.label), []);
  });

  it('links account names in the report to their files, whatever the name and file name hold', async () => {
    const own = await testAccounts(api, 'report-links', { 'ae/deal (1) #x.md': accountText({ name: '"Linked [Deal] | *one*"', stage: 'negotiation', ae: 'dewi@example.com', arr: 50000, currency: 'USD', close_date: '2026-12-15' }) });
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.openReport', '2026-Q4');
    const links = await linksOf(document);
    const ours = links.filter((link) => link.text.includes('Linked'));
    assert.ok(ours.length > 0, JSON.stringify(links));
    for (const link of ours) assert.equal(link.target, own.uri('ae/deal (1) #x.md').toString());
    // Every account name links to a file that exists.
    assert.ok(links.length > 10, `${links.length} links`);
    for (const link of links) assert.ok(fs.existsSync(vscode.Uri.parse(link.target).fsPath), link.target);
  });

  it('says in words that Compare with Branch needs a git repository', async () => {
    assert.equal(fs.existsSync(path.join(workspaceUri().fsPath, '.git')), false, 'the test workspace is in no repository');
    const notifications = recordNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('handoff.compareWithBranch'), undefined);
      assert.equal(await vscode.commands.executeCommand('handoff.compareWithBranch', 'main'), undefined);
      const messages = notifications.shown.map((shown) => [shown.severity, shown.message]);
      const said = ['warning', 'Handoff: this folder is not in a git repository, so there is no branch to compare with. Compare with Branch works in a folder cloned or created with git.'];
      assert.deepEqual(messages, [said, said]);
    } finally {
      notifications.dispose();
    }
  });

  it('suggests exporting the CSV outside the workspace, then where the last one went, and confirms in the status bar', async () => {
    const window = vscode.window as unknown as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    const suggested: (vscode.Uri | undefined)[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-csv-'));
    const target = vscode.Uri.file(path.join(folder, 'q4.csv'));
    window.showSaveDialog = async (options) => {
      suggested.push(options?.defaultUri);
      return suggested.length === 1 ? target : undefined;
    };
    const notifications = recordNotifications();
    try {
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('handoff.exportReportCsv', '2026-Q4'))?.toString(), target.toString());
      assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^section,account,/);
      assert.equal(await vscode.commands.executeCommand('handoff.exportReportCsv', '2026-Q4'), undefined);
      assert.deepEqual(suggested.map((uri) => uri?.fsPath), [path.join(os.homedir(), 'handoff-report-2026-Q4.csv'), path.join(folder, 'handoff-report-2026-Q4.csv')]);
      assert.ok(!suggested[0]!.fsPath.startsWith(workspaceUri().fsPath + path.sep), 'not in the workspace');
      assert.deepEqual(notifications.shown, [], 'no notification for an export that went well');
    } finally {
      window.showSaveDialog = original;
      notifications.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
