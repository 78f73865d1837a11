// The CLI on a real full disk and a real read-only folder: a small tmpfs mounted for the test when
// the machine allows it (root with CAP_SYS_ADMIN, as on CI here); elsewhere these are skipped and
// test/unit/editWriter.test.ts covers the same failures with a file system that fails on purpose.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff } from './handoffProcess';

const DEAL = 'accounts/ae/apac/big-deal.md';
const MOVED = 'accounts/am/apac/big-deal.md';
const NOTE = 'accounts/handoffs/apac/big-deal.md';
const TEXT = `---\nname: Big Deal\nstage: closed_won\nae: dewi@example.com\n---\n# Big Deal\n\n${'Meeting notes, line after line.\n'.repeat(1300)}`;

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => !p.startsWith('filler')).sort();
}

describe('writes you can trust on a real tmpfs: a full disk, a read-only folder', function () {
  let mount: string;

  before(function () {
    mount = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-tmpfs-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', mount]).status !== 0) {
      fs.rmdirSync(mount);
      this.skip();
    }
  });

  after(() => {
    if (mount && spawnSync('umount', [mount]).status === 0) fs.rmdirSync(mount);
  });

  beforeEach(() => {
    for (const name of fs.readdirSync(mount)) fs.rmSync(path.join(mount, name), { recursive: true, force: true });
    fs.mkdirSync(path.join(mount, 'accounts/ae/apac'), { recursive: true });
    fs.writeFileSync(path.join(mount, DEAL), TEXT);
  });

  /** Fills the disk, then frees `free` bytes: enough for the lock, not for the new file. */
  function fillDisk(free: number): void {
    const filler = path.join(mount, 'filler');
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(4096, 120);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - free));
  }

  it('a handoff that runs out of disk half-way: refused, no copy under am/, and a retry succeeds once there is room', () => {
    assert.ok(Buffer.byteLength(TEXT) > 30_000);
    fillDisk(12 * 1024);
    const before = files(mount);
    const refused = handoff(['handoff', DEAL, '--to', 'budi@example.com', '--dir', mount]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /^Refused: cannot write accounts\/ae\/apac\/big-deal.md: the disk is full \(ENOSPC\); nothing was changed\n$/);
    assert.deepEqual(files(mount), before);
    // The note was written first and fits; when the account does not, it goes again, with the folders it made.
    assert.equal(fs.existsSync(path.join(mount, 'accounts/handoffs')), false, 'accounts/handoffs/apac left behind');
    assert.equal(fs.readFileSync(path.join(mount, DEAL), 'utf8'), TEXT);
    const check = JSON.parse(handoff(['check', '--dir', mount, '--format', 'json']).stdout);
    assert.equal(check.accounts, 1);

    fs.rmSync(path.join(mount, 'filler'));
    const retried = handoff(['handoff', DEAL, '--to', 'budi@example.com', '--dir', mount]);
    assert.equal(retried.code, 0, retried.stderr);
    assert.equal(fs.existsSync(path.join(mount, DEAL)), false);
    assert.equal(fs.readFileSync(path.join(mount, MOVED), 'utf8'), TEXT.replace('stage: closed_won', 'stage: onboarding'));
    assert.match(fs.readFileSync(path.join(mount, NOTE), 'utf8'), /^---\nhandoff:\n  date: \d{4}-\d\d-\d\d\n  from: dewi@example.com\n  to: budi@example.com\n---\n/);
  });

  it('a handoff on a disk with no room at all: refused before the account, no note and no note folder left', () => {
    fillDisk(0);
    const before = files(mount);
    const refused = handoff(['handoff', DEAL, '--to', 'budi@example.com', '--dir', mount]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /the disk is full \(ENOSPC\)/);
    assert.deepEqual(files(mount), before);
    assert.equal(fs.existsSync(path.join(mount, 'accounts/handoffs')), false);
    assert.equal(fs.readFileSync(path.join(mount, DEAL), 'utf8'), TEXT);
  });

  it('a handoff whose account does not fit, when the note exists already: the note is put back as it was', () => {
    const earlier = '---\nhandback:\n  date: 2026-01-05\n  to: dewi@example.com\n---\n\n## Hand-back note — 2026-01-05\n\nBack for a second deal.\n';
    fs.mkdirSync(path.join(mount, 'accounts/handoffs/apac'), { recursive: true });
    fs.writeFileSync(path.join(mount, NOTE), earlier);
    fillDisk(12 * 1024);
    const before = files(mount);
    const refused = handoff(['handoff', DEAL, '--to', 'budi@example.com', '--dir', mount]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /the disk is full \(ENOSPC\)/);
    assert.deepEqual(files(mount), before);
    assert.equal(fs.readFileSync(path.join(mount, NOTE), 'utf8'), earlier);
    assert.equal(fs.readFileSync(path.join(mount, DEAL), 'utf8'), TEXT);
  });

  it('a move on a disk with no room at all: refused, the file as it was', () => {
    fillDisk(0);
    const before = files(mount);
    const refused = handoff(['move', DEAL, 'negotiation', '--dir', mount]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /the disk is full \(ENOSPC\)/);
    assert.deepEqual(files(mount), before);
    assert.equal(fs.readFileSync(path.join(mount, DEAL), 'utf8'), TEXT);
  });

  it('a read-only folder: refused with the reason, nothing changed', () => {
    assert.equal(spawnSync('mount', ['-o', 'remount,ro', mount]).status, 0);
    try {
      const refused = handoff(['move', DEAL, 'negotiation', '--dir', mount]);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /read-only file system \(EROFS\); nothing was changed/);
      assert.equal(fs.readFileSync(path.join(mount, DEAL), 'utf8'), TEXT);
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', mount]);
    }
  });
});
