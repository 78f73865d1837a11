import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDays, localToday } from '../../src/core/model/calendarDay';
import { formatDay } from '../../src/core/model/displayLocale';
import type { HandoffApi } from '../../src/extension/extension';
import { testAccounts, type TestAccounts } from './helpers';
import { activateHandoff, slugOf, waitFor } from './workbench';

// Dates relative to the real today: the extension host has no --today.
const today = localToday();
const contractEnd = addDays(today, 70);
const HOSTILE = '<img src=x onerror=alert(1)>';
const account = (name: string, stage: string) =>
  ['---', `name: ${JSON.stringify(name)}`, `stage: ${stage}`, 'am: budi@example.com', 'arr: 75000', 'currency: USD', `contract_end: ${contractEnd}`, '---', '', '## Check-ups', '', `- ${today} — Quarterly review (satisfaction 8/10)`, ''].join('\n');

/** The Account Overview panels open in the workbench, by their tab titles. */
const overviewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('handoff.accountOverview'))
    .map((tab) => tab.label);

describe('Account Overview', () => {
  let api: HandoffApi;
  let own: TestAccounts;
  before(async () => {
    api = await activateHandoff();
  });
  beforeEach(async function () {
    own = await testAccounts(api, slugOf('overview', this.currentTest?.title), { 'am/hostile.md': account(HOSTILE, 'at_risk') });
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a page for a Pipeline row: the name escaped, the stage by its label, the renewal deadline, a strict policy', async () => {
    const file = own.file('am/hostile.md');
    await vscode.commands.executeCommand('handoff.showAccountOverview', api.treeElement('handoff.pipeline', file));
    const html = await waitFor('the overview page', () => api.accountOverviewHtml(file));
    assert.ok(html.includes('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>'), 'the name, escaped');
    assert.ok(!html.includes(HOSTILE), 'the name never as a tag');
    assert.match(html, /At risk/);
    assert.ok(!/>at_risk</.test(html), 'no raw stage id where people read');
    assert.ok(html.includes(`${formatDay(addDays(contractEnd, -60), true)} (in 10 days)`), 'the notice deadline');
    assert.ok(html.includes('Quarterly review (satisfaction 8/10)'), 'the check-up');
    // The policy as the browser reads the attribute; the webview's own source may be several words (`'self' https://*.vscode-cdn.net`).
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    const [defaults, style, script, img] = policy.split('; ');
    const nonce = /'nonce-([\w-]+)'$/.exec(script)?.[1];
    assert.ok(nonce, `a script nonce in ${policy}`);
    assert.equal(defaults, "default-src 'none'");
    assert.equal(script, `script-src 'nonce-${nonce}'`);
    assert.match(style, new RegExp(`^style-src [^']*(?:'self' )?[^']* 'nonce-${nonce}'$`));
    assert.match(img, /^img-src /);
    assert.ok(!/unsafe/.test(policy));
    const loads = [...html.matchAll(/ (?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(loads.length, 2, 'one stylesheet, one script');
    for (const url of loads) assert.match(url, /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\/.*\/media\/webview\/[\w.]+$/, 'only the extension\'s media/webview/');
    assert.deepEqual(overviewTabs(), [`Overview: ${HOSTILE}`]);
  });

  it('keeps one panel per account, follows its changes, and marks it when the file is removed', async () => {
    const file = own.file('am/hostile.md');
    await vscode.commands.executeCommand('handoff.showAccountOverview', own.uri('am/hostile.md'));
    await waitFor('the overview page', () => api.accountOverviewHtml(file));
    await vscode.commands.executeCommand('handoff.showAccountOverview', api.treeElement('handoff.renewals', file));
    assert.equal(overviewTabs().length, 1, 'the open panel is reused');
    await own.write({ 'am/hostile.md': account(HOSTILE, 'active') });
    await waitFor('the page to show the new stage', () => /Active/.test(api.accountOverviewHtml(file) ?? ''));
    await vscode.workspace.fs.delete(own.uri('am/hostile.md'));
    await waitFor('the page to say the file is gone', () => /class="removed"/.test(api.accountOverviewHtml(file) ?? ''));
    assert.doesNotMatch(api.accountOverviewHtml(file)!, /data-line/, 'no link to a file that is gone');
  });

  it('follows the account through a handoff to its AM file', async () => {
    await own.write({ 'ae/won.md': ['---', 'name: Won Deal', 'stage: closed_won', 'ae: dewi@example.com', '---', ''].join('\n') });
    await vscode.commands.executeCommand('handoff.showAccountOverview', own.uri('ae/won.md'));
    await waitFor('the overview page', () => api.accountOverviewHtml(own.file('ae/won.md')));
    await vscode.commands.executeCommand('handoff.handOff', own.uri('ae/won.md'), 'budi@example.com');
    assert.match(own.read('am/won.md'), /\nstage: onboarding\n/, 'handed off');
    const html = await waitFor('the page to follow the file', () => api.accountOverviewHtml(own.file('am/won.md')));
    await waitFor('the page to show the AM stage', () => /Onboarding/.test(api.accountOverviewHtml(own.file('am/won.md')) ?? ''));
    assert.doesNotMatch(html, /class="removed"/);
    assert.deepEqual(overviewTabs(), ['Overview: Won Deal']);
  });
});
