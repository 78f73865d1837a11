// The CLI's write path (src/node/editWriter.ts) against a file system that fails or races at each
// step: whatever happens, the original stays byte for byte, and no temporary file, lock or folder
// made for the edit is left; a teammate's write is never lost.
import * as assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { EditRefused, type EditPlan } from '../../src/core/edit/editPlan';
import { textOfBytes } from '../../src/core/read/fileText';
import { planHandoff, planMove } from '../../src/core/edit/handoff';
import { writePlan, writePlanWithNote } from '../../src/node/editWriter';
import { lockPathOf } from '../../src/node/fileLock';
import { readRegularFile, type FileBytes, type FileSystem } from '../../src/node/regularFile';

const config = defaultConfig();
const FILE = 'accounts/ae/apac/x.md';
const TEXT = '---\nname: X\nstage: closed_won # won on Friday\nae: dewi@example.com\n---\n# X\n';

function workspace(): string {
  const dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'handoff-writer-'));
  nodeFs.mkdirSync(path.join(dir, 'accounts/ae/apac'), { recursive: true });
  nodeFs.writeFileSync(path.join(dir, FILE), TEXT, { mode: 0o640 });
  return dir;
}

function tree(dir: string): string[] {
  return (nodeFs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

function planned(dir: string, kind: 'move' | 'handoff'): { plan: EditPlan; before: FileBytes } {
  const before = readRegularFile(nodeFs, path.join(dir, FILE), FILE);
  const text = textOfBytes(before.bytes);
  const { account } = readAccount(FILE, 'ae', text, config);
  const target = { file: FILE, role: 'ae' as const, text, name: account!.name, stage: account!.stage, data: account!.data };
  const plan = kind === 'move' ? planMove(target, 'negotiation', config) : planHandoff(target, { to: 'budi@example.com', today: '2026-11-23' }, config);
  return { plan, before };
}

/** The real `fs`, with some of its functions replaced. */
function failing(overrides: Partial<FileSystem>): FileSystem {
  return { ...nodeFs, ...overrides } as FileSystem;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The edit was refused with `message`, and the workspace is exactly as it was. */
function assertRefusedUntouched(dir: string, run: () => void, message: RegExp): void {
  const before = tree(dir);
  assert.throws(run, (error: unknown) => error instanceof EditRefused && message.test(error.message));
  assert.deepEqual(tree(dir), before);
  assert.equal(nodeFs.readFileSync(path.join(dir, FILE), 'utf8'), TEXT);
}

describe('the CLI write path (editWriter)', () => {
  it('moves in place and keeps the mode; hands off to a new folder; leaves nothing behind', () => {
    const dir = workspace();
    const move = planned(dir, 'move');
    writePlan(dir, move.plan, move.before);
    assert.equal(nodeFs.readFileSync(path.join(dir, FILE), 'utf8'), TEXT.replace('closed_won #', 'negotiation #'));
    assert.equal(nodeFs.statSync(path.join(dir, FILE)).mode & 0o777, 0o640);
    nodeFs.writeFileSync(path.join(dir, FILE), TEXT);
    const handoff = planned(dir, 'handoff');
    writePlan(dir, handoff.plan, handoff.before);
    assert.deepEqual(tree(dir), ['accounts', 'accounts/ae', 'accounts/ae/apac', 'accounts/am', 'accounts/am/apac', 'accounts/am/apac/x.md'].map((p) => p.split('/').join(path.sep)));
  });

  for (const [step, override] of [
    ['writing', { writeSync: () => { throw errno('ENOSPC'); } }],
    ['flushing', { fsyncSync: () => { throw errno('ENOSPC'); } }],
  ] as const) {
    it(`a full disk while ${step} the new file: refused, nothing left, for a move and for a handoff`, () => {
      const dir = workspace();
      const move = planned(dir, 'move');
      assertRefusedUntouched(dir, () => writePlan(dir, move.plan, move.before, failing(override as Partial<FileSystem>)), /disk is full \(ENOSPC\); nothing was changed/);
      const handoff = planned(dir, 'handoff');
      // The AM folder the handoff made for its file is taken away again.
      assertRefusedUntouched(dir, () => writePlan(dir, handoff.plan, handoff.before, failing(override as Partial<FileSystem>)), /disk is full/);
    });
  }

  it('a handoff with its note: the note first, then the account; when the account fails the note and the folders made for it go', () => {
    const dir = workspace();
    const handoff = planned(dir, 'handoff');
    const note = path.join(dir, 'accounts/handoffs/apac/x.md');
    // Fails the account's new file only (under am/): the note, written first, succeeds.
    let notes = 0;
    const second = failing({
      openSync: ((file: string, ...rest: unknown[]) => {
        if (String(file).includes(`${path.sep}am${path.sep}`)) throw errno('ENOSPC');
        if (String(file).includes(`${path.sep}handoffs${path.sep}`)) notes++;
        return (nodeFs.openSync as (...a: unknown[]) => number)(file, ...rest);
      }) as FileSystem['openSync'],
    });
    assertRefusedUntouched(dir, () => writePlanWithNote(dir, handoff.plan, handoff.before, undefined, second), /disk is full/);
    assert.ok(notes > 0, 'the note was written before the account failed');
    assert.equal(nodeFs.existsSync(path.join(dir, 'accounts/handoffs')), false, 'accounts/handoffs left behind');
    // An existing note is put back byte for byte.
    nodeFs.mkdirSync(path.dirname(note), { recursive: true });
    const earlier = '---\nhandback:\n  date: 2026-01-05\n---\nBack.\n';
    nodeFs.writeFileSync(note, earlier);
    const noteBefore = readRegularFile(nodeFs, note, 'accounts/handoffs/apac/x.md');
    const again = planned(dir, 'handoff');
    const withNote = { ...again.plan, note: planHandoff({ file: FILE, role: 'ae', text: TEXT, name: 'X', stage: 'closed_won', data: { ae: 'dewi@example.com' } }, { to: 'budi@example.com', today: '2026-11-23', noteText: earlier }, config).note };
    notes = 0;
    assertRefusedUntouched(dir, () => writePlanWithNote(dir, withNote, again.before, noteBefore, second), /disk is full/);
    assert.ok(notes > 0, 'the note was changed before the account failed');
    assert.equal(nodeFs.readFileSync(note, 'utf8'), earlier);
    // And with room: both written, the note holding the record.
    writePlanWithNote(dir, withNote, again.before, noteBefore);
    assert.equal(nodeFs.readFileSync(path.join(dir, 'accounts/am/apac/x.md'), 'utf8'), TEXT.replace('closed_won #', 'onboarding #'));
    assert.match(nodeFs.readFileSync(note, 'utf8'), /^---\nhandback:\n  date: 2026-01-05\nhandoff:\n  date: 2026-11-23\n  from: dewi@example.com\n  to: budi@example.com\n---\nBack\.\n/);
  });

  it('a note that appeared meanwhile is never overwritten: refused, nothing changed', () => {
    const dir = workspace();
    const handoff = planned(dir, 'handoff');
    nodeFs.mkdirSync(path.join(dir, 'accounts/handoffs/apac'), { recursive: true });
    nodeFs.writeFileSync(path.join(dir, 'accounts/handoffs/apac/x.md'), 'a teammate\'s note\n');
    assertRefusedUntouched(dir, () => writePlanWithNote(dir, handoff.plan, handoff.before, undefined), /accounts\/handoffs\/apac\/x.md already exists; nothing was changed/);
    assert.equal(nodeFs.readFileSync(path.join(dir, 'accounts/handoffs/apac/x.md'), 'utf8'), 'a teammate\'s note\n');
  });

  it('a read-only folder: refused with the reason, nothing left', () => {
    const dir = workspace();
    const move = planned(dir, 'move');
    const writes = (flags: unknown) => (typeof flags === 'number' ? (flags & (nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT)) !== 0 : /[wa]/.test(String(flags)));
    const readOnly = failing({
      openSync: ((file: string, flags: number, mode?: number) => {
        if (writes(flags)) throw errno('EROFS');
        return nodeFs.openSync(file, flags, mode);
      }) as FileSystem['openSync'],
    });
    assertRefusedUntouched(dir, () => writePlan(dir, move.plan, move.before, readOnly), /read-only file system \(EROFS\)/);
  });

  it('a file changed between plan and write: refused, the change kept', () => {
    const dir = workspace();
    const move = planned(dir, 'move');
    nodeFs.appendFileSync(path.join(dir, FILE), '- a teammate was here\n');
    assert.throws(() => writePlan(dir, move.plan, move.before), /changed on disk while it was being edited/);
    assert.equal(nodeFs.readFileSync(path.join(dir, FILE), 'utf8'), `${TEXT}- a teammate was here\n`);
    assert.deepEqual(tree(dir), ['accounts', 'accounts/ae', 'accounts/ae/apac', 'accounts/ae/apac/x.md'].map((p) => p.split('/').join(path.sep)));
  });

  it('a teammate who wrote into the old file during the rename: their line is put back, the edit refused', () => {
    for (const kind of ['move', 'handoff'] as const) {
      const dir = workspace();
      const { plan, before } = planned(dir, kind);
      const source = path.join(dir, FILE);
      let teammate: number | undefined;
      const racing = failing({
        // The teammate's editor opened the file before the rename and writes just after it.
        linkSync: (from, to) => {
          teammate = nodeFs.openSync(source, 'a');
          nodeFs.linkSync(from, to);
        },
        renameSync: (from, to) => {
          if (to === source && teammate === undefined) teammate = nodeFs.openSync(source, 'a');
          nodeFs.renameSync(from, to);
        },
        unlinkSync: (file) => {
          nodeFs.unlinkSync(file);
          if (file === source && teammate !== undefined) nodeFs.writeSync(teammate, '- written during the handoff\n');
        },
        fsyncSync: (fd) => {
          if (teammate !== undefined && kind === 'move') nodeFs.writeSync(teammate, '- written during the move\n');
          nodeFs.fsyncSync(fd);
        },
      });
      assert.throws(() => writePlan(dir, plan, before, racing), /changed on disk while it was being edited/, kind);
      nodeFs.closeSync(teammate!);
      assert.match(nodeFs.readFileSync(source, 'utf8'), /^---\nname: X\nstage: closed_won # won on Friday\nae: dewi@example.com\n---\n# X\n- written during the (move|handoff)\n$/, kind);
      assert.equal(nodeFs.existsSync(path.join(dir, 'accounts/am/apac/x.md')), false, kind);
      assert.equal(tree(dir).some((p) => /handoff-(tmp|lock)/.test(p)), false, kind);
    }
  });

  it('a destination that appears meanwhile is never overwritten', () => {
    const dir = workspace();
    const { plan, before } = planned(dir, 'handoff');
    nodeFs.mkdirSync(path.join(dir, 'accounts/am/apac'), { recursive: true });
    nodeFs.writeFileSync(path.join(dir, 'accounts/am/apac/x.md'), 'a colleague’s account\n');
    assertRefusedUntouched(dir, () => writePlan(dir, plan, before), /accounts\/am\/apac\/x.md already exists; nothing was changed/);
    assert.equal(nodeFs.readFileSync(path.join(dir, 'accounts/am/apac/x.md'), 'utf8'), 'a colleague’s account\n');
  });

  it('a file system without hard links: the new file is created exclusively instead', () => {
    const dir = workspace();
    const { plan, before } = planned(dir, 'handoff');
    writePlan(dir, plan, before, failing({ linkSync: () => { throw errno('EPERM'); } }));
    assert.equal(nodeFs.readFileSync(path.join(dir, 'accounts/am/apac/x.md'), 'utf8'), plan.newText);
    assert.equal(nodeFs.existsSync(path.join(dir, FILE)), false);
  });

  it('waits for a live lock and refuses when it stays; breaks the lock of a process that died', () => {
    const dir = workspace();
    const lock = lockPathOf(path.join(dir, FILE));
    nodeFs.writeFileSync(lock, `${process.pid} ${os.hostname()}\n`);
    const move = planned(dir, 'move');
    const started = Date.now();
    assert.throws(() => writePlan(dir, move.plan, move.before), /another Handoff command is editing accounts\/ae\/apac\/x.md/);
    assert.ok(Date.now() - started >= 2_000, 'it waited for the other process');
    nodeFs.writeFileSync(lock, `999999999 ${os.hostname()}\n`);
    const old = new Date(Date.now() - 5_000);
    nodeFs.utimesSync(lock, old, old);
    writePlan(dir, move.plan, move.before);
    assert.match(nodeFs.readFileSync(path.join(dir, FILE), 'utf8'), /stage: negotiation/);
    assert.equal(nodeFs.existsSync(lock), false);
  });
});
