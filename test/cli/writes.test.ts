// "Writes you can trust" (SPEC.md) through the CLI, as a user meets it: tricky-but-valid YAML is
// edited right or refused untouched, bytes that are not UTF-8 survive, links and FIFOs are not
// followed, and parallel processes never lose a line or print a stack trace.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, root, tempWorkspace } from './handoffProcess';

const cli = path.join(root, 'dist', 'cli.js');
const file = 'accounts/ae/x.md';
const bytesOf = (dir: string, name = file) => fs.readFileSync(path.join(dir, name));
const textOf = (dir: string, name = file) => fs.readFileSync(path.join(dir, name), 'utf8');

/** Every file below `dir`, relative, sorted: what a failed edit must leave exactly as it was. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

function account(yaml: string, body = '# Notes\n'): string {
  return `---\n${yaml}---\n${body}`;
}

/** What `handoff list` reads back for the file, or undefined when it no longer reads as an account. */
function listed(dir: string, name = file): Record<string, unknown> | undefined {
  const list = handoff(['list', '--dir', dir, '--format', 'json']);
  return (JSON.parse(list.stdout).accounts as Record<string, unknown>[]).find((a) => a.file === name);
}

function errorsOf(dir: string): unknown[] {
  const check = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-23']);
  return (JSON.parse(check.stdout).problems as { severity: string }[]).filter((p) => p.severity === 'error');
}

