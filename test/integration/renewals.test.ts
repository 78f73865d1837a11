import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { activateHandoff, handoffDiagnostics, sampleText, slugOf, testAccounts, waitFor, type TestAccounts } from './helpers';

// Dates relative to the real today: the extension host has no --today.
const today = localToday();
const contractEnd = addDays(today, 70);
const deadline = addDays(today, 10);
const ACCOUNT = ['---', 'name: Lensa Logistik', 'stage: active', 'am: budi@example.com', 'arr: 75000', `contract_end: ${contractEnd}`, `last_contact: ${addDays(today, -45)}`, '---', '', '# Lensa Logistik', ''].join('\n');

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  // The command needs the document loaded in the workbench (it throws "Illegal argument" otherwise).
  await vscode.workspace.openTextDocument(uri);
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

const titles = (list: vscode.CodeLens[]) => list.map((lens) => lens.command?.title);

describe('Renewals', () => {
  let api: HandoffApi;
  /** Each test's own customer, Lensa Logistik: its renewal is critical and its last contact stale. */
  let own: TestAccounts;
  let uri: vscode.Uri;
  before(async () => {
    api = await activateHandoff();
  });
  beforeEach(async function () {
    own = await testAccounts(api, slugOf('renewals', this.currentTest?.title), { 'am/lensa-logistik.md': ACCOUNT });
    uri = own.uri('am/lensa-logistik.md');
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('puts the renewal lens with its actions above contract_end, and a stale-contact lens above last_contact', async () => {
    const found = await lenses(uri);
    assert.deepEqual(titles(found), [
      `$(warning) Notice deadline in 10 days (${deadline}) · contract ends ${contractEnd}`,
      'Start Renewal',
      'Log Check-up…',
      '$(clock) No contact for 45 days · Log Check-up…',
    ]);
    assert.deepEqual(found.slice(0, 3).map((lens) => lens.range.start.line), [5, 5, 5]);
    assert.equal(found[3].range.start.line, 6);
  });

  it('shows the renewal in the Problems panel as a warning, never an error', async () => {
    const diagnostics = await waitFor('the renewal diagnostics', () => handoffDiagnostics(uri).length === 2 && handoffDiagnostics(uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['renewal-critical', vscode.DiagnosticSeverity.Warning, 5],
        ['stale-contact', vscode.DiagnosticSeverity.Information, 6],
      ],
    );
  });

  it('offers Hand off to AM on a won deal', async () => {
    await own.write({ 'ae/fjord.md': sampleText('accounts/ae/emea/fjord-analytics.md', { from: 'Fjord Analytics', to: 'Fjord Lens' }) });
    const found = await lenses(own.uri('ae/fjord.md'));
    assert.deepEqual(titles(found), ['$(arrow-swap) Hand off to AM']);
    assert.equal(found[0].command?.command, 'handoff.handOff');
  });

  it('follows the settings without a reload', async () => {
    const settings = vscode.workspace.getConfiguration('handoff.codeLens');
    try {
      await settings.update('staleContact', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('the stale-contact lens to go', async () => (await lenses(uri)).length === 3);
      await settings.update('enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('every lens to go', async () => (await lenses(uri)).length === 0);
    } finally {
      await settings.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await settings.update('staleContact', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the lenses to return', async () => (await lenses(uri)).length === 4);
  });

  it('logs a check-up end to end: a dated entry and last_contact, then the stale lens goes', async () => {
    await vscode.commands.executeCommand('handoff.logCheckup', uri, 'QBR: happy, wants the analytics add-on', 9);
    const text = own.read('am/lensa-logistik.md');
    assert.equal(text, ACCOUNT.replace(/last_contact: .*/, `last_contact: ${today}`) + `\n## Check-ups\n\n- ${today} — QBR: happy, wants the analytics add-on (satisfaction 9/10)\n`);
    await waitFor('the stale-contact lens to go', async () => !titles(await lenses(uri)).some((t) => t?.includes('No contact')));
  });

  it('starts the renewal from the lens', async () => {
    const start = (await lenses(uri)).find((lens) => lens.command?.title === 'Start Renewal');
    assert.ok(start?.command);
    await vscode.commands.executeCommand(start.command.command, ...(start.command.arguments ?? []));
    assert.match(own.read('am/lensa-logistik.md'), /\nstage: renewal\n/);
    await waitFor('Start Renewal to disappear once in renewal', async () => !titles(await lenses(uri)).includes('Start Renewal'));
  });

  it('counts the renewals that need attention for the status bar', async () => {
    assert.ok(api.renewalsNeedingAttention() >= 1);
    const withLensa = api.renewalsNeedingAttention();
    await own.write({ 'am/lensa-two.md': ACCOUNT.replaceAll('Lensa Logistik', 'Lensa Dua') });
    assert.equal(api.renewalsNeedingAttention(), withLensa + 1, 'a second critical renewal counts');
  });
});
