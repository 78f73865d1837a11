// Issue 12, hostile input: paths from the team configuration, templates, prototype keys, vacuous passes.
import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sampleCopy, tempWorkspace } from './handoffProcess';

const WON = 'accounts/ae/apac/tokopintar.md';
const handOff = (dir: string) => handoff(['handoff', WON, '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]);
const setTemplate = (dir: string, template: string) => {
  const file = path.join(dir, '.handoff.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^  template: .*$/m, `  template: ${template}`));
};

describe('hostile config: templates and paths stay inside the workspace', () => {
  // A secret outside the workspace that no handoff note may ever contain.
  const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-secret-')), 'secret.md');
  fs.writeFileSync(secret, 'TOP SECRET\n');

  for (const escape of [path.relative(os.tmpdir(), secret).replace(/^/, '../../../../../../../../tmp/'), secret]) {
    it(`reports template: ${escape.startsWith('/') ? 'an absolute path' : '../../…'} in check (config-path) and hands off with the built-in checklist`, () => {
      const dir = sampleCopy();
      setTemplate(dir, JSON.stringify(escape));
      const check = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-22']);
      assert.equal(check.code, 1);
      const problems = JSON.parse(check.stdout).problems.filter((p: { code: string }) => p.code === 'config-path');
      assert.deepEqual(problems.map((p: { file: string; line: number; severity: string }) => [p.file, p.line, p.severity]), [['.handoff.yml', 8, 'error']]);
      const result = handOff(dir);
      assert.equal(result.code, 0, result.stderr);
      const text = fs.readFileSync(path.join(dir, 'accounts/am/apac/tokopintar.md'), 'utf8');
      const note = fs.readFileSync(path.join(dir, 'accounts/handoffs/apac/tokopintar.md'), 'utf8');
      assert.doesNotMatch(text, /TOP SECRET/);
      assert.doesNotMatch(note, /TOP SECRET/);
      assert.match(note, /\n- \*\*Stakeholders:\*\* <!-- who signs/, 'the built-in checklist');
    });
  }

  it('refuses a handoff whose template is a symbolic link (even one inside the workspace pointing out), changing nothing', () => {
    const dir = sampleCopy();
    fs.rmSync(path.join(dir, 'templates/handoff-note.md'));
    fs.symlinkSync(secret, path.join(dir, 'templates/handoff-note.md'));
    const before = fs.readFileSync(path.join(dir, WON), 'utf8');
    const result = handOff(dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^Refused: the handoff template templates\/handoff-note\.md is a symbolic link/);
    assert.equal(fs.readFileSync(path.join(dir, WON), 'utf8'), before);
    assert.equal(fs.existsSync(path.join(dir, 'accounts/am/apac/tokopintar.md')), false);
  });

  it('refuses a template reached through a linked folder, a FIFO or a folder, and a missing one', () => {
    const outside = path.dirname(secret);
    const dir = sampleCopy();
    fs.symlinkSync(outside, path.join(dir, 'linked'));
    setTemplate(dir, 'linked/secret.md');
    assert.match(handOff(dir).stderr, /^Refused: the handoff template linked\/secret\.md goes through a symbolic link/);
    setTemplate(dir, 'templates');
    assert.match(handOff(dir).stderr, /^Refused: the handoff template templates is not a regular file/);
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'templates/fifo.md')]).status, 0);
    setTemplate(dir, 'templates/fifo.md');
    assert.match(handOff(dir).stderr, /^Refused: the handoff template templates\/fifo\.md is not a regular file/);
    setTemplate(dir, 'templates/missing.md');
    const missing = handOff(dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^Refused: the handoff template templates\/missing\.md does not exist/);
    assert.ok(fs.existsSync(path.join(dir, WON)));
  });
});

