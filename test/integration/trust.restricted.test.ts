// Runs only in the host test/run.js opens on an untrusted folder: the extension declares
// `untrustedWorkspaces: limited`, so it must work in Restricted Mode and hold back only git.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { testAccounts } from './helpers';
import { activateHandoff, handoffDiagnostics, pipelineAccounts, waitFor, workspaceUri } from './workbench';

describe('Handoff in Restricted Mode', () => {
  before(() => assert.equal(vscode.workspace.isTrusted, false, 'the test host opened the folder untrusted'));

  it('indexes the accounts and shows the pipeline', async () => {
    const api = await activateHandoff();
    const stages = api.pipeline().map((group) => group.label);
    assert.ok(stages.includes('Negotiation') && stages.includes('Renewal'), stages.join(', '));
    assert.ok(pipelineAccounts(api).length >= 30);
  });

  it('reports problems as in a trusted folder', async () => {
    const own = await testAccounts(await activateHandoff(), 'restricted-problems', { 'ae/untrusted-typo.md': '---\nname: Typo\nstage: negotiatoin\n---\n' });
    const uri = own.uri('ae/untrusted-typo.md');
    const [problem] = await waitFor('the problem', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.equal(problem.code, 'unknown-stage');
  });

  it('does not run git for Compare with Branch until the folder is trusted', async () => {
    const own = await testAccounts(await activateHandoff(), 'restricted-git');
    own.track('.git');
    const dir = workspaceUri().fsPath;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    // The same call opens the review in a trusted folder (reports.test.ts).
    const result = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('handoff.compareWithBranch', 'main');
    assert.equal(result, undefined);
  });
});
