// Every `view/item/context` and `editor/*` menu entry runs its command on the account it was invoked
// on — a row of the Pipeline, Renewals or Key Accounts view, or an editor's file — never on the
// account open in the active editor. Each test keeps another account active and checks it is untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { activateHandoff, waitFor, workspaceUri } from './helpers';

const PIPELINE = 'handoff.pipeline';
const RENEWALS = 'handoff.renewals';
const KEY_ACCOUNTS = 'handoff.keyAccounts';
const contractEnd = addDays(localToday(), 40);

const ae = (name: string, stage: string) => `---\nname: ${name}\nstage: ${stage}\nae: dewi@example.com\nregion: APAC\n---\n# ${name}\n`;
const am = (name: string) =>
  `---\nname: ${name}\nstage: active\nae: dewi@example.com\nam: budi@example.com\narr: 50000\ncurrency: USD\ncontract_end: ${contractEnd}\nlast_contact: 2026-01-05\nscores: { growth_potential: 10, strategic_fit: 10, relationship: 10, revenue: 10 }\n---\n# ${name}\n`;

const FIXTURES: Record<string, string> = {
  'accounts/ae/menus/alpha.md': ae('Menu Alpha', 'closed_won'),
  'accounts/ae/menus/bravo.md': ae('Menu Bravo', 'closed_won'),
  'accounts/ae/menus/bravo-two.md': ae('Menu Bravo Two', 'closed_won'),
  'accounts/ae/menus/echo.md': ae('Menu Echo', 'demo'),
  'accounts/am/menus/charlie.md': am('Menu Charlie'),
  'accounts/am/menus/delta.md': am('Menu Delta'),
  'accounts/am/menus/delta-two.md': am('Menu Delta Two'),
  'accounts/am/menus/golf.md': am('Menu Golf'),
};

const onDisk = (file: string) => path.join(workspaceUri().fsPath, file);
const read = (file: string) => fs.readFileSync(onDisk(file), 'utf8');