describe('hostile names and keys: prototype keys are plain data', () => {
  const PROTO_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf'];

  it('answers a command named like a prototype key with a usage error (exit 2), no stack trace', () => {
    for (const command of PROTO_KEYS) {
      const result = handoff([command]);
      assert.equal(result.code, 2, command);
      assert.match(result.stderr, new RegExp(`^handoff: unknown command '${command}'`));
      assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/);
    }
  });

  it('keeps every front-matter key in list --format json, prototype names and __proto__ included, as own keys', () => {
    const keys = PROTO_KEYS.map((key, index) => `${key}: ${index + 1}`).join('\n');
    const dir = tempWorkspace({ 'accounts/ae/proto.md': `---\nname: Proto\nstage: demo\n${keys}\nscores: { constructor: 9, toString: 8, __proto__: 7 }\n---\n` });
    const result = handoff(['list', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"__proto__": 5/);
    const [account] = JSON.parse(result.stdout).accounts;
    assert.deepEqual(Object.keys(account), ['file', 'name', 'stage', 'role', ...PROTO_KEYS, 'scores']);
    PROTO_KEYS.forEach((key, index) => assert.equal(Object.getOwnPropertyDescriptor(account, key)?.value, index + 1, key));
    assert.deepEqual(JSON.stringify(account.scores), '{"constructor":9,"toString":8,"__proto__":7}');
    assert.equal(handoff(['check', '--dir', dir]).code, 0);
  });

  it('takes stage ids, criteria, people and template placeholders named like prototype keys', () => {
    const dir = tempWorkspace({
      '.handoff.yml': [
        'stages:',
        '  - { id: constructor, role: ae, probability: 10 }',
        '  - { id: toString, role: ae, probability: 100, closed: true, won: true }',
        '  - { id: __proto__, role: am }',
        'handoff: { from: toString, to: __proto__, template: note.md }',
        'scoring:',
        '  criteria: { constructor: 1, __proto__: 1, valueOf: 1 }',
        'team:',
        '  - { id: constructor, role: am, quota: { 2026-Q4: 100 } }',
        '  - { id: __proto__, role: ae }',
      ].join('\n'),
      'note.md': '## Note {{constructor}} {{toString}} {{__proto__}} {{name}}\n',
      'accounts/ae/a.md': '---\nname: A\nstage: constructor\nae: __proto__\narr: 10\ncurrency: constructor\nscores: { constructor: 10, __proto__: 10, valueOf: 4 }\n---\n',
      'accounts/ae/b.md': '---\nname: B\nstage: toString\nae: __proto__\narr: 20\ncurrency: __proto__\n---\n',
    });
    const check = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-22']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.deepEqual(JSON.parse(check.stdout).problems, []);
    const list = handoff(['list', '--dir', dir, '--stage', 'constructor', '--owner', '__proto__', '--format', 'json']);
    assert.deepEqual(JSON.parse(list.stdout).accounts.map((a: { name: string }) => a.name), ['A']);
    const report = handoff(['report', '--dir', dir, '--period', '2026-Q4', '--today', '2026-11-22', '--format', 'json']);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /"score": 8/);
    const handed = handoff(['handoff', 'accounts/ae/b.md', '--to', 'constructor', '--today', '2026-11-22', '--dir', dir]);
    assert.equal(handed.code, 0, handed.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'accounts/am/b.md'), 'utf8'), /\nstage: __proto__\n/);
    const note = fs.readFileSync(path.join(dir, 'accounts/handoffs/b.md'), 'utf8');
    assert.match(note, /^---\nhandoff:\n  date: 2026-11-22\n  from: __proto__\n  to: constructor\n---\n/);
    assert.match(note, /## Note \{\{constructor\}\} \{\{toString\}\} \{\{__proto__\}\} B\n/);
    const after = handoff(['list', '--dir', dir, '--owner', 'constructor', '--format', 'json']);
    assert.deepEqual(JSON.parse(after.stdout).accounts.map((a: { name: string }) => a.name), ['B'], 'the AM named constructor, read from the note');
  });
});

describe('no vacuous passes: a workspace without its account root is an unreadable workspace', () => {
  it('exits 2 with a clear message when the account root does not exist (text and JSON), for every read command', () => {
    const dir = tempWorkspace({ 'README.md': '# not an accounts repository\n' });
    for (const command of ['check', 'list', 'renewals', 'report']) {
      for (const format of ['text', 'json']) {
        const result = handoff([command, '--dir', dir, '--format', format]);
        assert.equal(result.code, 2, `${command} --format ${format}`);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^handoff \w+: the account root accounts\/ does not exist in .*; create it, or set 'root' in \.handoff\.yml/);
      }
    }
  });

  it('names the config problem when root: is misspelt', () => {
    const dir = tempWorkspace({ '.handoff.yml': 'rooot: crm\n', 'crm/ae/a.md': '---\nname: A\nstage: demo\n---\n' });
    const result = handoff(['check', '--dir', dir]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /the account root accounts\/ does not exist/);
    assert.match(result.stderr, /\n  \.handoff\.yml:1:1: warning: 'rooot' is not a setting Handoff knows/, 'each config problem on a line of its own');
  });

  it('exits 2 when the account root is a file or a link out of the workspace', () => {
    const file = tempWorkspace({ accounts: 'a file\n' });
    const notFolder = handoff(['check', '--dir', file]);
    assert.equal(notFolder.code, 2);
    assert.match(notFolder.stderr, /the account root accounts\/ is not a folder/);
    const outside = tempWorkspace({ 'ae/a.md': '---\nname: A\nstage: demo\n---\n' });
    const linked = tempWorkspace({});
    fs.symlinkSync(outside, path.join(linked, 'accounts'));
    const link = handoff(['check', '--dir', linked]);
    assert.equal(link.code, 2);
    assert.match(link.stderr, /the account root accounts\/ leads out of the workspace/);
  });

  it('passes an account root that exists but holds no accounts yet (exit 0)', () => {
    const dir = tempWorkspace({ 'accounts/.gitkeep': '' });
    const result = handoff(['check', '--dir', dir]);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^Checked 0 account files: no problems\.$/m);
  });
});

describe('hostile content: crafted 160 KB accounts', () => {
  it('are checked, and their problems reported on the right lines (the scans are linear; see linearTime.test.ts)', () => {
    // Continuation lines of a quoted value are indented: YAML 1.2 refuses them at column 0.
    const value = ['notes: "first line', ' a' + ' '.repeat(50_000) + 'x', ...Array(60_000).fill(''), ' -a' + ' \t'.repeat(10_000) + 'end"'].join('\n');
    const text = `---\nname: Crafted\nstage: demo\n${value}\narr: -5\n---\n# a${' '.repeat(30_000)}#\n`;
    assert.ok(text.length > 160_000 && text.length < 170_000, String(text.length));
    // A quoted value of 160,000 line breaks: 18 s before (gray-matter's comment strip), 0.4 s now.
    const blank = `---\nname: Blank\nstage: demo\nnotes: "x${'\n'.repeat(160_000)} "\narr: -1\n---\n`;
    const dir = tempWorkspace({ 'accounts/ae/crafted.md': text, 'accounts/ae/blank.md': blank });
    const result = handoff(['check', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 1, result.stderr);
    const { accounts, problems } = JSON.parse(result.stdout);
    assert.equal(accounts, 2);
    assert.deepEqual(problems.map((p: { file: string; line: number; code: string }) => [p.file, p.line, p.code]), [
      ['accounts/ae/blank.md', 160_005, 'out-of-range'],
      ['accounts/ae/crafted.md', 60_007, 'out-of-range'],
    ]);
  });
});
