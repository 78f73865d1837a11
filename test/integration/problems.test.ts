import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { accountText, activateHandoff, allHandoffDiagnostics, handoffDiagnostics, waitFor, workspaceUri } from './workbench';

/** An account beside the one a test breaks, so that one is written into a folder that exists, as in a real workspace. */
const NEIGHBOUR = accountText({ name: 'Neighbour', stage: 'demo', ae: 'dewi@example.com' });
const BROKEN = ['---', 'name: Kopi Kenangan', 'stage: negotiatoin   # typo', 'ae: dewi@example.com', 'arr: 50000', '---', '', '# Kopi Kenangan', ''].join('\n');

describe('Problems panel', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });

  it('indexes the sample workspace without reporting errors', () => {
    const errors = allHandoffDiagnostics().filter(([, diagnostics]) => diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(errors.map(([uri]) => uri.path), []);
  });

  it('reports a file broken on disk at the right line, and clears it when the file is fixed', async () => {
    // Written with Node, as git or another program would: the watcher, not VS Code, sees it.
    const own = await testAccounts(api, 'problems-on-disk', { 'ae/neighbour.md': NEIGHBOUR });
    const uri = own.uri('ae/kopi-kenangan.md');
    fs.writeFileSync(uri.fsPath, BROKEN);
    const [diagnostic] = await waitFor('a problem for the new file', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.equal(diagnostic.range.start.line, 2);
    assert.equal(diagnostic.range.start.character, 7);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'\?/);

    fs.writeFileSync(uri.fsPath, BROKEN.replace('negotiatoin', 'negotiation'));
    await waitFor('the problem to clear', () => handoffDiagnostics(uri).length === 0);
    fs.writeFileSync(uri.fsPath, BROKEN);
    await waitFor('the problem to return', () => handoffDiagnostics(uri).length === 1);
    fs.unlinkSync(uri.fsPath);
    await waitFor('the deleted file to leave the Problems panel', () => handoffDiagnostics(uri).length === 0);
  });

  it('follows a renamed file: its problems move with it', async () => {
    const own = await testAccounts(api, 'problems-rename', { 'ae/apac/renamed-from.md': BROKEN, 'ae/emea/neighbour.md': NEIGHBOUR });
    const from = own.uri('ae/apac/renamed-from.md');
    const to = own.uri('ae/emea/renamed-to.md');
    await waitFor('a problem before the rename', () => handoffDiagnostics(from).length === 1);
    await vscode.workspace.fs.rename(from, to);
    await waitFor('the problem to move', () => handoffDiagnostics(from).length === 0 && handoffDiagnostics(to).length === 1);
    await vscode.workspace.fs.delete(to);
    await waitFor('the problem to go with the file', () => handoffDiagnostics(to).length === 0);
  });

  it('offers the closest stage as a quick fix that repairs the file', async () => {
    const own = await testAccounts(api, 'problems-quick-fix', { 'ae/quick-fix.md': BROKEN.replace('negotiatoin', '"qualifcation"') });
    const uri = own.uri('ae/quick-fix.md');
    const [diagnostic] = await waitFor('the misspelt stage', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    const document = await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((action) => action.title === "Change stage to 'qualification'");
    assert.ok(fix?.edit, `no quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(2).text, 'stage: "qualification"   # typo');
    await waitFor('the fix to clear the problem before saving', () => handoffDiagnostics(uri).length === 0);
    await document.save();
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), BROKEN.replace('negotiatoin', '"qualification"'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('follows unsaved edits in the editor', async () => {
    const own = await testAccounts(api, 'problems-unsaved', { 'am/globex.md': accountText({ name: 'Globex Unsaved', stage: 'active', am: 'budi@example.com', health: 8, arr: 40000, contract_end: '2027-12-31' }) });
    const uri = own.uri('am/globex.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('health:'));
    await editor.edit((edit) => edit.replace(document.lineAt(line).range, 'health: 11'));
    const [diagnostic] = await waitFor('the out-of-range health', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.equal(diagnostic.range.start.line, line);
    assert.match(diagnostic.message, /'health' must be a score from 1 to 10/);
    await vscode.commands.executeCommand('undo');
    await waitFor('the problem to clear after undo', () => handoffDiagnostics(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports a broken .handoff.yml and keeps working on the defaults', async () => {
    const uri = workspaceUri('.handoff.yml');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    try {
      fs.writeFileSync(uri.fsPath, 'root: accounts\nrenewal:\n  notice_days: soon\n');
      const [diagnostic] = await waitFor('a problem in .handoff.yml', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
      assert.equal(diagnostic.range.start.line, 2);
      assert.match(diagnostic.message, /notice_days/);
      const errors = allHandoffDiagnostics().filter(([, diagnostics]) => diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
      assert.deepEqual(errors.map(([u]) => u.path), [uri.path], 'accounts stay valid under the defaults');
    } finally {
      fs.writeFileSync(uri.fsPath, original);
    }
    await waitFor('the configuration problem to clear', () => handoffDiagnostics(uri).length === 0);
  });

  it('reindexes on command', async () => {
    const own = await testAccounts(api, 'problems-reindex', { 'am/neighbour.md': NEIGHBOUR.replace('stage: demo', 'stage: active') });
    const uri = own.uri('am/no-front-matter.md');
    fs.writeFileSync(uri.fsPath, '# Just notes\n');
    await vscode.commands.executeCommand('handoff.refresh');
    const [diagnostic] = await waitFor('the file without front-matter', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.match(diagnostic.message, /no front-matter/);
    // A create and a delete close together may reach no watcher at all; the command re-reads regardless.
    fs.unlinkSync(uri.fsPath);
    await vscode.commands.executeCommand('handoff.refresh');
    assert.deepEqual(handoffDiagnostics(uri), []);
  });

  it('asks for the handoff note: handoff-note-empty on the note naming its empty items, a lens on the account that opens it, both gone once it is filled in', async () => {
    const own = await testAccounts(api, 'problems-note-gate', { 'ae/lintas.md': accountText({ name: 'Lintas Note', stage: 'closed_won', ae: 'dewi@example.com', arr: 20000 }) });
    await vscode.commands.executeCommand('handoff.handOff', own.uri('ae/lintas.md'), 'budi@example.com', { contractStart: '2027-01-01', contractEnd: '2027-12-31' });
    const note = own.uri('handoffs/lintas.md');
    const [problem] = await waitFor('handoff-note-empty on the note', () => handoffDiagnostics(note).length > 0 && handoffDiagnostics(note));
    assert.equal(problem.code, 'handoff-note-empty');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(problem.message, /6 empty items: Stakeholders, Why they bought, Success criteria, Promises made, Risks, Technical environment/);
    assert.match(vscode.window.activeTextEditor?.document.lineAt(problem.range.start.line).text ?? '', /Stakeholders/, 'the note opens at the first empty item');
    const lensTitles = async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', own.uri('am/lintas.md'))) ?? []).map((lens) => lens.command?.title ?? '');
    const fill = (await lensTitles()).find((title) => /Fill in the handoff note \(6 empty\)/.test(title));
    assert.ok(fill, 'a lens asks for the note');

    await vscode.window.showTextDocument(own.uri('am/lintas.md'));
    await vscode.commands.executeCommand('handoff.openNote', own.uri('am/lintas.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), note.toString(), 'Open Handoff Note opens the note');

    // Filled in as the AE would: typed in the editor, then saved.
    const editor = vscode.window.activeTextEditor!;
    const filled = editor.document.getText().replace(/^(- \*\*[^*]+:\*\*).*$/gm, '$1 Done.');
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), filled));
    await editor.document.save();
    await waitFor('the problem to clear once every item is filled in', () => handoffDiagnostics(note).length === 0);
    await waitFor('the lens to offer the note, no longer ask for it', async () => (await lensTitles()).some((title) => /Handoff note$/.test(title)));
  });
});
