import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sample, tempWorkspace } from './handoffProcess';

describe('handoff check', () => {
  it('passes the sample workspace with exit 0: renewals and reminders are warnings and information, never errors', () => {
    const result = handoff(['check', '--dir', sample, '--format', 'json', '--today', '2026-11-22']);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.equal(output.accounts, 32);
    const count = (severity: string) => output.problems.filter((p: { severity: string }) => p.severity === severity).length;
    assert.deepEqual([count('error'), count('warning'), count('info')], [0, 8, 6]);
    assert.deepEqual(output.problems.find((p: { file: string }) => p.file === 'accounts/am/apac/jaya-foods.md'), {
      file: 'accounts/am/apac/jaya-foods.md',
      line: 11,
      column: 15,
      severity: 'warning',
      code: 'renewal-overdue',
      message: 'Contract ended 12 days ago (2026-11-10) without a renewal',
    });
  });

  it('fails with exit 1 and lists each problem with file, line, column, severity, code and message', () => {
    const dir = tempWorkspace({
      'accounts/ae/acme.md': '---\nname: Acme\nstage: negotiatoin\n---\n',
      'accounts/am/globex.md': '---\nname: Globex\nstage: active\ncontract_end: 2027-02-30\n---\n',
      'accounts/am/fine.md': '---\nname: Fine\nstage: active\n---\n',
      '.handoff.yml': 'renewal: { notice_days: soon }\n',
    });
    const result = handoff(['check', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 1);
    const output = JSON.parse(result.stdout);
    assert.equal(output.accounts, 3);
    assert.deepEqual(output.problems, [
      { file: '.handoff.yml', line: 1, column: 25, severity: 'error', code: 'invalid-number', message: "'notice_days' must be a whole number of days, 0 or more" },
      { file: 'accounts/ae/acme.md', line: 3, column: 8, severity: 'error', code: 'unknown-stage', message: "stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'?" },
      {
        file: 'accounts/am/fine.md',
        line: 3,
        column: 1,
        severity: 'info',
        code: 'missing-contract-end',
        message: "no 'contract_end:': this customer's renewal is not tracked; add the day the contract ends, such as 'contract_end: 2027-12-31'",
      },
      {
        file: 'accounts/am/globex.md',
        line: 4,
        column: 15,
        severity: 'error',
        code: 'invalid-date',
        message: "'contract_end' must be a real calendar day written YYYY-MM-DD, such as 2026-12-15; '2027-02-30' is not",
      },
    ]);
  });

  it('tells of an AM customer without contract_end (information on its stage line, exit 0), not of a churned one or a deal', () => {
    const dir = tempWorkspace({
      'accounts/am/untracked.md': '---\nname: Untracked\nam: budi@example.com\nstage: active\n---\n',
      'accounts/am/gone.md': '---\nname: Gone\nstage: churned\n---\n',
      'accounts/am/tracked.md': '---\nname: Tracked\nstage: active\ncontract_end: 2027-06-30\n---\n',
      'accounts/ae/deal.md': '---\nname: Deal\nstage: demo\n---\n',
    });
    const result = handoff(['check', '--dir', dir, '--format', 'json', '--today', '2026-11-22']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).problems, [
      {
        file: 'accounts/am/untracked.md',
        line: 4,
        column: 1,
        severity: 'info',
        code: 'missing-contract-end',
        message: "no 'contract_end:': this customer's renewal is not tracked; add the day the contract ends, such as 'contract_end: 2027-12-31'",
      },
    ]);
  });

  it('prints file:line:column lines for people and a summary on stderr', () => {
    const dir = tempWorkspace({ 'accounts/ae/acme.md': '---\nname: Acme\nstage: negotiatoin\n---\n' });
    const result = handoff(['check', '--dir', dir]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "accounts/ae/acme.md:3:8: error: stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'? [unknown-stage]\n");
    assert.equal(result.stderr, 'Checked 1 account file: 1 error.\n');
  });

  it('uses / in paths of nested region folders', () => {
    const dir = tempWorkspace({ 'accounts/ae/apac/id/jakarta.md': '---\nname: J\n---\n' });
    const output = JSON.parse(handoff(['check', '--dir', dir, '--format', 'json']).stdout);
    assert.equal(output.problems[0].file, 'accounts/ae/apac/id/jakarta.md');
  });

  it('never fails on hostile files: ---js, aliases, binary junk', () => {
    const laughs = ['---', 'name: L', 'stage: demo', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill('*' + 'abcdefghi'[i - 1]).join(', ')}]`);
    laughs.push('---', '');
    const dir = tempWorkspace({
      'accounts/ae/js.md': '---js\n{ name: (require("fs").writeFileSync("pwned", "x"), "A") }\n---\n',
      'accounts/ae/laughs.md': laughs.join('\n'),
      'accounts/ae/junk.md': '\u0000\u0001\u0002---\n',
    });
    const result = handoff(['check', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout).problems.map((p: { code: string }) => p.code).sort(), ['alias-limit', 'front-matter-language', 'no-front-matter']);
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
    assert.equal(fs.existsSync('pwned'), false);
  });

  it('exits 2 on usage errors and unreadable workspaces', () => {
    assert.equal(handoff(['check', '--dir', path.join(os.tmpdir(), 'no-such-handoff-workspace')]).code, 2);
    assert.equal(handoff(['check', '--dir', path.join(sample, '.handoff.yml')]).code, 2);
    assert.equal(handoff(['check', '--bogus']).code, 2);
    assert.equal(handoff(['check', '--today', '2026-02-30']).code, 2);
    assert.equal(handoff(['check', '--format', 'xml']).code, 2);
    assert.equal(handoff(['frobnicate']).code, 2);
    const usage = handoff(['list', '--role', 'boss', '--dir', sample]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--role must be ae or am/);
  });

  it('answers --help for every command', () => {
    for (const args of [['--help'], ['check', '--help'], ['list', '--help']]) {
      const result = handoff(args);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^Usage: handoff/);
    }
  });
});

describe('handoff list', () => {
  it('lists every account with file, name, stage, role and every front-matter key', () => {
    const result = handoff(['list', '--dir', sample, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const { accounts } = JSON.parse(result.stdout);
    assert.equal(accounts.length, 32);
    const acme = accounts.find((a: { name: string }) => a.name === 'Acme Corp');
    assert.deepEqual(Object.keys(acme).slice(0, 4), ['file', 'name', 'stage', 'role']);
    assert.equal(acme.file, 'accounts/ae/apac/acme-corp.md');
    assert.equal(acme.role, 'ae');
    assert.equal(acme.arr, 120000);
    assert.equal(acme.close_date, '2026-12-15');
    assert.deepEqual(acme.tags, ['fintech', 'expansion']);
    assert.equal(acme.contacts[0].name, 'Maria Jensen');
  });

  it('filters by stage, role, owner, region and tag', () => {
    const names = (...args: string[]) => JSON.parse(handoff(['list', '--dir', sample, '--format', 'json', ...args]).stdout).accounts.map((a: { name: string }) => a.name);
    assert.deepEqual(names('--stage', 'negotiation'), ['Acme Corp', 'Atlas Insurance']);
    assert.deepEqual(names('--stage', 'closed_won', '--stage', 'closed_lost', '--region', 'APAC'), ['TokoPintar', 'Merapi Mining']);
    assert.equal(names('--role', 'am').length, 16);
    assert.deepEqual(names('--owner', 'sofia', '--stage', 'renewal'), ['Øresund Bikes', 'Thames Legal']);
    assert.deepEqual(names('--tag', 'FINTECH', '--role', 'ae'), ['Garuda Fintech', 'Acme Corp']);
    assert.deepEqual(names('--region', 'nowhere'), []);
  });

  it('prints a table for people', () => {
    const result = handoff(['list', '--dir', sample, '--stage', 'negotiation']);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^NAME\s+STAGE\s+ROLE\s+OWNER\s+REGION\s+ARR\s+FILE$/);
    assert.match(lines[2], /^Acme Corp\s+negotiation\s+AE\s+dewi@example.com\s+APAC\s+USD 120,000\s+accounts\/ae\/apac\/acme-corp.md$/);
    assert.equal(lines.length, 4);
  });

  it('gives the same JSON in every time zone', () => {
    const outputs = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((TZ) => handoff(['list', '--dir', sample, '--format', 'json'], { env: { TZ } }).stdout);
    assert.equal(outputs[0], outputs[1]);
    assert.equal(outputs[0], outputs[2]);
  });
});
