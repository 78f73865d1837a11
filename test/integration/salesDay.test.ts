// A salesperson's day: my accounts in every view, a word of the notes, writes shown where one looks,
// a stage picker that moves forward, and a handoff that asks for the contract's dates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts } from './helpers';
import { accountText, activateHandoff, pipelineAccounts, waitFor } from './workbench';

const RENEWALS = 'handoff.renewals';
const KEY_ACCOUNTS = 'handoff.keyAccounts';
const TOP_SCORES = { growth_potential: 10, strategic_fit: 10, relationship: 10, revenue: 10 };

/** A customer of `am`, renewing, scored at the top so the Key Accounts view shows it. */
const customer = (name: string, am: string) => accountText({ name, stage: 'active', ae: 'dewi@example.com', am, arr: 50000, currency: 'USD', contract_end: '2027-01-31', scores: TOP_SCORES });

type Window = Record<string, unknown>;

/** Replaces a `vscode.window` function for the length of a test (the extension shares this API object). */
function replace(name: string, stand: unknown): vscode.Disposable {
  const window = vscode.window as unknown as Window;
  const original = window[name];
  window[name] = stand;
  return new vscode.Disposable(() => {
    window[name] = original;
  });
}

/**
 * Answers every quick pick the extension makes with `createQuickPick`, as a person would: once shown,
 * `answer` looks at it and says what is picked (an item, or the typed text when none), then Enter.
 */
function answerQuickPicks(answer: (quickPick: vscode.QuickPick<vscode.QuickPickItem>) => { item?: vscode.QuickPickItem; typed?: string }): vscode.Disposable {
  const original = vscode.window.createQuickPick;
  return replace('createQuickPick', () => {
    const quickPick = original.call(vscode.window);
    const accept: (() => unknown)[] = [];
    const onDidAccept = quickPick.onDidAccept;
    const show = quickPick.show.bind(quickPick);
    Object.defineProperty(quickPick, 'onDidAccept', { value: (listener: () => unknown) => (accept.push(listener), onDidAccept(listener)) });
    Object.defineProperty(quickPick, 'show', {
      value: () => {
        show();
        setTimeout(() => {
          const { item, typed } = answer(quickPick);
          Object.defineProperty(quickPick, 'selectedItems', { value: item ? [item] : [] });
          if (typed !== undefined) quickPick.value = typed;
          for (const listener of accept) listener();
        }, 100);
      },
    });
    return quickPick;
  });
}

