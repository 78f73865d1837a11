// One "today" for the whole extension: views, lenses and the dates commands write all follow the
// Calendar, which rolls over at midnight (here pretended through the test API).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { activateHandoff, waitFor, workspaceUri } from './helpers';

const today = localToday();
const NAME = 'Tanjung Data Calendar';
const ACCOUNT = ['---', `name: ${NAME}`, 'stage: active', 'am: budi@example.com', 'arr: 30000', 'currency: USD', `contract_end: ${addDays(today, 70)}`, '---', '', `# ${NAME}`, ''].join('\n');

describe('One calendar', () => {
  let api: HandoffApi;
  const amFolder = workspaceUri('accounts', 'am', 'calendar-test');
  const aeFolder = workspaceUri('accounts', 'ae', 'calendar-test');
  const customer = vscode.Uri.joinPath(amFolder, 'tanjung-data.md');
  const description = () => api.pipeline().flatMap((g) => g.children).find((c) => c.label === NAME)?.description ?? '';

  before(async () => {
    api = await activateHandoff();
    fs.mkdirSync(amFolder.fsPath, { recursive: true });
    fs.writeFileSync(customer.fsPath, ACCOUNT);
    await waitFor('the new account in the index', () => description() !== '');
  });
  afterEach(() => api.setToday(undefined));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const folder of [amFolder, aeFolder]) fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it("keeps the Pipeline's 'renews in N d' true after midnight", async () => {
    assert.match(description(), /renews in 70 d/);
    api.setToday(addDays(today, 1));
    await waitFor('the Pipeline to count from the new day', () => /renews in 69 d/.test(description()));
    api.setToday(undefined);
    await waitFor('the Pipeline back on the real day', () => /renews in 70 d/.test(description()));
  });

  it('dates a hand-back with the same day the views count from', async () => {
    const day = addDays(today, 3);
    api.setToday(day);
    await vscode.commands.executeCommand('handoff.handBack', customer, 'dewi@example.com', 'budget moved to next year');
    const text = fs.readFileSync(vscode.Uri.joinPath(aeFolder, 'tanjung-data.md').fsPath, 'utf8');
    assert.match(text, new RegExp(`\\nhandback:\\n  date: ${day}\\n`));
    assert.match(text, new RegExp(`## Hand-back note — ${day}`));
  });
});
