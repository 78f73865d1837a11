// `handoff diff` on repositories a teammate (or an attacker) prepared: git must run no program the
// repository's own config names, and the workspace may be any folder of the repository.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sample } from './handoffProcess';

/** git for setting the test up, with nothing of the repository's config run (hooks, filters, fsmonitor). */
function setupGit(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/**
 * A repository with the sample in `workspace` (a folder of the repository) at `main`, the branch
 * `week-47` (a handoff, a stage move, a new account), and the same changes, not committed, in the
 * working tree on `main`.
 */
function repository(workspace = ''): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-diffgit-'));
  const dir = path.join(root, workspace);
  fs.cpSync(sample, dir, { recursive: true });
  setupGit(root, 'init', '-q', '-b', 'main');
  setupGit(root, 'add', '-A');
  setupGit(root, 'commit', '-qm', 'The team today');
  const changes = () => {
    assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
    assert.equal(handoff(['move', 'accounts/ae/emea/baltic-freight.md', 'proposal', '--dir', dir]).code, 0);
    fs.writeFileSync(path.join(dir, 'accounts/ae/apac/kopi-kenangan.md'), '---\nname: Kopi Kenangan\nstage: prospecting\narr: 120000\ncurrency: USD\n---\n');
  };
  setupGit(root, 'checkout', '-qb', 'week-47');
  changes();
  setupGit(root, 'add', '-A');
  setupGit(root, 'commit', '-qm', 'Week 47');
  setupGit(root, 'checkout', '-q', 'main');
  changes();
  return { root, dir };
}

function expectWeek47(stdout: string): void {
  const diff = JSON.parse(stdout);
  assert.deepEqual(diff.handoffs, [{ from: 'accounts/ae/apac/tokopintar.md', to: 'accounts/am/apac/tokopintar.md', name: 'TokoPintar' }]);
  assert.deepEqual(diff.stage_changes, [{ file: 'accounts/ae/emea/baltic-freight.md', name: 'Baltic Freight', from: 'demo', to: 'proposal' }]);
  assert.deepEqual(diff.added.map((a: { file: string }) => a.file), ['accounts/ae/apac/kopi-kenangan.md']);
  assert.deepEqual(diff.removed, []);
}

