import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { handoff, sampleCopy as workspace } from './handoffProcess';

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('handoff move', () => {
  it('changes the stage line alone, byte for byte', () => {
    const dir = workspace();
    const file = 'accounts/ae/apac/acme-corp.md';
    const before = read(dir, file);
    const result = handoff(['move', file, 'closed_won', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Acme Corp: negotiation → closed_won\n');
    assert.equal(read(dir, file), before.replace('\nstage: negotiation\n', '\nstage: closed_won\n'));
  });

  it('keeps CRLF line endings and a BOM', () => {
    const dir = workspace();
    const crlf = 'accounts/am/emea/thames-legal.md';
    const bom = 'accounts/am/emea/alpine-hotels.md';
    const [crlfBefore, bomBefore] = [read(dir, crlf), read(dir, bom)];
    assert.equal(handoff(['move', crlf, 'active', '--dir', dir]).code, 0);
    assert.equal(handoff(['move', bom, 'at_risk', '--dir', dir]).code, 0);
    assert.equal(read(dir, crlf), crlfBefore.replace('\r\nstage: renewal\r\n', '\r\nstage: active\r\n'));
    assert.equal(read(dir, bom), bomBefore.replace('\nstage: active\n', '\nstage: at_risk\n'));
    assert.ok(read(dir, bom).startsWith('\ufeff---'));
  });

  it('accepts a path relative to the current folder inside the workspace', () => {
    const dir = workspace();
    const result = handoff(['move', 'apac/acme-corp.md', 'proposal', '--dir', dir], { cwd: path.join(dir, 'accounts', 'ae') });
    assert.equal(result.code, 0, result.stderr);
    assert.match(read(dir, 'accounts/ae/apac/acme-corp.md'), /\nstage: proposal\n/);
  });

  it('refuses unknown stages and stages of the other role with exit 1, changing nothing', () => {
    const dir = workspace();
    const file = 'accounts/ae/apac/acme-corp.md';
    const before = read(dir, file);
    const unknown = handoff(['move', file, 'signed', '--dir', dir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^Refused: 'signed' is not a stage of this team/);
    const crossing = handoff(['move', file, 'onboarding', '--dir', dir]);
    assert.equal(crossing.code, 1);
    assert.match(crossing.stderr, /hand it off to an AM \(handoff\)/);
    assert.equal(read(dir, file), before);
  });

  it('exits 2 for a file that is not an account or does not exist', () => {
    const dir = workspace();
    assert.equal(handoff(['move', 'README.md', 'demo', '--dir', dir]).code, 2);
    assert.equal(handoff(['move', 'accounts/ae/nope.md', 'demo', '--dir', dir]).code, 2);
    assert.equal(handoff(['move', 'accounts/ae/apac/acme-corp.md', '--dir', dir]).code, 2);
  });
});

describe('handoff handoff', () => {
  it('moves a won deal to the same place under am/ changing only its stage, and writes the handoff record and the team template to the handoff note', () => {
    const dir = workspace();
    const before = read(dir, 'accounts/ae/apac/tokopintar.md');
    const result = handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'TokoPintar handed off to budi@example.com (onboarding) (accounts/ae/apac/tokopintar.md → accounts/am/apac/tokopintar.md)\nHandoff note: accounts/handoffs/apac/tokopintar.md\n');
    assert.equal(fs.existsSync(path.join(dir, 'accounts/ae/apac/tokopintar.md')), false);
    assert.equal(read(dir, 'accounts/am/apac/tokopintar.md'), before.replace('\nstage: closed_won\n', '\nstage: onboarding\n'));
    const note = read(dir, 'accounts/handoffs/apac/tokopintar.md');
    assert.match(note, /^---\nhandoff:\n  date: 2026-11-22\n  from: rizky@example.com\n  to: budi@example.com\n---\n/);
    assert.match(note, /\n## Handoff note — 2026-11-22\n\nFrom rizky@example.com \(AE\) to budi@example.com \(AM\)\. Fill this in/);
    const check = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-22']);
    const problems = JSON.parse(check.stdout).problems.filter((p: { file: string }) => p.file.includes('tokopintar'));
    // The account is valid; its note is reported (a warning, by default) until someone fills it in.
    assert.deepEqual(
      problems.map((p: { file: string; code: string; severity: string }) => [p.file, p.code, p.severity]),
      [['accounts/handoffs/apac/tokopintar.md', 'handoff-note-empty', 'warning']],
    );
    assert.equal(check.code, 0);
  });

  it('says in JSON where the handoff note is', () => {
    const dir = workspace();
    const result = handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      file: 'accounts/ae/apac/tokopintar.md',
      new_file: 'accounts/am/apac/tokopintar.md',
      changed: true,
      summary: 'TokoPintar handed off to budi@example.com (onboarding)',
      note: 'accounts/handoffs/apac/tokopintar.md',
    });
  });

  it('refuses a deal that is not won unless --force', () => {
    const dir = workspace();
    const refused = handoff(['handoff', 'accounts/ae/apac/acme-corp.md', '--to', 'budi@example.com', '--dir', dir]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is in 'negotiation', not 'closed_won'/);
    assert.ok(fs.existsSync(path.join(dir, 'accounts/ae/apac/acme-corp.md')));
    assert.equal(handoff(['handoff', 'accounts/ae/apac/acme-corp.md', '--to', 'budi@example.com', '--force', '--dir', dir]).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'accounts/am/apac/acme-corp.md')));
  });

  it('refuses rather than overwrites a destination that exists', () => {
    const dir = workspace();
    const destination = path.join(dir, 'accounts/am/apac/tokopintar.md');
    fs.writeFileSync(destination, 'someone else\n');
    const result = handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--dir', dir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /accounts\/am\/apac\/tokopintar.md already exists; nothing was changed/);
    assert.equal(fs.readFileSync(destination, 'utf8'), 'someone else\n');
    assert.match(read(dir, 'accounts/ae/apac/tokopintar.md'), /stage: closed_won/);
  });

  it('needs --to', () => {
    assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--dir', workspace()]).code, 2);
  });
});

