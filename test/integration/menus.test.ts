// Every `view/item/context` and `editor/*` menu entry runs its command on the account it was invoked
// on — a row of the Pipeline, Renewals or Key Accounts view, or an editor's file — never on the
// account open in the active editor. Each test keeps another account active and checks it is untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { diskPath, testAccounts, type TestAccounts } from './helpers';
import { activateHandoff, waitFor, workspaceUri } from './workbench';

const PIPELINE = 'handoff.pipeline';
const RENEWALS = 'handoff.renewals';
const KEY_ACCOUNTS = 'handoff.keyAccounts';
const contractEnd = addDays(localToday(), 40);

const ae = (name: string, stage: string) => `---\nname: ${name}\nstage: ${stage}\nae: dewi@example.com\nregion: APAC\n---\n# ${name}\n`;
const am = (name: string) =>
  `---\nname: ${name}\nstage: active\nae: dewi@example.com\nam: budi@example.com\narr: 50000\ncurrency: USD\ncontract_end: ${contractEnd}\nlast_contact: 2026-01-05\nscores: { growth_potential: 10, strategic_fit: 10, relationship: 10, revenue: 10 }\n---\n# ${name}\n`;

describe('menus run on the account they were invoked on', () => {
  let api: HandoffApi;
  /** The running test's accounts, in folders of its own (helpers.ts): `ae/alpha.md` is `accounts/ae/<slug>/alpha.md`. */
  let own: TestAccounts;

  before(async () => {
    api = await activateHandoff();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** Opens `active` in the editor, runs the command, and checks the active account did not change. */
  async function withActive(active: string, run: () => Thenable<unknown>): Promise<unknown> {
    await vscode.window.showTextDocument(own.uri(active));
    const before = own.read(active);
    const result = await run();
    assert.equal(own.read(active), before, `the active editor's account ${active} was not touched`);
    return result;
  }

  const element = (view: string, name: string) => {
    const node = api.treeElement(view, own.file(name));
    assert.ok(node, `${view} shows ${name}`);
    return node;
  };
  const uri = (name: string) => own.uri(name);
  const read = (name: string) => own.read(name);
  const checkups = (name: string) => (read(name).match(/\(satisfaction \d+\/10\)/g) ?? []).length;
  const opportunity = { type: 'upsell', title: 'Menu upsell', value: 1000, stage: 'proposal', closeDate: '2027-06-30' };

  it('Pipeline › Move to Stage, and the editor menus', async () => {
    own = await testAccounts(api, 'menus-move', { 'ae/alpha.md': ae('Menu Alpha', 'closed_won'), 'ae/echo.md': ae('Menu Echo', 'demo') });
    await withActive('ae/alpha.md', () => vscode.commands.executeCommand('handoff.moveToStage', element(PIPELINE, 'ae/echo.md'), 'proposal'));
    assert.match(read('ae/echo.md'), /\nstage: proposal\n/);
    await withActive('ae/alpha.md', () => vscode.commands.executeCommand('handoff.moveToStage', uri('ae/echo.md'), 'negotiation'));
    assert.match(read('ae/echo.md'), /\nstage: negotiation\n/);
  });

  it('Pipeline › Hand Off to AM, and the editor menus', async () => {
    own = await testAccounts(api, 'menus-hand-off', {
      'ae/alpha.md': ae('Menu Alpha', 'closed_won'),
      'ae/bravo.md': ae('Menu Bravo', 'closed_won'),
      'ae/bravo-two.md': ae('Menu Bravo Two', 'closed_won'),
    });
    await withActive('ae/alpha.md', () => vscode.commands.executeCommand('handoff.handOff', element(PIPELINE, 'ae/bravo.md'), 'budi@example.com'));
    assert.match(read('am/bravo.md'), /\nstage: onboarding\n/);
    await withActive('ae/alpha.md', () => vscode.commands.executeCommand('handoff.handOff', uri('ae/bravo-two.md'), 'budi@example.com'));
    assert.match(read('am/bravo-two.md'), /\nstage: onboarding\n/);
  });

  it('Pipeline › Hand Back to AE, and the editor menus', async () => {
    own = await testAccounts(api, 'menus-hand-back', { 'am/charlie.md': am('Menu Charlie'), 'am/delta.md': am('Menu Delta'), 'am/delta-two.md': am('Menu Delta Two') });
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.handBack', element(PIPELINE, 'am/delta.md'), 'dewi@example.com', 'New deal'));
    assert.match(read('ae/delta.md'), /\nstage: negotiation\n/);
    assert.match(read('handoffs/delta.md'), /\nhandback:\n/);
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.handBack', uri('am/delta-two.md'), 'dewi@example.com', 'New deal'));
    assert.match(read('ae/delta-two.md'), /\nstage: negotiation\n/);
    assert.match(read('handoffs/delta-two.md'), /\nhandback:\n/);
  });

  it('Log Check-up… from a Renewals row, a Pipeline row and the editor menus', async () => {
    own = await testAccounts(api, 'menus-checkup', { 'am/charlie.md': am('Menu Charlie'), 'am/golf.md': am('Menu Golf') });
    const golf = 'am/golf.md';
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(RENEWALS, golf), 'Renewal call', 7));
    assert.equal(checkups(golf), 1);
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(PIPELINE, golf), 'QBR', 8));
    assert.equal(checkups(golf), 2);
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', uri(golf), 'Lunch', 9));
    assert.equal(checkups(golf), 3);
    assert.match(read(golf), new RegExp(`\\nlast_contact: ${localToday()}\\n`));
  });

  it('Add Upsell / Cross-sell… from a Pipeline row and the editor title, whose extra argument is not an opportunity', async () => {
    own = await testAccounts(api, 'menus-upsell', { 'am/charlie.md': am('Menu Charlie'), 'am/golf.md': am('Menu Golf') });
    const golf = 'am/golf.md';
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.addOpportunity', element(PIPELINE, golf), opportunity));
    assert.match(read(golf), /\nopportunities:\n {2}- type: upsell\n {4}title: Menu upsell\n/);
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.addOpportunity', uri(golf), opportunity));
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
    own = await testAccounts(api, 'menus-key-accounts', { 'am/charlie.md': am('Menu Charlie'), 'am/golf.md': am('Menu Golf') });
    const golf = 'am/golf.md';
    await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', element(KEY_ACCOUNTS, golf), 'Exec sponsor call', 9));
    assert.match(read(golf), /Exec sponsor call/);
    const result = await withActive('am/charlie.md', () => vscode.commands.executeCommand('handoff.logCheckup', { kind: 'group', folder: {} }, 'Nothing', 5));
    assert.equal(result, undefined);
  });

  it('refuses an account file that is a symbolic link, or holds bytes that are not UTF-8, changing nothing', async () => {
    own = await testAccounts(api, 'menus-refusals');
    const onDisk = (file: string) => diskPath(workspaceUri(...file.split('/')));
    const latin = own.path('ae/latin.md');
    const bytes = Buffer.concat([Buffer.from('---\nname: Latin\nstage: demo\n---\nR'), Buffer.from([0xe9]), Buffer.from('sum\n')]);
    fs.writeFileSync(latin, bytes);
    const link = own.path('ae/linked.md');
    const target = own.track('linked-target-menus-refusals.md');
    fs.writeFileSync(onDisk(target), ae('Linked', 'demo'));
    fs.symlinkSync(`../../../${target}`, link);
    await waitFor('the Latin-1 file in the index', () => api.treeElement(PIPELINE, own.file('ae/latin.md')));
    assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', uri('ae/latin.md'), 'proposal'), undefined);
    assert.deepEqual(fs.readFileSync(latin), bytes);
    assert.equal(await vscode.commands.executeCommand('handoff.moveToStage', uri('ae/linked.md'), 'proposal'), undefined);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(onDisk(target), 'utf8'), ae('Linked', 'demo'));
  });
});