describe('writes you can trust: tricky-but-valid YAML through `handoff move`', () => {
  const cases: { title: string; yaml: string; expected?: string }[] = [
    {
      title: 'a quoted value whose continuation line reads like a key',
      yaml: 'name: Quoted\nnext_step: "call them\n  stage: tomorrow"\nstage: demo\n',
      expected: 'name: Quoted\nnext_step: "call them\n  stage: tomorrow"\nstage: proposal\n',
    },
    {
      title: 'a plain value continued on a line that reads like a key',
      yaml: 'name: Plain\nnext_step: call them\n  stage:tomorrow\nstage: demo\n',
      expected: 'name: Plain\nnext_step: call them\n  stage:tomorrow\nstage: proposal\n',
    },
    { title: 'a flow mapping', yaml: '{name: Flow, stage: demo}\n', expected: '{name: Flow, stage: proposal}\n' },
    { title: 'an indented mapping', yaml: '  name: Indented\n  stage: demo\n', expected: '  name: Indented\n  stage: proposal\n' },
    { title: 'an anchored key', yaml: 'name: Anchored\n&s stage: demo\n', expected: 'name: Anchored\n&s stage: proposal\n' },
    { title: 'an explicit key', yaml: 'name: Explicit\n? stage\n: demo\n', expected: 'name: Explicit\n? stage\n: proposal\n' },
    { title: 'a tagged value', yaml: 'name: Tagged\nstage: !!str demo # was qualification\n', expected: 'name: Tagged\nstage: !!str proposal # was qualification\n' },
    { title: 'a comment that looks like a key', yaml: 'name: Commented\n# stage: prospecting\nstage: demo\n', expected: 'name: Commented\n# stage: prospecting\nstage: proposal\n' },
    { title: 'a block scalar holding key-like lines', yaml: 'name: Block\nnotes: |\n  stage: lost\n  am: nobody\nstage: demo\n', expected: 'name: Block\nnotes: |\n  stage: lost\n  am: nobody\nstage: proposal\n' },
  ];
  for (const { title, yaml, expected } of cases) {
    it(`${title}: moved in place, nothing else changed`, () => {
      const dir = tempWorkspace({ [file]: account(yaml) });
      const result = handoff(['move', file, 'proposal', '--dir', dir]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(textOf(dir), account(expected!));
      assert.equal(listed(dir)?.stage, 'proposal');
    });
  }

  it('a stage shared by an alias: refused, the file untouched (moving it would move the other key too)', () => {
    const text = account('name: Alias\nstage: &s demo\nlast_stage: *s\n');
    const dir = tempWorkspace({ [file]: text });
    const result = handoff(['move', file, 'proposal', '--dir', dir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Refused: .*last_stage/);
    assert.equal(textOf(dir), text);
  });

  it('a quoted value continued at column 0 (not YAML 1.2): refused, the file untouched', () => {
    const text = account('name: Column0\nnext_step: "call them\nstage: tomorrow"\nstage: demo\n');
    const dir = tempWorkspace({ [file]: text });
    const result = handoff(['move', file, 'proposal', '--dir', dir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Refused: /);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
    assert.equal(textOf(dir), text);
  });

  it('a flow mapping takes a handoff: its stage changes in place, the record goes to the handoff note', () => {
    const text = account('{name: Flow, stage: closed_won, ae: dewi@example.com}\n');
    const dir = tempWorkspace({ [file]: text });
    const result = handoff(['handoff', file, '--to', 'budi@example.com', '--today', '2026-11-23', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    const moved = 'accounts/am/x.md';
    assert.deepEqual(tree(dir), ['accounts', 'accounts/ae', 'accounts/am', 'accounts/am/x.md', 'accounts/handoffs', 'accounts/handoffs/x.md']);
    assert.equal(textOf(dir, moved), account('{name: Flow, stage: onboarding, ae: dewi@example.com}\n'));
    assert.match(textOf(dir, 'accounts/handoffs/x.md'), /^---\nhandoff:\n {2}date: 2026-11-23\n {2}from: dewi@example.com\n {2}to: budi@example.com\n---\n/);
    const listedAfter = listed(dir, moved);
    assert.equal(listedAfter?.stage, 'onboarding');
    assert.equal(listedAfter?.am, 'budi@example.com');
    assert.deepEqual(listedAfter?.handoff, { date: '2026-11-23', from: 'dewi@example.com', to: 'budi@example.com' });
    assert.deepEqual(errorsOf(dir), []);
  });

  it('a flow mapping that names another AM: the am changes in place too', () => {
    const dir = tempWorkspace({ [file]: account('{name: Flow, stage: closed_won, ae: dewi@example.com, am: old@example.com}\n') });
    const result = handoff(['handoff', file, '--to', 'budi@example.com', '--today', '2026-11-23', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(textOf(dir, 'accounts/am/x.md'), account('{name: Flow, stage: onboarding, ae: dewi@example.com, am: budi@example.com}\n'));
  });

  it('an indented mapping: the stage changes at its place, the record goes to the handoff note', () => {
    const dir = tempWorkspace({ [file]: account('  name: Indented\n  stage: closed_won\n  ae: dewi@example.com\n') });
    const result = handoff(['handoff', file, '--to', 'budi@example.com', '--today', '2026-11-23', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    const moved = 'accounts/am/x.md';
    assert.equal(textOf(dir, moved), account('  name: Indented\n  stage: onboarding\n  ae: dewi@example.com\n'));
    assert.deepEqual(listed(dir, moved)?.handoff, { date: '2026-11-23', from: 'dewi@example.com', to: 'budi@example.com' });
    assert.equal(listed(dir, moved)?.am, 'budi@example.com');
    assert.deepEqual(errorsOf(dir), []);
  });
});

describe('writes you can trust: bytes', () => {
  it('keeps a body that is not UTF-8 byte for byte (a Latin-1 résumé)', () => {
    const dir = tempWorkspace({});
    const latin1 = Buffer.concat([Buffer.from('---\nname: Latin\nstage: demo\n---\nR'), Buffer.from([0xe9]), Buffer.from('sum'), Buffer.from([0xe9]), Buffer.from(' attached\n')]);
    fs.mkdirSync(path.join(dir, 'accounts/ae'), { recursive: true });
    fs.writeFileSync(path.join(dir, file), latin1);
    const result = handoff(['move', file, 'proposal', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    const expected = Buffer.from(latin1.toString('latin1').replace('stage: demo', 'stage: proposal'), 'latin1');
    assert.deepEqual(bytesOf(dir), expected);
  });

  it('keeps a NUL and a lone CR in the body', () => {
    const text = account('name: Odd\nstage: demo\n', 'a\0b\rc\n');
    const dir = tempWorkspace({ [file]: text });
    assert.equal(handoff(['move', file, 'proposal', '--dir', dir]).code, 0);
    assert.equal(textOf(dir), text.replace('stage: demo', 'stage: proposal'));
  });
});

describe('writes you can trust: big files and owners', () => {
  it('refuses to edit an account file over 64 MB, at once and without running out of memory', () => {
    const dir = tempWorkspace({});
    fs.mkdirSync(path.join(dir, 'accounts/ae'), { recursive: true });
    const fd = fs.openSync(path.join(dir, file), 'w');
    fs.writeSync(fd, account('name: Huge\nstage: demo\n'));
    fs.writeSync(fd, Buffer.alloc(65 * 1024 * 1024, 'a'));
    fs.closeSync(fd);
    const before = fs.statSync(path.join(dir, file));
    const result = handoff(['move', file, 'proposal', '--dir', dir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Refused: accounts\/ae\/x.md is 66 MB; Handoff edits account files of up to 64 MB\n$/);
    assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, before.mtimeMs);
  });

  it("keeps the file's owner and group when root edits it", function () {
    if (process.getuid?.() !== 0) this.skip();
    const dir = tempWorkspace({ [file]: account('name: Owned\nstage: demo\n') });
    fs.chownSync(path.join(dir, file), 1234, 2345);
    assert.equal(handoff(['move', file, 'proposal', '--dir', dir]).code, 0);
    const stat = fs.statSync(path.join(dir, file));
    assert.deepEqual([stat.uid, stat.gid], [1234, 2345]);
  });
});

describe('writes you can trust: only regular files inside the workspace', () => {
  it('refuses to edit an account file that is a symbolic link; link and target stay as they were', () => {
    const dir = tempWorkspace({ 'shared/real.md': account('name: Linked\nstage: demo\n') });
    fs.mkdirSync(path.join(dir, 'accounts/ae'), { recursive: true });
    fs.symlinkSync('../../shared/real.md', path.join(dir, file));
    const result = handoff(['move', file, 'proposal', '--dir', dir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Refused: .*symbolic link/);
    assert.ok(fs.lstatSync(path.join(dir, file)).isSymbolicLink());
    assert.match(textOf(dir, 'shared/real.md'), /stage: demo/);
  });

  it('refuses a handoff into a region folder that links out of the workspace; nothing is written outside', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-outside-'));
    const dir = tempWorkspace({ 'accounts/ae/apac/x.md': account('name: Out\nstage: closed_won\nae: dewi@example.com\n') });
    fs.mkdirSync(path.join(dir, 'accounts/am'), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'accounts/am/apac'));
    const result = handoff(['handoff', 'accounts/ae/apac/x.md', '--to', 'budi@example.com', '--dir', dir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Refused: .*(link|outside)/);
    assert.deepEqual(fs.readdirSync(outside), []);
    assert.ok(fs.existsSync(path.join(dir, 'accounts/ae/apac/x.md')));
  });

  it('refuses a FIFO named like an account at once, and `check` does not hang on it', () => {
    const dir = tempWorkspace({ 'accounts/ae/ok.md': account('name: Ok\nstage: demo\n') });
    const fifo = path.join(dir, 'accounts/ae/x.md');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, 'mkfifo is available');
    const options = { encoding: 'utf8' as const, timeout: 10_000 };
    const move = spawnSync(process.execPath, [cli, 'move', file, 'proposal', '--dir', dir], options);
    assert.equal(move.error, undefined, 'move returned');
    assert.notEqual(move.status, 0);
    assert.match(move.stderr, /not a regular file|not an account/);
    const check = spawnSync(process.execPath, [cli, 'check', '--dir', dir, '--format', 'json'], options);
    assert.equal(check.error, undefined, 'check returned');
    assert.equal(JSON.parse(check.stdout).accounts >= 1, true);
  });
});

describe('writes you can trust: parallel processes', () => {
  function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }
  const stages = ['prospecting', 'qualification', 'demo', 'proposal', 'negotiation'];

  it('twenty parallel moves of one file: each succeeds on what it read or refuses; the file is one of the successes', async () => {
    const base = account('name: Busy\nstage: closed_lost # keep this comment\nae: dewi@example.com\n', '# Busy\n\nA long body.\n'.repeat(200));
    const dir = tempWorkspace({ [file]: base });
    const moves = Array.from({ length: 20 }, (_, i) => stages[i % stages.length]);
    const results = await Promise.all(moves.map((stage) => run(['move', file, stage, '--dir', dir])));
    for (const result of results) {
      assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /unexpected failure|\n\s+at /);
      if (result.code === 1) assert.match(result.stderr, /^Refused: .*(changed|another)/);
    }
    const succeeded = moves.filter((_, i) => results[i].code === 0);
    assert.ok(succeeded.length >= 1, 'at least one move succeeds');
    const final = textOf(dir);
    assert.ok(succeeded.some((stage) => final === base.replace('stage: closed_lost', `stage: ${stage}`)), `final file is one successful move:\n${final.slice(0, 200)}`);
    assert.deepEqual(tree(dir), ['accounts', 'accounts/ae', 'accounts/ae/x.md']);
  });

  it('a line a teammate appends while moves run is never lost', async () => {
    const dir = tempWorkspace({ [file]: account('name: Appended\nstage: demo\n', '# Log\n') });
    let appending = true;
    const appended: string[] = [];
    // A line every 2 ms, as fast as a script or an editor's auto-save: the old write path lost ~10 a run.
    const appender = (async () => {
      for (let i = 0; appending; i++) {
        const line = `- teammate line ${i}\n`;
        fs.appendFileSync(path.join(dir, file), line);
        appended.push(line);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => run(['move', file, stages[i % stages.length], '--dir', dir])));
    appending = false;
    await appender;
    for (const result of results) assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
    const final = textOf(dir);
    for (const line of appended) assert.ok(final.includes(line), `lost ${JSON.stringify(line)}`);
  });

  it('parallel handoffs of one deal: one succeeds, the others refuse without a stack trace', async () => {
    const dir = tempWorkspace({ 'accounts/ae/apac/x.md': account('name: Won\nstage: closed_won\nae: dewi@example.com\n') });
    const results = await Promise.all(Array.from({ length: 8 }, () => run(['handoff', 'accounts/ae/apac/x.md', '--to', 'budi@example.com', '--dir', dir])));
    assert.equal(results.filter((r) => r.code === 0).length, 1, results.map((r) => r.stderr).join('\n'));
    for (const result of results.filter((r) => r.code !== 0)) {
      assert.ok(result.code === 1 || result.code === 2, `exit ${result.code}: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /unexpected failure|\n\s+at /);
    }
    // Exactly one note, with one handoff record and one note: the refused runs left nothing of theirs.
    assert.deepEqual(tree(dir), ['accounts', 'accounts/ae', 'accounts/ae/apac', 'accounts/am', 'accounts/am/apac', 'accounts/am/apac/x.md', 'accounts/handoffs', 'accounts/handoffs/apac', 'accounts/handoffs/apac/x.md']);
    const note = textOf(dir, 'accounts/handoffs/apac/x.md');
    assert.equal(note.match(/^handoff:/gm)?.length, 1, note);
    assert.equal(note.match(/## Handoff note/g)?.length, 1, note);
    assert.equal(textOf(dir, 'accounts/am/apac/x.md'), account('name: Won\nstage: onboarding\nae: dewi@example.com\n'));
  });
});
