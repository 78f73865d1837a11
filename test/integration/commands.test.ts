// Every command goes through one path (src/extension/commands/commandManager.ts): its account argument
// is read in one place — a row of a view or an account file's Uri — and what it throws is reported
// once: a refusal as one warning, anything else as an error with Show Log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { activateHandoff } from './workbench';
import { recordNotifications } from './notifications';

const deal = (name: string, stage: string) => `---\nname: ${name}\nstage: ${stage}\nae: dewi@example.com\nregion: APAC\n---\n# ${name}\n`;

describe('the one command path', () => {
  let api: HandoffApi;

  before(async () => {
    api = await activateHandoff();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it("runs on an account file's Uri (editor menus, CodeLens) and on a Pipeline row (its menu, a drag)", async () => {
    const own = await testAccounts(api, 'commands-uri-and-row', { 'ae/uri.md': deal('Command Uri', 'demo'), 'ae/row.md': deal('Command Row', 'demo') });
    const notifications = recordNotifications();
    try {
      await vscode.commands.executeCommand('handoff.moveToStage', own.uri('ae/uri.md'), 'proposal');
      assert.match(own.read('ae/uri.md'), /\nstage: proposal\n/);
      await vscode.commands.executeCommand('handoff.moveToStage', api.treeElement('handoff.pipeline', own.file('ae/row.md')), 'negotiation');
      assert.match(own.read('ae/row.md'), /\nstage: negotiation\n/);
      assert.deepEqual(notifications.shown, []);
    } finally {
      notifications.dispose();
    }
  });

  it('shows a refusal once, as a warning, and changes nothing', async () => {
    // Unsaved changes must stay unsaved: this browser host auto saves after 1 s by default.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const text = deal('Command Unsaved', 'demo');
    const own = await testAccounts(api, 'commands-refusal', { 'ae/unsaved.md': text });
    const file = own.file('ae/unsaved.md');
    const notifications = recordNotifications();
    try {
      const editor = await vscode.window.showTextDocument(own.uri('ae/unsaved.md'));
      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'unsaved\n'));
      assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', editor.document.uri, 'proposal'), undefined);
      assert.deepEqual(notifications.shown, [{ severity: 'warning', message: `Handoff: ${file} has unsaved changes; save it first`, buttons: [] }]);
      assert.equal(own.read('ae/unsaved.md'), text);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      notifications.dispose();
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses what is not an account row (a stage row), rather than guessing from its shape', async () => {
    const own = await testAccounts(api, 'commands-lookalike', { 'ae/row.md': deal('Command Row', 'negotiation') });
    const notifications = recordNotifications();
    try {
      const lookalike = { kind: 'account', folder: {}, account: { file: own.file('ae/row.md') } };
      assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', lookalike, 'demo'), undefined);
      assert.match(own.read('ae/row.md'), /\nstage: negotiation\n/);
      assert.deepEqual(notifications.shown.map((n) => [n.severity, n.message]), [['warning', 'Handoff: this command was run on something that is not an account Handoff knows']]);
    } finally {
      notifications.dispose();
    }
  });

  it('shows an error it did not expect as an error with Show Log, once', async () => {
    // Exporting the report somewhere no file system serves: the write fails, as on a read-only or vanished location.
    const notifications = recordNotifications();
    try {
      const target = vscode.Uri.from({ scheme: 'handoff-nowhere', path: '/report.csv' });
      assert.equal(await vscode.commands.executeCommand('handoff.exportReportCsv', '2026-Q4', target), undefined);
      assert.equal(notifications.shown.length, 1, JSON.stringify(notifications.shown));
      const [shown] = notifications.shown;
      assert.equal(shown.severity, 'error');
      assert.match(shown.message, /^Handoff: /);
      assert.deepEqual(shown.buttons, ['Show Log']);
    } finally {
      notifications.dispose();
    }
  });
});
