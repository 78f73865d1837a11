// Runs only in the host test/run.js opens on a folder whose first index fails: its .handoff.yml is a
// symbolic link to itself, which nobody can read (ELOOP). The failure must not pass unnoticed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { activateHandoff, waitFor, workspaceUri } from './workbench';
import { recordNotifications } from './notifications';

describe('a folder whose first index fails', () => {
  let api: HandoffApi;
  const config = () => workspaceUri('.handoff.yml').fsPath;

  before(async () => {
    assert.ok(fs.lstatSync(config()).isSymbolicLink(), 'the test host opened the folder with the looping .handoff.yml');
    api = await activateHandoff();
  });

  it('says so in the Pipeline view instead of showing an empty pipeline', () => {
    assert.deepEqual(api.pipeline(), []);
    assert.match(api.pipelineMessage() ?? '', /^Handoff could not index workspace; see the log/);
  });

  it('reports a failed index as an error with Show Log and Retry, and Retry indexes again', async () => {
    // The user clicks Retry on the first notification while the file is still unreadable: a second one follows.
    const notifications = recordNotifications((_shown, index) => (index === 0 ? 'Retry' : undefined));
    try {
      await vscode.commands.executeCommand('handoff.refresh');
      await waitFor('the notification of the retried index', () => notifications.shown.length >= 2);
      for (const shown of notifications.shown) {
        assert.equal(shown.severity, 'error');
        assert.match(shown.message, /^Handoff could not index the accounts in workspace: .+/);
        assert.deepEqual(shown.buttons, ['Show Log', 'Retry']);
      }
    } finally {
      notifications.dispose();
    }
  });

  it('indexes the folder once the cause is fixed, and the message goes', async () => {
    fs.rmSync(config());
    try {
      await waitFor('the accounts of the sample', () => api.pipeline().flatMap((group) => group.children).length === 32);
      assert.doesNotMatch(api.pipelineMessage() ?? '', /could not index/, 'the headline of the pipeline instead');
    } finally {
      // The folder as the suite opened it, for any test after this one.
      fs.symlinkSync('.handoff.yml', config());
      await vscode.commands.executeCommand('handoff.refresh');
      await waitFor('the failed index again', () => /could not index/.test(api.pipelineMessage() ?? ''));
    }
  });
});
