// One "today" for the whole extension: views, lenses and the dates commands write all follow the
// Calendar, which rolls over at midnight (here pretended through the test API).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts, type TestAccounts } from './helpers';
import { activateHandoff, pipelineAccounts, slugOf, waitFor } from './workbench';

const today = localToday();
const NAME = 'Tanjung Data Calendar';
const ACCOUNT = ['---', `name: ${NAME}`, 'stage: active', 'am: budi@example.com', 'arr: 30000', 'currency: USD', `contract_end: ${addDays(today, 70)}`, '---', '', `# ${NAME}`, ''].join('\n');

describe('One calendar', () => {
  let api: HandoffApi;
  /** Each test's own customer, renewing in 70 days. */
  let own: TestAccounts;
  const description = () => pipelineAccounts(api).find((c) => c.file === own.file('am/tanjung-data.md'))?.description ?? '';

  before(async () => {
    api = await activateHandoff();
  });
  beforeEach(async function () {
    own = await testAccounts(api, slugOf('calendar', this.currentTest?.title), { 'am/tanjung-data.md': ACCOUNT });
  });
  afterEach(async () => {
    api.setToday(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
    await vscode.commands.executeCommand('handoff.handBack', own.uri('am/tanjung-data.md'), 'dewi@example.com', 'budget moved to next year');
    assert.match(own.read('ae/tanjung-data.md'), /\nstage: negotiation\n/);
    const text = own.read('handoffs/tanjung-data.md');
    assert.match(text, new RegExp(`\\nhandback:\\n  date: ${day}\\n`));
    assert.match(text, new RegExp(`## Hand-back note — ${day}`));
  });
});
