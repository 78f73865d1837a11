// Issue 12, hostile input: paths from the team configuration, templates, prototype keys, vacuous passes.
import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sampleCopy } from './handoffProcess';

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
      assert.doesNotMatch(text, /TOP SECRET/);
      assert.match(text, /\*\*Stakeholders:\*\*/);
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
