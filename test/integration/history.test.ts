// Show Account History: an account's story from git, in a read-only Markdown document.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { recordNotifications } from './notifications';
import { testAccounts } from './helpers';
import { accountText, activateHandoff, groupOf, waitFor, workspaceUri } from './workbench';

describe('Show Account History', () => {
  let api: HandoffApi;
  before(async () => {
    api = await activateHandoff();
  });

  it('tells an account\'s stage moves and handoff with dates and authors, across the rename, newest first', async () => {
    const own = await testAccounts(api, 'history-story', { 'ae/story.md': accountText({ name: 'Story Ltd', stage: 'demo', ae: 'dewi@example.com', arr: 40000 }, '# Story Ltd\n\nNotes long enough for git to pair the AE and AM paths of this account.\n') });
    const dir = workspaceUri().fsPath;
    const git = (date: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } });
    own.track('.git');
    git('2026-10-01', 'init', '-q', '-b', 'main');
    git('2026-10-01', 'add', '-A');
    git('2026-10-01', 'commit', '-qm', 'the team');
    // Won, as a teammate's commit would bring it (no editor, so nothing unsaved holds the handoff back).
    fs.writeFileSync(own.path('ae/story.md'), own.read('ae/story.md').replace('\nstage: demo\n', '\nstage: closed_won\n'));
    await waitFor('the index to see the deal won', () => groupOf(api, own.file('ae/story.md')) === 'closed_won');
    git('2026-10-20', 'add', '-A');
    git('2026-10-20', 'commit', '-qm', 'won');
    const handedOff = await vscode.commands.executeCommand<vscode.Uri>('handoff.handOff', own.uri('ae/story.md'), 'budi@example.com');
    assert.equal(handedOff?.toString(), own.uri('am/story.md').toString());
    await waitFor('the handoff on disk', () => fs.existsSync(own.path('am/story.md')) && !fs.existsSync(own.path('ae/story.md')) && /\nstage: onboarding\n/.test(own.read('am/story.md')));
    git('2026-11-02', 'add', '-A');
    git('2026-11-02', 'commit', '-qm', 'handed off');
    api.setToday('2026-11-24');
    try {
      const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.showHistory', own.uri('am/story.md'));
      assert.equal(document.uri.scheme, 'handoff-report');
      const text = document.getText();
      assert.match(text, /^# History of \[Story Ltd\]\(\/accounts\/am\/history-story\/story\.md\)\n\nIn Onboarding since 2026-11-02 \(22 days\)\.\n/);
      const rows = text.split('\n').filter((line) => /^\| 2026-/.test(line)).map((line) => line.split(' | ').slice(0, 4).join(' | '));
      assert.deepEqual(rows, [
        '| 2026-11-02 | stage | Closed won | Onboarding',
        `| 2026-11-02 | handoff | ${own.file('ae/story.md')} | ${own.file('am/story.md')}`,
        '| 2026-10-20 | stage | Demo | Closed won',
        '| 2026-10-01 | added | – | Demo',
      ]);
      assert.match(text, /\| Test &lt;test@example\.com&gt; \| `[0-9a-f]{8}` \|/);
    } finally {
      api.setToday(undefined);
    }
  });

  it('says so in words where there is no git repository', async () => {
    const shown = recordNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('handoff.showHistory', workspaceUri('accounts', 'am', 'apac', 'globex.md')), undefined);
    } finally {
      shown.dispose();
    }
    assert.deepEqual(shown.shown.map((n) => n.message), ['Handoff: this folder is not in a git repository, so it has no history. History works in a folder cloned or created with git.']);
  });
});