describe('the note gate: check reports a handoff note with empty items', () => {
  it('on the note file at its first empty item, a warning by default, an error (exit 1) with require_note: error, nothing when off or filled', () => {
    const dir = workspace();
    assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
    const noteFile = 'accounts/handoffs/apac/tokopintar.md';
    const note = read(dir, noteFile);
    const gate = () => {
      const check = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-22']);
      const problems = (JSON.parse(check.stdout).problems as { file: string; line: number; severity: string; code: string; message: string }[]).filter((p) => p.code === 'handoff-note-empty');
      return { code: check.code, problems };
    };
    const warning = gate();
    assert.equal(warning.code, 0);
    assert.deepEqual(
      warning.problems.map((p) => [p.file, p.line, p.severity, p.message]),
      [[noteFile, note.split('\n').indexOf('- **Stakeholders:**') + 1, 'warning', 'the handoff note has 6 empty items: Stakeholders, Why they bought, Success criteria, Promises made, Risks, Technical environment']],
    );
    assert.equal(warning.problems[0].line, 12);
    const config = read(dir, '.handoff.yml');
    fs.writeFileSync(path.join(dir, '.handoff.yml'), config.replace('  template: templates/handoff-note.md', '  template: templates/handoff-note.md\n  require_note: error'));
    const error = gate();
    assert.equal(error.code, 1);
    assert.deepEqual(error.problems.map((p) => [p.file, p.severity]), [[noteFile, 'error']]);
    // Filled in, item by item: the gate names what is left, then is quiet.
    fs.writeFileSync(path.join(dir, noteFile), note.replace(/^(- \*\*(?!Risks)[^*]+:\*\*)$/gm, '$1 done'));
    const left = gate();
    assert.deepEqual(left.problems.map((p) => [p.line, p.message]), [[note.split('\n').indexOf('- **Risks:**') + 1, 'the handoff note has an empty item: Risks']]);
    fs.writeFileSync(path.join(dir, noteFile), note.replace(/^(- \*\*[^*]+:\*\*)$/gm, '$1 done'));
    assert.deepEqual(gate(), { code: 0, problems: [] });
    fs.writeFileSync(path.join(dir, noteFile), note);
    fs.writeFileSync(path.join(dir, '.handoff.yml'), config.replace('  template: templates/handoff-note.md', '  template: templates/handoff-note.md\n  require_note: off'));
    assert.deepEqual(gate().problems, []);
  });
});

describe('handoff handback', () => {
  it('moves an AM account back to the AE folder changing its stage and AE, and records the reason in the handoff note', () => {
    const dir = workspace();
    const before = read(dir, 'accounts/am/emea/kraken-shipping.md');
    const result = handoff(['handback', 'accounts/am/emea/kraken-shipping.md', '--to', 'tom@example.com', '--reason', 'Needs a new deal for the APAC fleet', '--today', '2026-11-22', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\nHandoff note: accounts\/handoffs\/emea\/kraken-shipping.md\n$/);
    // tom is the AE it names already: the stage alone changes.
    assert.equal(read(dir, 'accounts/ae/emea/kraken-shipping.md'), before.replace('\nstage: at_risk\n', '\nstage: negotiation\n'));
    const note = read(dir, 'accounts/handoffs/emea/kraken-shipping.md');
    assert.match(note, /^---\nhandback:\n  date: 2026-11-22\n  from: sofia@example.com\n  to: tom@example.com\n  reason: Needs a new deal for the APAC fleet\n---\n/);
    assert.match(note, /\n## Hand-back note — 2026-11-22\n\nFrom sofia@example.com back to tom@example.com: Needs a new deal for the APAC fleet\n$/);
    assert.equal(handoff(['handback', 'accounts/ae/emea/kraken-shipping.md', '--to', 'x', '--reason', 'y', '--dir', dir]).code, 1);
  });

  it('hands back to another AE: the ae line changes with the stage, and the record goes to the note of the handoff', () => {
    const dir = workspace();
    assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
    const before = read(dir, 'accounts/am/apac/tokopintar.md');
    const result = handoff(['handback', 'accounts/am/apac/tokopintar.md', '--to', 'dewi@example.com', '--reason', 'Upsell', '--today', '2026-11-23', '--dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read(dir, 'accounts/ae/apac/tokopintar.md'), before.replace('\nstage: onboarding\nae: rizky@example.com\n', '\nstage: negotiation\nae: dewi@example.com\n'));
    const note = read(dir, 'accounts/handoffs/apac/tokopintar.md');
    assert.match(note, /^---\nhandoff:\n  date: 2026-11-22\n  from: rizky@example.com\n  to: budi@example.com\nhandback:\n  date: 2026-11-23\n  from: budi@example.com\n  to: dewi@example.com\n  reason: Upsell\n---\n/);
    assert.match(note, /## Handoff note — 2026-11-22[\s\S]*\n## Hand-back note — 2026-11-23\n/);
  });

  it('needs --to and --reason', () => {
    const dir = workspace();
    assert.equal(handoff(['handback', 'accounts/am/emea/kraken-shipping.md', '--to', 'tom@example.com', '--dir', dir]).code, 2);
    assert.equal(handoff(['handback', 'accounts/am/emea/kraken-shipping.md', '--reason', 'r', '--dir', dir]).code, 2);
  });
});
