// Runs only in the host test/run.js opens on `handoff-test-vfs:<folder>`, a folder reached only through
// a FileSystemProvider (virtualFolder.ts): the extension declares `virtualWorkspaces: true`,
// so it must index, edit and hand off without a `file:` URI, a search provider or a local path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { sampleText, testAccounts } from './helpers';
import { activateHandoff, groupOf, handoffDiagnostics, waitFor } from './workbench';

describe('Handoff on a virtual folder', () => {
  let api: HandoffApi;
  before(async () => {
    assert.equal(vscode.workspace.workspaceFolders?.[0].uri.scheme, 'handoff-test-vfs', 'the test host opened a virtual folder');
    api = await activateHandoff();
  });

  it('indexes every account through workspace.fs', () => {
    const counts = api.pipeline().map((group) => `${group.key}:${group.children.length}`);
    assert.deepEqual(counts, [
      'prospecting:2', 'qualification:3', 'demo:3', 'proposal:2', 'negotiation:2', 'closed_won:2', 'closed_lost:2',
      'onboarding:2', 'active:7', 'at_risk:2', 'renewal:3', 'churned:2',
    ]);
  });

  it('moves and hands off accounts, writing through the provider', async () => {
    const own = await testAccounts(api, 'virtual-move-hand-off', {
      'ae/freight.md': sampleText('accounts/ae/emea/baltic-freight.md', { from: 'Baltic Freight', to: 'Virtual Freight' }),
      'ae/toko.md': sampleText('accounts/ae/apac/tokopintar.md', { from: 'TokoPintar', to: 'Virtual Toko' }),
    });
    const deal = own.uri('ae/freight.md');
    assert.equal(deal.scheme, 'handoff-test-vfs');
    const before = own.read('ae/freight.md');
    await vscode.commands.executeCommand('handoff.moveToStage', deal, 'proposal');
    assert.equal(own.read('ae/freight.md'), before.replace('\nstage: demo\n', '\nstage: proposal\n'));

    const from = own.uri('ae/toko.md');
    const to = own.uri('am/toko.md');
    const result = await vscode.commands.executeCommand<vscode.Uri>('handoff.handOff', from, 'budi@example.com');
    assert.equal(result?.toString(), to.toString());
    assert.equal(fs.existsSync(own.path('ae/toko.md')), false);
    assert.match(own.read('am/toko.md'), /\nstage: onboarding\nae: rizky@example.com\n/);
    assert.match(own.read('handoffs/toko.md'), /\n  to: budi@example.com\n/);
    await waitFor('the account under onboarding', () => groupOf(api, own.file('am/toko.md')) === 'onboarding');
  });

  it('reports problems in files written through the provider, and clears them when fixed', async () => {
    const own = await testAccounts(api, 'virtual-problems');
    const uri = own.uri('ae/virtual-typo.md');
    const text = (stage: string) => new TextEncoder().encode(`---\nname: Virtual Typo\nstage: ${stage}\n---\n`);
    await vscode.workspace.fs.writeFile(uri, text('negotiatoin'));
    const [problem] = await waitFor('the problem', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.equal(problem.code, 'unknown-stage');
    await vscode.workspace.fs.writeFile(uri, text('negotiation'));
    await waitFor('the problem to clear', () => handoffDiagnostics(uri).length === 0);
    await vscode.workspace.fs.delete(uri);
  });

  it('links account names in the report to their files through the provider', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.openReport', '2026-Q4');
    assert.equal(document.uri.scheme, 'handoff-report');
    // As the Markdown preview resolves them when clicked.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri, 1000);
    assert.ok(links.length > 10, `${links.length} links`);
    for (const link of links) {
      assert.equal(link.target?.scheme, 'handoff-test-vfs');
      assert.equal((await vscode.workspace.fs.stat(link.target)).type, vscode.FileType.File, link.target.toString());
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('declines Compare with Branch, which needs git on a folder on disk', async () => {
    assert.equal(await vscode.commands.executeCommand('handoff.compareWithBranch', 'main'), undefined);
  });
});