describe('handoff diff: git runs no program the repository names', () => {
  const { root, dir } = repository();
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-markers-'));
  // One script for every program the config names: it leaves a marker named after its role, and
  // passes its input through so that git, if it runs it, still works.
  const evil = path.join(markers, 'evil.sh');
  fs.writeFileSync(evil, '#!/bin/sh\ntouch "$(dirname "$0")/ran-$1"\ncat\n', { mode: 0o755 });
  const config: [string, string][] = [
    ['core.fsmonitor', `${evil} fsmonitor`],
    ['filter.evil.clean', `${evil} clean`],
    ['filter.evil.smudge', `${evil} smudge`],
    ['filter.evil.required', 'true'],
    ['diff.external', `${evil} external-diff`],
    ['diff.evil.command', `${evil} diff-driver`],
    ['diff.evil.textconv', `${evil} textconv`],
    ['core.pager', `${evil} pager`],
    ['pager.diff', `${evil} pager-diff`],
    ['core.hooksPath', path.join(root, 'hooks')],
  ];
  fs.mkdirSync(path.join(root, 'hooks'));
  for (const hook of ['post-index-change', 'post-checkout', 'reference-transaction', 'pre-auto-gc']) fs.writeFileSync(path.join(root, 'hooks', hook), `#!/bin/sh\ntouch '${markers}/ran-hook-${hook}'\n`, { mode: 0o755 });
  for (const [key, value] of config) setupGit(root, 'config', key, value);
  fs.writeFileSync(path.join(root, '.gitattributes'), '* filter=evil diff=evil\n');
  // Every tracked file looks changed to git (a fresh clone, a touched tree): git would clean them all.
  const touched = new Date(Date.now() + 5_000);
  for (const file of setupGit(root, 'ls-files', '-z').split('\0').filter(Boolean)) {
    if (fs.existsSync(path.join(root, file))) fs.utimesSync(path.join(root, file), touched, touched);
  }
  const ran = () => fs.readdirSync(markers).filter((name) => name.startsWith('ran-'));
  beforeEach(() => {
    for (const marker of ran()) fs.rmSync(path.join(markers, marker));
  });

  it('against the working tree: the right review, and no marker', () => {
    const result = handoff(['diff', 'main', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
    assert.deepEqual(ran(), []);
  });

  it('between two commits: the right review, and no marker', () => {
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
    assert.deepEqual(ran(), []);
  });

  it('ignores GIT_DIR, GIT_EXTERNAL_DIFF and GIT_PAGER from the caller', () => {
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'md'], { env: { GIT_DIR: path.join(os.tmpdir(), 'no-such-repository'), GIT_EXTERNAL_DIFF: `${evil} env-external-diff`, GIT_PAGER: `${evil} env-pager` } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\*\*1 handoff, 1 stage move, 1 new account, 0 removed accounts/);
    assert.deepEqual(ran(), []);
  });

  it('does not fetch a missing object from a remote the config names (partial clone)', () => {
    const { root: clone, dir: workspace } = repository();
    // An account the working tree changed: its base version must be read.
    const blob = setupGit(clone, 'rev-parse', 'main:accounts/ae/emea/baltic-freight.md').trim();
    fs.rmSync(path.join(clone, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    setupGit(clone, 'config', 'remote.origin.url', `ext::sh -c touch% ${markers}/ran-lazy-fetch`);
    setupGit(clone, 'config', 'remote.origin.promisor', 'true');
    setupGit(clone, 'config', 'extensions.partialClone', 'origin');
    setupGit(clone, 'config', 'protocol.allow', 'always');
    const result = handoff(['diff', 'main', '--dir', workspace]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /git: /);
    assert.deepEqual(ran(), []);
  });
});

describe('handoff diff: a workspace in a folder of the repository', () => {
  const { dir } = repository('sales/ts');

  it('with --dir naming the folder, between two commits and against the working tree', () => {
    for (const revisions of [['main', 'week-47'], ['main']]) {
      const result = handoff(['diff', ...revisions, '--dir', dir, '--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      expectWeek47(result.stdout);
    }
  });

  it('run from inside the folder without --dir', () => {
    const result = handoff(['diff', 'main', 'week-47', '--format', 'json'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
  });

  it('run from a folder below the workspace with --dir ..', () => {
    const result = handoff(['diff', 'main', '--dir', '..', '--format', 'json'], { cwd: path.join(dir, 'accounts') });
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
  });
});

describe('handoff diff: two commits, whatever the working tree holds', () => {
  it('compares them when the working tree has no account root (a sparse checkout)', () => {
    const { dir } = repository();
    fs.rmSync(path.join(dir, 'accounts'), { recursive: true });
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
  });
});

describe('handoff diff: revisions that look like options', () => {
  const { root, dir } = repository();
  setupGit(root, 'update-ref', 'refs/heads/--output=stolen', 'main');

  it('reads a branch named --output=… as a branch, and writes no file', () => {
    const result = handoff(['diff', '--format', 'json', '--dir', dir, '--', '--output=stolen', 'week-47'], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    expectWeek47(result.stdout);
    assert.equal(fs.existsSync(path.join(root, 'stolen')), false);
    assert.equal(fs.existsSync(path.join(dir, 'stolen')), false);
  });

  it('refuses a revision that is an option of git, running nothing', () => {
    const result = handoff(['diff', '--dir', dir, '--', '--output=elsewhere'], { cwd: root });
    assert.equal(result.code, 2);
    assert.equal(fs.existsSync(path.join(root, 'elsewhere')), false);
  });
});
