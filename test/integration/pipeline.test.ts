import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { activateHandoff, waitFor, workspaceUri } from './helpers';

describe('Pipeline', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('handoff.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const stageCounts = () => api.pipeline().map((group) => `${group.label}:${group.children.length}`);

  it('shows every stage of the sample in pipeline order with its accounts and totals', () => {
    assert.deepEqual(stageCounts(), [
      'prospecting:2', 'qualification:3', 'demo:3', 'proposal:2', 'negotiation:2', 'closed_won:2', 'closed_lost:2',
      'onboarding:2', 'active:7', 'at_risk:2', 'renewal:3', 'churned:2',
    ]);
    const negotiation = api.pipeline()[4];
    assert.equal(negotiation.description, '2 · USD 84K + EUR 76K weighted');
    assert.equal(negotiation.contextValue, 'stage.ae');
    const acme = negotiation.children.find((item) => item.label === 'Acme Corp');
    assert.equal(acme?.contextValue, 'account.ae');
    assert.equal(acme?.description, 'dewi · USD 120K · closes 2026-12-15');
    assert.equal(api.pipeline()[5].children[0].contextValue, 'account.ae.won');
  });

  it('narrows to a filter and clears in one command', async () => {
    await vscode.commands.executeCommand('handoff.filterByRegion', 'EMEA');
    await vscode.commands.executeCommand('handoff.filterByTag', 'logistics');
    const shown = api.pipeline().flatMap((group) => group.children.map((item) => item.label));
    assert.deepEqual(shown, ['Helvetia Logistics', 'Baltic Freight', 'Kraken Shipping']);
    await vscode.commands.executeCommand('handoff.clearFilter');
    assert.equal(api.pipeline().flatMap((group) => group.children).length, 32);
  });

  it('groups by owner', async () => {
    await vscode.commands.executeCommand('handoff.groupBy', 'owner');
    assert.deepEqual(api.pipeline().map((g) => g.label), ['budi@example.com', 'dewi@example.com', 'lena@example.com', 'rizky@example.com', 'sofia@example.com', 'tom@example.com']);
    await vscode.commands.executeCommand('handoff.groupBy', 'stage');
  });

  it('Move to Stage changes the stage line alone, and the tree follows', async () => {
    const uri = workspaceUri('accounts', 'ae', 'emea', 'baltic-freight.md');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    await vscode.commands.executeCommand('handoff.moveToStage', uri, 'proposal');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), before.replace('\nstage: demo\n', '\nstage: proposal\n'));
    await waitFor('the tree to show the move', () => stageCounts()[3] === 'proposal:3' && stageCounts()[2] === 'demo:2');
  });

  it('hands a won deal off as one rename that one undo restores', async () => {
    const from = workspaceUri('accounts', 'ae', 'apac', 'tokopintar.md');
    const to = workspaceUri('accounts', 'am', 'apac', 'tokopintar.md');
    const before = fs.readFileSync(from.fsPath, 'utf8');
    const result = await vscode.commands.executeCommand<vscode.Uri>('handoff.handOff', from, 'budi@example.com');
    assert.equal(result?.toString(), to.toString());
    assert.equal(fs.existsSync(from.fsPath), false);
    const after = fs.readFileSync(to.fsPath, 'utf8');
    assert.match(after, /\nstage: onboarding\nae: rizky@example.com\nam: budi@example.com\n/);
    assert.match(after, /\nhandoff:\n  date: \d{4}-\d\d-\d\d\n  from: rizky@example.com\n  to: budi@example.com\n---\n/);
    assert.match(after, /## Handoff note — /);
    await waitFor('the account under onboarding', () => api.pipeline()[7].children.some((item) => item.label === 'TokoPintar'));

    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), to.toString(), 'the handed-off file is open at its note');
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to move the file back', () => fs.existsSync(from.fsPath) && !fs.existsSync(to.fsPath));
    const restored = vscode.workspace.textDocuments.find((d) => d.uri.toString() === from.toString());
    assert.equal(restored?.getText(), before);
    // The restored text is unsaved. Auto save (afterDelay in a browser) may be saving it already, and then
    // save() returns before that write lands.
    await restored?.save();
    await waitFor('the restored text on disk', () => fs.readFileSync(from.fsPath, 'utf8') === before);
  });

  it('hands off a deal open in an editor without auto save writing the AE file back', async () => {
    // In a browser (vscode.dev, github.dev, code-server: this host) files.autoSave is afterDelay, 1 s,
    // by default, and participants (other extensions', a busy extension host) can hold a rename longer
    // than that. Had the AE file unsaved changes while it moved, auto save (or the save prompt of its
    // closing editor) could write it back beside the AM file.
    const fjord = workspaceUri('accounts', 'ae', 'emea', 'fjord-analytics.md');
    const from = workspaceUri('accounts', 'ae', 'emea', 'nordlicht-data.md');
    const to = workspaceUri('accounts', 'am', 'emea', 'nordlicht-data.md');
    fs.writeFileSync(from.fsPath, fs.readFileSync(fjord.fsPath, 'utf8').replaceAll('Fjord Analytics', 'Nordlicht Data'));
    await waitFor('the new won deal', () => api.pipeline()[5].children.some((item) => item.label === 'Nordlicht Data'));
    await vscode.window.showTextDocument(from);
    const savesOfFrom: string[] = [];
    const watch = vscode.Disposable.from(
      vscode.workspace.onWillRenameFiles((event) => event.waitUntil(new Promise<void>((resolve) => setTimeout(resolve, 1_500)))),
      vscode.workspace.onWillSaveTextDocument((event) => {
        if (event.document.uri.toString() === from.toString()) savesOfFrom.push(`reason ${event.reason}`);
      }),
    );
    try {
      const result = await vscode.commands.executeCommand<vscode.Uri>('handoff.handOff', from, 'sofia@example.com');
      assert.equal(result?.toString(), to.toString());
      for (const deadline = Date.now() + 3_000; Date.now() < deadline; ) {
        assert.equal(fs.existsSync(from.fsPath), false, 'the AE file came back after the handoff');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(savesOfFrom, [], 'VS Code saved the AE file during the handoff');
      assert.match(fs.readFileSync(to.fsPath, 'utf8'), /\nstage: onboarding\nae: lena@example.com\nam: sofia@example.com\n/);
      assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.path), []);
    } finally {
      watch.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(from.fsPath, { force: true });
      fs.rmSync(to.fsPath, { force: true });
      await waitFor('the deal to leave the Pipeline', () => !api.pipeline().some((group) => group.children.some((item) => item.label === 'Nordlicht Data')));
    }
  });

  it('refuses a handoff onto an existing file and changes nothing', async () => {
    const from = workspaceUri('accounts', 'ae', 'emea', 'fjord-analytics.md');
    const to = workspaceUri('accounts', 'am', 'emea', 'fjord-analytics.md');
    const before = fs.readFileSync(from.fsPath, 'utf8');
    fs.writeFileSync(to.fsPath, 'not yours\n');
    try {
      assert.equal(await vscode.commands.executeCommand('handoff.handOff', from, 'sofia@example.com'), undefined);
      assert.equal(fs.readFileSync(from.fsPath, 'utf8'), before);
      assert.equal(fs.readFileSync(to.fsPath, 'utf8'), 'not yours\n');
    } finally {
      fs.unlinkSync(to.fsPath);
    }
  });

  it('refuses to edit a file with unsaved changes', async () => {
    // Unsaved changes must stay unsaved for the test to mean anything: this browser host auto saves
    // after 1 s by default, which a busy machine can reach between the edit and the command.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const uri = workspaceUri('accounts', 'ae', 'apac', 'garuda-fintech.md');
      const before = fs.readFileSync(uri.fsPath, 'utf8');
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'unsaved\n'));
      assert.ok(editor.document.isDirty);
      assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', uri, 'proposal'), undefined);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), before);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    }
  });

  it('creates a new account with a safe file name, and refuses a second with the same name', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('handoff.newAccount', 'PT Maju Jaya (Tbk.)');
    assert.equal(uri?.toString(), workspaceUri('accounts', 'ae', 'pt-maju-jaya-tbk.md').toString());
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^---\nname: PT Maju Jaya \(Tbk\.\)\nstage: prospecting\n---\n/);
    await waitFor('the new account in prospecting', () => api.pipeline()[0].children.some((item) => item.label === 'PT Maju Jaya (Tbk.)'));
    assert.equal(await vscode.commands.executeCommand('handoff.newAccount', 'PT Maju Jaya (Tbk.)'), undefined);
  });
});
