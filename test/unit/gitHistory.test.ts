// Reading an accounts repository's history from git (src/node/gitHistory.ts) on real repositories:
// a handoff as one rename, author dates in the commit's own time zone, a merge counted once on the
// main line, a workspace that is a folder of the repository, and an empty repository.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { historyOf, sinceOf } from '../../src/core/insight/history';
import type { Role } from '../../src/core/model/stage';
import { NotAGitRepository } from '../../src/node/git';
import { readHistory } from '../../src/node/gitHistory';

const FOLDERS = ['accounts/ae', 'accounts/am'];
const roleOf = (file: string): Role | undefined => (file.startsWith('accounts/ae/') ? 'ae' : file.startsWith('accounts/am/') ? 'am' : undefined);
const account = (stage: string, extra = '') => `---\nname: Acme\nstage: ${stage}\nae: dewi@example.com\narr: 50000\n${extra}---\n# Acme\n\nNotes about Acme that stay the same when it moves, long enough for git to pair the two paths.\n`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=dewi@example.com', '-c', 'user.name=Dewi', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** Commits everything, authored at `date` (ISO 8601 with its zone). */
function commit(dir: string, message: string, date: string): void {
  git(dir, 'add', '-A');
  execFileSync('git', ['-c', 'user.email=dewi@example.com', '-c', 'user.name=Dewi', '-c', 'core.hooksPath=/dev/null', 'commit', '-qm', message], { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

describe('git history (readHistory)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-githistory-'));
    git(dir, 'init', '-q', '-b', 'main');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each commit that changed an account, a handoff as one rename, dates in the zone the commit recorded', async () => {
    write(dir, 'accounts/ae/apac/acme.md', account('demo'));
    write(dir, 'README.md', 'not an account\n');
    // 23:30 in New York is already the next day in UTC: the day is the author's.
    commit(dir, 'add Acme', '2026-01-05T23:30:00-05:00');
    write(dir, 'accounts/ae/apac/acme.md', account('closed_won'));
    commit(dir, 'won', '2026-03-01T09:00:00+07:00');
    fs.rmSync(path.join(dir, 'accounts/ae/apac/acme.md'));
    write(dir, 'accounts/am/apac/acme.md', account('onboarding', 'am: budi@example.com\n'));
    commit(dir, 'hand off', '2026-03-03T10:00:00+07:00');
    const commits = await readHistory(dir, FOLDERS);
    assert.deepEqual(
      commits.map((c) => [c.date, c.author, c.changes.map((change) => [change.from ?? null, change.to ?? null, change.before?.stage ?? null, change.after?.stage ?? null])]),
      [
        ['2026-01-05', 'Dewi <dewi@example.com>', [[null, 'accounts/ae/apac/acme.md', null, 'demo']]],
        ['2026-03-01', 'Dewi <dewi@example.com>', [['accounts/ae/apac/acme.md', 'accounts/ae/apac/acme.md', 'demo', 'closed_won']]],
        ['2026-03-03', 'Dewi <dewi@example.com>', [['accounts/ae/apac/acme.md', 'accounts/am/apac/acme.md', 'closed_won', 'onboarding']]],
      ],
    );
    assert.deepEqual(commits[2].changes[0].after, { name: 'Acme', stage: 'onboarding', ae: 'dewi@example.com', am: 'budi@example.com', arr: 50000 });
    const history = historyOf(commits, roleOf);
    assert.deepEqual(history.transitions.map((t) => t.kind), ['added', 'stage', 'handoff', 'stage', 'owner']);
    assert.deepEqual(sinceOf(history, 'accounts/am/apac/acme.md', 'onboarding', '2026-03-13'), { since: '2026-03-03', days: 10 });
  });

  it('counts a merged branch once, as the merge brought it to the main line', async () => {
    write(dir, 'accounts/ae/acme.md', account('demo'));
    commit(dir, 'add', '2026-01-05T10:00:00Z');
    git(dir, 'checkout', '-q', '-b', 'feature');
    write(dir, 'accounts/ae/acme.md', account('proposal'));
    commit(dir, 'proposal on a branch', '2026-01-10T10:00:00Z');
    write(dir, 'accounts/ae/acme.md', account('negotiation'));
    commit(dir, 'negotiation on a branch', '2026-01-12T10:00:00Z');
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'accounts/ae/other.md', account('prospecting').replace('Acme', 'Other'));
    commit(dir, 'another account on main', '2026-01-11T10:00:00Z');
    execFileSync('git', ['-c', 'user.email=d@example.com', '-c', 'user.name=D', 'merge', '-q', '--no-ff', '-m', 'merge', 'feature'], { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z' } });
    const commits = await readHistory(dir, FOLDERS);
    assert.deepEqual(
      commits.map((c) => [c.date, c.changes.map((change) => `${change.to}: ${change.before?.stage ?? '-'} → ${change.after?.stage}`)]),
      [
        ['2026-01-05', ['accounts/ae/acme.md: - → demo']],
        ['2026-01-11', ['accounts/ae/other.md: - → prospecting']],
        ['2026-01-15', ['accounts/ae/acme.md: demo → negotiation']],
      ],
    );
  });

  it('reads paths relative to a workspace that is a folder of the repository', async () => {
    write(dir, 'sales/accounts/ae/acme.md', account('demo'));
    write(dir, 'accounts/ae/elsewhere.md', account('demo'));
    commit(dir, 'add', '2026-01-05T10:00:00Z');
    const commits = await readHistory(path.join(dir, 'sales'), FOLDERS);
    assert.deepEqual(commits.map((c) => c.changes.map((change) => change.to)), [['accounts/ae/acme.md']]);
  });

  it('has no history in a repository without a commit, and says when the folder is in no repository', async () => {
    assert.deepEqual(await readHistory(dir, FOLDERS), []);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-nogit-'));
    try {
      await assert.rejects(readHistory(outside, FOLDERS), NotAGitRepository);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
