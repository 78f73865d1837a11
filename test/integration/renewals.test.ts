import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import { formatDay } from '../../src/core/model/displayLocale';
import type { HandoffApi } from '../../src/extension/extension';
import { sampleText, testAccounts, type TestAccounts } from './helpers';
import { accountText, activateHandoff, handoffDiagnostics, slugOf, waitFor } from './workbench';

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

/** Every row of the Renewals view, with the label of its bucket. */
const renewalRows = (api: HandoffApi) => api.renewals().flatMap((bucket) => bucket.rows.map((row) => ({ bucket: bucket.label, ...row })));

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
      `$(bell-dot) notice in 10 d · ${formatDay(deadline)} — ends ${formatDay(contractEnd)}`,
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

  it('stops counting a renewal in the status bar once it is in the renewal stage, and marks its row; an overdue one still counts', async () => {
    const before = api.renewalsNeedingAttention();
    await vscode.commands.executeCommand('handoff.moveToStage', uri, 'renewal');
    await waitFor('the status bar to stop counting Lensa', () => api.renewalsNeedingAttention() === before - 1);
    const row = renewalRows(api).find((r) => r.file === own.file('am/lensa-logistik.md'));
    assert.equal(row?.bucket, 'Critical', 'still listed where it was');
    assert.match(row?.description ?? '', / · in renewal$/);
    await own.write({ 'am/lensa-ended.md': ACCOUNT.replaceAll('Lensa Logistik', 'Lensa Ended').replace('stage: active', 'stage: renewal').replace(/contract_end: .*/, `contract_end: ${addDays(today, -3)}`) });
    await waitFor('an overdue renewal to count even in the renewal stage', () => api.renewalsNeedingAttention() === before);
  });

  it('leads each renewal row with the actionable date, most urgent first in each bucket, each bucket with its own icon and colour', async () => {
    const customer = (name: string, fields: Record<string, unknown>) => accountText({ name, stage: 'active', am: 'budi@example.com', arr: 75000, ...fields });
    await own.write({
      'am/sooner-notice.md': customer('Sooner Notice', { contract_end: addDays(today, 100), notice_days: 95 }),
      'am/notice-passed.md': customer('Notice Passed', { contract_end: addDays(today, 48) }),
      'am/ended.md': customer('Ended Lately', { contract_end: addDays(today, -3) }),
      'am/auto.md': customer('Renews Itself', { contract_end: addDays(today, 38), auto_renew: true }),
    });
    const rows = await waitFor('the new rows', () => {
      const all = renewalRows(api).filter((r) => r.file.startsWith(own.file('am/')));
      return all.length === 5 && all;
    });
    const row = (name: string) => rows.find((r) => r.file === own.file(`am/${name}.md`));
    assert.equal(row('lensa-logistik')?.description, `notice in 10 d · ${formatDay(deadline)} — ends ${formatDay(contractEnd)} · 75K`);
    assert.equal(row('sooner-notice')?.description, `notice in 5 d · ${formatDay(addDays(today, 5))} — ends ${formatDay(addDays(today, 100))} · 75K`);
    assert.equal(row('notice-passed')?.description, `passed 12 d ago — ends ${formatDay(addDays(today, 48))} · 75K`);
    assert.equal(row('ended')?.description, 'ended 3 d ago · 75K');
    assert.equal(row('auto')?.description, `auto-renews ${formatDay(addDays(today, 38))} · 75K`);
    assert.deepEqual([row('ended')?.bucket, row('notice-passed')?.bucket, row('auto')?.bucket], ['Overdue', 'Notice passed', 'Later']);
    const critical = api.renewals().find((b) => b.label === 'Critical')!.rows.map((r) => r.file);
    assert.ok(critical.indexOf(own.file('am/sooner-notice.md')) < critical.indexOf(own.file('am/lensa-logistik.md')), 'the sooner notice deadline first, though its contract ends later');
    const looks = api.renewals().map((b) => `${b.icon}/${b.color ?? ''}`);
    assert.equal(new Set(looks).size, looks.length, `each bucket looks its own: ${looks.join(', ')}`);
  });

  it('warns of a next step and a close date a few days ahead', async () => {
    await own.write({ 'ae/deal.md': accountText({ name: 'Lensa Deal', stage: 'proposal', ae: 'dewi@example.com', next_step: 'Send the proposal', next_step_date: addDays(today, 2), close_date: addDays(today, 3) }) });
    const found = await lenses(own.uri('ae/deal.md'));
    assert.deepEqual(titles(found), [`$(bell) next step in 2 d · ${formatDay(addDays(today, 2))}: Send the proposal`, `$(bell) close date in 3 d · ${formatDay(addDays(today, 3))}`]);
    assert.deepEqual(found.map((lens) => lens.command?.arguments?.[1]), ['next_step_date', 'close_date']);
  });

  it('tells in the Problems panel of a customer without contract_end', async () => {
    await own.write({ 'am/untracked.md': accountText({ name: 'Lensa Untracked', stage: 'active', am: 'budi@example.com' }) });
    const [diagnostic] = await waitFor('the missing contract_end', () => handoffDiagnostics(own.uri('am/untracked.md')).length > 0 && handoffDiagnostics(own.uri('am/untracked.md')));
    assert.deepEqual([diagnostic.code, diagnostic.severity, diagnostic.range.start.line], ['missing-contract-end', vscode.DiagnosticSeverity.Information, 2]);
  });

  it('offers to set health to the check-up satisfaction, in the same undoable edit', async () => {
    await own.write({ 'am/lensa-health.md': ACCOUNT.replaceAll('Lensa Logistik', 'Lensa Health').replace('arr: 75000', 'arr: 75000\nhealth: 3') });
    const healthUri = own.uri('am/lensa-health.md');
    const original = own.read('am/lensa-health.md');
    const editor = await vscode.window.showTextDocument(healthUri);
    await vscode.commands.executeCommand('handoff.logCheckup', healthUri, 'QBR: fine, price worries', 6, true);
    const text = own.read('am/lensa-health.md');
    assert.match(text, /\nhealth: 6\n/);
    assert.match(text, new RegExp(`\\nlast_contact: ${today}\\n`));
    assert.match(text, /\(satisfaction 6\/10\)\n$/);
    assert.equal(editor.document.getText(), text);
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to take back the whole check-up', () => editor.document.getText() === original);
    await editor.document.save();
    await vscode.commands.executeCommand('handoff.logCheckup', healthUri, 'Checked in', 8, false);
    assert.match(own.read('am/lensa-health.md'), /\nhealth: 3\n/, 'declined: health stays');
  });

  it('counts the renewals that need attention for the status bar', async () => {
    assert.ok(api.renewalsNeedingAttention() >= 1);
    const withLensa = api.renewalsNeedingAttention();
    await own.write({ 'am/lensa-two.md': ACCOUNT.replaceAll('Lensa Logistik', 'Lensa Dua') });
    assert.equal(api.renewalsNeedingAttention(), withLensa + 1, 'a second critical renewal counts');
  });
});
