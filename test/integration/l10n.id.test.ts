// Runs only in a host started with --locale id (test/run.js): what an Indonesian sales team reads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { activateHandoff, handoffDiagnostics, pipelineGroup, waitFor } from './workbench';

const today = localToday();
const contractEnd = addDays(today, 70);
const deadline = addDays(today, 10);
const CUSTOMER = ['---', 'name: Lensa Logistik', 'stage: active', 'am: budi@example.com', 'arr: 75000', `contract_end: ${contractEnd}`, `last_contact: ${addDays(today, -45)}`, '---', '', '# Lensa Logistik', ''].join('\n');
/** `1 Des`: a day as the extension writes it in Bahasa Indonesia (this test bundle's own core keeps en-US). */
const dayInIndonesian = (day: string) => new Intl.DateTimeFormat('id', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const BROKEN = ['---', 'name: Kopi Kenangan', 'stage: negotiatoin', 'ae: dewi@example.com', '---', ''].join('\n');

describe('Handoff in Bahasa Indonesia', () => {
  let api: HandoffApi;
  before(async () => {
    assert.equal(vscode.env.language, 'id', 'the test host runs in Bahasa Indonesia');
    api = await activateHandoff();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reports problems in the Problems panel in Indonesian, with the quick fix', async () => {
    const broken = (await testAccounts(api, 'id-problems', { 'ae/kopi-kenangan.md': BROKEN })).uri('ae/kopi-kenangan.md');
    const [diagnostic] = await waitFor('a problem for the misspelt stage', () => handoffDiagnostics(broken).length > 0 && handoffDiagnostics(broken));
    assert.equal(diagnostic.message, "tahap 'negotiatoin' bukan tahap tim ini; maksud Anda 'negotiation'?");
    await vscode.workspace.openTextDocument(broken);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', broken, diagnostic.range);
    assert.ok(actions.some((action) => action.title === "Ubah tahap menjadi 'negotiation'"), actions.map((a) => a.title).join(', '));
  });

  it('writes the renewal lenses and their warning in Indonesian', async () => {
    const customer = (await testAccounts(api, 'id-renewals', { 'am/lensa-logistik.md': CUSTOMER })).uri('am/lensa-logistik.md');
    await vscode.workspace.openTextDocument(customer);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', customer)) ?? [];
    const titles = lenses.map((lens) => lens.command?.title);
    assert.equal(titles[0], `$(bell-dot) tenggat 10 hr lagi · ${dayInIndonesian(deadline)} — berakhir ${dayInIndonesian(contractEnd)}`);
    assert.ok(titles.includes('Mulai Perpanjangan'), titles.join(' | '));
    const renewal = await waitFor('the renewal warning', () => handoffDiagnostics(customer).find((d) => d.code === 'renewal-critical'));
    assert.equal(renewal.message, `Batas pemberitahuan dalam 10 hari (${deadline}) · kontrak berakhir ${contractEnd}`);
  });

  it('describes the pipeline in Indonesian', () => {
    const negotiation = pipelineGroup(api, 'negotiation');
    assert.equal(negotiation?.label, 'Negosiasi');
    assert.equal(negotiation?.description, '2 · USD 120\u00a0rb +1');
  });
});