describe("A salesperson's day", () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('handoff.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('filters Renewals and Key Accounts with the Pipeline', async () => {
    const own = await testAccounts(api, 'day-filter-views', { 'am/mine.md': customer('Day Mine', 'day-me@example.com'), 'am/theirs.md': customer('Day Theirs', 'day-other@example.com') });
    for (const view of [RENEWALS, KEY_ACCOUNTS]) assert.ok(api.treeElement(view, own.file('am/theirs.md')), `${view} shows every account before a filter`);
    await vscode.commands.executeCommand('handoff.filterByOwner', 'day-me@example.com');
    for (const view of [RENEWALS, KEY_ACCOUNTS]) {
      assert.ok(api.treeElement(view, own.file('am/mine.md')), `${view} shows the owner's account`);
      assert.equal(api.treeElement(view, own.file('am/theirs.md')), undefined, `${view} hides another owner's account`);
    }
  });

  it('shows My Accounts of handoff.me in one click', async () => {
    const own = await testAccounts(api, 'day-my-accounts', { 'am/mine.md': customer('Day My Customer', 'day-me@example.com'), 'ae/deal.md': accountText({ name: 'Day My Deal', stage: 'demo', ae: 'day-me@example.com' }), 'am/theirs.md': customer('Day Not Mine', 'day-other@example.com') });
    const settings = vscode.workspace.getConfiguration('handoff');
    await settings.update('me', 'day-me@example.com', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('handoff.filterMine');
      assert.deepEqual(pipelineAccounts(api).map((item) => item.label).sort(), ['Day My Customer', 'Day My Deal']);
      assert.ok(api.treeElement(RENEWALS, own.file('am/mine.md')));
      assert.equal(api.treeElement(RENEWALS, own.file('am/theirs.md')), undefined);
    } finally {
      await settings.update('me', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('finds a word that only the notes hold', async () => {
    await testAccounts(api, 'day-search-notes', {
      'ae/sso.md': accountText({ name: 'Day Notes', stage: 'demo', ae: 'dewi@example.com' }, '# Day Notes\n\nThey need Zebra-SSO with\nOkta before the pilot.\n'),
      'ae/other.md': accountText({ name: 'Day Other', stage: 'demo', ae: 'dewi@example.com' }),
    });
    await vscode.commands.executeCommand('handoff.search', 'zebra-sso');
    assert.deepEqual(pipelineAccounts(api).map((item) => item.label), ['Day Notes']);
    await vscode.commands.executeCommand('handoff.search', 'zebra-sso with okta');
    assert.deepEqual(pipelineAccounts(api).map((item) => item.label), ['Day Notes'], 'a phrase wrapped over two lines');
  });

  it('Move to Stage offers the next stage by its label, and shows the move in the status bar and the Pipeline', async () => {
    const own = await testAccounts(api, 'day-move-next', { 'ae/deal.md': accountText({ name: 'Day Negotiating', stage: 'negotiation', ae: 'dewi@example.com' }) });
    const offered: { label?: string; detail?: string }[] = [];
    const status: string[] = [];
    const picks = answerQuickPicks((quickPick) => {
      const active = quickPick.activeItems[0];
      offered.push({ label: active?.label, detail: active?.detail });
      return { item: active };
    });
    const bar = replace('setStatusBarMessage', (text: string) => (status.push(text), new vscode.Disposable(() => undefined)));
    // The Pipeline on screen, as a salesperson has it (a view never drawn has no rows to reveal).
    await vscode.commands.executeCommand('handoff.pipeline.focus');
    try {
      await vscode.commands.executeCommand('handoff.moveToStage', own.uri('ae/deal.md'));
    } finally {
      picks.dispose();
      bar.dispose();
    }
    assert.deepEqual(offered, [{ label: 'Closed won', detail: 'closed_won' }]);
    assert.match(own.read('ae/deal.md'), /\nstage: closed_won\n/);
    assert.deepEqual(status, ['$(check) Day Negotiating: Negotiation → Closed won']);
    await waitFor('the Pipeline to select the moved account', () => api.pipelineSelection().includes(own.file('ae/deal.md')));
  });

  it('asks for the contract dates a handoff lacks, and writes them', async () => {
    const deal = (name: string) => accountText({ name, stage: 'closed_won', ae: 'dewi@example.com', close_date: '2026-11-18' });
    const own = await testAccounts(api, 'day-handoff-dates', { 'ae/asked.md': deal('Day Asked'), 'ae/given.md': deal('Day Given') });
    const asked: { title?: string; rejects?: string }[] = [];
    const answers = ['', '2027-11-30'];
    const picks = answerQuickPicks(() => ({ typed: 'budi@example.com' }));
    const boxes = replace('showInputBox', async (options: vscode.InputBoxOptions) => {
      asked.push({ title: options.title, rejects: (await options.validateInput?.('2027-02-30')) as string | undefined });
      return answers.shift();
    });
    try {
      await vscode.commands.executeCommand('handoff.handOff', own.uri('ae/asked.md'));
    } finally {
      picks.dispose();
      boxes.dispose();
    }
    assert.deepEqual(asked.map((a) => a.title), ['Contract start of Day Asked', 'Contract end of Day Asked']);
    assert.ok(asked.every((a) => a.rejects), 'an impossible day is refused in the box');
    const asked2 = own.read('am/asked.md');
    assert.match(own.read('handoffs/asked.md'), /\n  to: budi@example.com\n/);
    assert.match(asked2, /\ncontract_end: 2027-11-30\n/);
    assert.doesNotMatch(asked2, /contract_start/, 'an empty answer skips the date');
    // A caller that names the AM answers for the dates too.
    await vscode.commands.executeCommand('handoff.handOff', own.uri('ae/given.md'), 'budi@example.com', { contractStart: '2026-12-01', contractEnd: '2027-11-30' });
    assert.match(own.read('am/given.md'), /\ncontract_start: 2026-12-01\ncontract_end: 2027-11-30\n/);
  });
});