describe('menus run on the account they were invoked on', () => {
  let api: HandoffApi;

  before(async () => {
    api = await activateHandoff();
    for (const [file, text] of Object.entries(FIXTURES)) {
      fs.mkdirSync(path.dirname(onDisk(file)), { recursive: true });
      fs.writeFileSync(onDisk(file), text);
    }
    await waitFor('the fixtures in every view', () => Object.keys(FIXTURES).every((file) => api.treeElement(PIPELINE, file)) && api.treeElement(RENEWALS, 'accounts/am/menus/golf.md') && api.treeElement(KEY_ACCOUNTS, 'accounts/am/menus/golf.md'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const folder of ['accounts/ae/menus', 'accounts/am/menus']) fs.rmSync(onDisk(folder), { recursive: true, force: true });
    await waitFor('the fixtures to leave the index', () => api.pipeline().flatMap((group) => group.children).length === 32);
  });

  /** Opens `active` in the editor, runs the command, and checks the active account did not change. */
  async function withActive(active: string, run: () => Thenable<unknown>): Promise<unknown> {
    await vscode.window.showTextDocument(vscode.Uri.file(onDisk(active)));
    const before = read(active);
    const result = await run();
    assert.equal(read(active), before, `the active editor's account ${active} was not touched`);
    return result;
  }

  const element = (view: string, file: string) => {
    const node = api.treeElement(view, file);
    assert.ok(node, `${view} shows ${file}`);
    return node;
  };
  const uri = (file: string) => vscode.Uri.file(onDisk(file));
  const checkups = (file: string) => (read(file).match(/\(satisfaction \d+\/10\)/g) ?? []).length;
  const opportunity = { type: 'upsell', title: 'Menu upsell', value: 1000, stage: 'proposal', closeDate: '2027-06-30' };

  it('Pipeline › Move to Stage, and the editor menus', async () => {
    await withActive('accounts/ae/menus/alpha.md', () => vscode.commands.executeCommand('handoff.moveToStage', element(PIPELINE, 'accounts/ae/menus/echo.md'), 'proposal'));
    assert.match(read('accounts/ae/menus/echo.md'), /\nstage: proposal\n/);
    await withActive('accounts/ae/menus/alpha.md', () => vscode.commands.executeCommand('handoff.moveToStage', uri('accounts/ae/menus/echo.md'), 'negotiation'));
    assert.match(read('accounts/ae/menus/echo.md'), /\nstage: negotiation\n/);
  });

  it('Pipeline › Hand Off to AM, and the editor menus', async () => {
    await withActive('accounts/ae/menus/alpha.md', () => vscode.commands.executeCommand('handoff.handOff', element(PIPELINE, 'accounts/ae/menus/bravo.md'), 'budi@example.com'));
    assert.match(read('accounts/am/menus/bravo.md'), /\nstage: onboarding\n/);
    await withActive('accounts/ae/menus/alpha.md', () => vscode.commands.executeCommand('handoff.handOff', uri('accounts/ae/menus/bravo-two.md'), 'budi@example.com'));
    assert.match(read('accounts/am/menus/bravo-two.md'), /\nstage: onboarding\n/);
  });

  it('Pipeline › Hand Back to AE, and the editor menus', async () => {
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.handBack', element(PIPELINE, 'accounts/am/menus/delta.md'), 'dewi@example.com', 'New deal'));
    assert.match(read('accounts/ae/menus/delta.md'), /\nhandback:\n/);
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.handBack', uri('accounts/am/menus/delta-two.md'), 'dewi@example.com', 'New deal'));
    assert.match(read('accounts/ae/menus/delta-two.md'), /\nhandback:\n/);
  });

  it('Log Check-up… from a Renewals row, a Pipeline row and the editor menus', async () => {
    const golf = 'accounts/am/menus/golf.md';
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(RENEWALS, golf), 'Renewal call', 7));
    assert.equal(checkups(golf), 1);
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(PIPELINE, golf), 'QBR', 8));
    assert.equal(checkups(golf), 2);
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', uri(golf), 'Lunch', 9));
    assert.equal(checkups(golf), 3);
    assert.match(read(golf), new RegExp(`\\nlast_contact: ${localToday()}\\n`));
  });

  it('Add Upsell / Cross-sell… from a Pipeline row and the editor title, whose extra argument is not an opportunity', async () => {
    const golf = 'accounts/am/menus/golf.md';
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.addOpportunity', element(PIPELINE, golf), opportunity));
    assert.match(read(golf), /\nopportunities:\n {2}- type: upsell\n {4}title: Menu upsell\n/);
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.addOpportunity', uri(golf), opportunity));
    assert.equal(read(golf).match(/title: Menu upsell/g)?.length, 2);
    // From the editor's title bar VS Code passes its editor context as the second argument: the command asks instead.
    const before = read(golf);
    const asked = vscode.commands.executeCommand('handoff.addOpportunity', uri(golf), { groupId: 1, editorIndex: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await asked, undefined);
    assert.equal(read(golf), before);
  });

  it('a Key Accounts row or a stage row is an argument too: an account, or a refusal — never the active editor', async () => {
    const golf = 'accounts/am/menus/golf.md';
    await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(KEY_ACCOUNTS, golf), 'Exec sponsor call', 9));
    assert.match(read(golf), /Exec sponsor call/);
    const result = await withActive('accounts/am/menus/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', { kind: 'group', folder: {} }, 'Nothing', 5));
    assert.equal(result, undefined);
  });

  it('refuses an account file that is a symbolic link, or holds bytes that are not UTF-8, changing nothing', async () => {
    const latin = 'accounts/ae/menus/latin.md';
    const bytes = Buffer.concat([Buffer.from('---\nname: Latin\nstage: demo\n---\nR'), Buffer.from([0xe9]), Buffer.from('sum\n')]);
    fs.writeFileSync(onDisk(latin), bytes);
    const link = 'accounts/ae/menus/linked.md';
    fs.writeFileSync(onDisk('linked-target.md'), ae('Linked', 'demo'));
    fs.symlinkSync('../../../linked-target.md', onDisk(link));
    await waitFor('the Latin-1 file in the index', () => api.treeElement(PIPELINE, latin));
    assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', uri(latin), 'proposal'), undefined);
    assert.deepEqual(fs.readFileSync(onDisk(latin)), bytes);
    assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', uri(link), 'proposal'), undefined);
    assert.ok(fs.lstatSync(onDisk(link)).isSymbolicLink());
    assert.equal(read('linked-target.md'), ae('Linked', 'demo'));
    fs.rmSync(onDisk('linked-target.md'));
  });
});
