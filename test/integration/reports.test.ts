import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { sampleText, testAccounts } from './helpers';
import { activateHandoff, pipelineGroup, pipelineAccounts, waitFor, workspaceUri } from './workbench';

describe('Reports, key accounts and review', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the period report as Markdown', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.openReport', '2026-Q4');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^# Pipeline report 2026-Q4\n\nOct 1, 2026 to Dec 31, 2026 · as of /);
    assert.match(document.getText(), /## Key accounts\n\n\| # \| Account \| Score \| Criteria \|/);
  });

  it('exports the report as CSV', async () => {
    const own = await testAccounts(api, 'reports-csv');
    const target = workspaceUri(own.track('report.csv'));
    await vscode.commands.executeCommand('handoff.exportReportCsv', '2026-Q4', target);
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^section,account,file,detail,date,currency,value,weighted,probability_or_score,owner\r\npipeline,/);
  });

  it('marks key accounts in the Pipeline and shows expansion under the customer', async () => {
    const active = pipelineGroup(api, 'active');
    const bank = active?.children.find((item) => item.label === 'Bank Cendana');
    assert.match(bank?.description ?? '', /^★ key · USD 260K · renews in \d+ d · budi$/);
    const cahaya = active?.children.find((item) => item.label === 'Cahaya Energi');
    assert.deepEqual(cahaya?.children.map((c) => c.label), ['upsell: Enterprise plan', 'cross-sell: Analytics add-on']);
  });

  it('adds an upsell to a customer', async () => {
    const own = await testAccounts(api, 'reports-upsell', { 'am/lumen.md': sampleText('accounts/am/emea/lumen-health.md', { from: 'Lumen Health', to: 'Lumen Upsell' }) });
    const uri = own.uri('am/lumen.md');
    await vscode.commands.executeCommand('handoff.addOpportunity', uri, { type: 'upsell', title: 'Premium support', value: 25000, stage: 'proposal', closeDate: '2027-02-15' });
    assert.match(own.read('am/lumen.md'), /\nopportunities:\n  - type: upsell\n    title: Premium support\n    value: 25000\n    stage: proposal\n    close_date: 2027-02-15\n---\n/);
    await waitFor('the upsell under the customer', () =>
      pipelineAccounts(api).some((item) => item.file === own.file('am/lumen.md') && item.children.some((c) => c.label === 'upsell: Premium support')),
    );
  });

  it('opens the existing team configuration instead of overwriting it', async () => {
    const uri = workspaceUri('.handoff.yml');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('handoff.createConfig');
    assert.equal(opened?.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), before);
  });

  it('compares the working tree with a branch, handoffs included', async () => {
    const own = await testAccounts(api, 'reports-compare', { 'ae/fjord.md': sampleText('accounts/ae/emea/fjord-analytics.md', { from: 'Fjord Analytics', to: 'Fjord Compare' }) });
    const dir = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', ...args], { cwd: dir, stdio: 'pipe' });
    own.track('.git');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    await vscode.commands.executeCommand('handoff.handOff', own.uri('ae/fjord.md'), 'sofia@example.com');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.compareWithBranch', 'main');
    assert.equal(document.uri.scheme, 'handoff-report');
    assert.equal(document.uri.path, '/main → your working tree (uncommitted changes included).md');
    assert.match(document.getText(), /^### Handoff review: main → your working tree \(uncommitted changes included\)\n\n\*\*1 handoff, 0 stage moves/);
    const [from, to] = [own.file('ae/fjord.md'), own.file('am/fjord.md')];
    // The name links to the file where it is now; the preview opens it.
    const link = encodeURI(`/${to}`);
    assert.ok(document.getText().includes(`- **[Fjord Compare](${link})** AE → AM: \`${from}\` → \`${to}\``), document.getText());
    const [target] = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 10);
    assert.equal(target?.target?.toString(), own.uri('am/fjord.md').toString());
  });
});
