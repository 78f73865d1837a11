import * as assert from 'node:assert/strict';
import { type AccountRecord } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import type { Problem } from '../../src/core/model/problem';
import type { Role } from '../../src/core/model/stage';

const config = defaultConfig();
const FILE = 'accounts/ae/acme.md';

function read(lines: string[], role: Role = 'ae'): AccountRecord {
  return readAccount(role === 'ae' ? FILE : 'accounts/am/acme.md', role, ['---', ...lines, '---', '', '# Notes', ''].join('\n'), config);
}

function only(record: AccountRecord): Problem {
  assert.equal(record.problems.length, 1, `expected one problem, got: ${record.problems.map((p) => p.message).join(' | ')}`);
  return record.problems[0];
}

const VALID = ['name: Acme Corp', 'stage: negotiation'];

describe('readAccount', () => {
  it('reads a valid account: data as written, role from the folder, no problems', () => {
    const record = read([...VALID, 'arr: 120000', 'close_date: 2026-12-15', 'tags: [fintech, expansion]', 'custom_field: kept']);
    assert.deepEqual(record.problems, []);
    assert.equal(record.account?.role, 'ae');
    assert.equal(record.account?.name, 'Acme Corp');
    assert.equal(record.account?.stage, 'negotiation');
    assert.deepEqual(record.account?.data, {
      name: 'Acme Corp',
      stage: 'negotiation',
      arr: 120000,
      close_date: '2026-12-15',
      tags: ['fintech', 'expansion'],
      custom_field: 'kept',
    });
  });

  it('keeps dates as the calendar day written, whatever the time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Jakarta']) {
        process.env.TZ = zone;
        const record = read([...VALID, 'close_date: 2026-12-15', 'handoff:', '  date: 2026-11-22']);
        assert.equal(record.account?.data.close_date, '2026-12-15');
        assert.deepEqual(record.account?.data.handoff, { date: '2026-11-22' });
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  describe('required keys', () => {
    it('asks for name and stage, pointing at the opening fence', () => {
      const record = read(['arr: 5']);
      assert.deepEqual(
        record.problems.map((p) => [p.code, p.line, p.column, p.message.slice(0, 30)]),
        [
          ['missing-key', 1, 1, "an account needs 'name:'"],
          ['missing-key', 1, 1, "an account needs 'stage:' (one"],
        ],
      );
      assert.equal(record.account?.name, 'acme', 'the file name stands in for a missing name');
    });

    it('treats an empty value as missing and points at its key', () => {
      const problem = only(read(['name: Acme', 'stage:']));
      assert.equal(problem.code, 'missing-key');
      assert.deepEqual([problem.line, problem.column, problem.endColumn], [3, 1, 6]);
    });
  });

  describe('stages', () => {
    it('suggests the closest stage of the team for a typo, with a fix', () => {
      const problem = only(read(['name: Acme', 'stage: negotiatoin  # typo']));
      assert.equal(problem.code, 'unknown-stage');
      assert.equal(problem.message, "stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'?");
      assert.deepEqual([problem.line, problem.column, problem.endLine, problem.endColumn], [3, 8, 3, 19]);
      assert.deepEqual(problem.fix, { title: "Change stage to 'negotiation'", replacement: 'negotiation' });
    });

    it('lists the stages of the role when nothing is close', () => {
      const problem = only(read(['name: Acme', 'stage: signed']));
      assert.match(problem.message, /AE stages are: prospecting, qualification, demo, proposal, negotiation, closed_won, closed_lost/);
      assert.equal(problem.fix, undefined);
    });

    it('refuses a stage of the other role: an AM stage in the AE folder and back', () => {
      const ae = only(read(['name: Acme', 'stage: onboarding']));
      assert.equal(ae.code, 'stage-role-mismatch');
      assert.match(ae.message, /'onboarding' is an AM stage, but this file is in the AE folder \(accounts\/ae\/\)/);
      const am = only(read(['name: Acme', 'stage: demo'], 'am'));
      assert.equal(am.code, 'stage-role-mismatch');
      assert.match(am.message, /hand the account back to an AE/);
    });
  });

  describe('missing-contract-end', () => {
    it('tells, as information on the stage key, that an AM customer without contract_end has no renewal tracking', () => {
      const problem = only(read(['name: Acme', 'stage: active', 'am: budi@example.com'], 'am'));
      assert.deepEqual([problem.code, problem.severity, problem.line, problem.column, problem.endColumn], ['missing-contract-end', 'info', 3, 1, 6]);
      assert.match(problem.message, /no 'contract_end:': this customer's renewal is not tracked/);
    });

    it('says nothing for a churned customer, an AE deal, a customer with the date, or an invalid date (already an error)', () => {
      assert.deepEqual(read(['name: Acme', 'stage: churned'], 'am').problems, []);
      assert.deepEqual(read(VALID).problems, []);
      assert.deepEqual(read(['name: Acme', 'stage: active', 'contract_end: 2027-12-31'], 'am').problems, []);
      assert.equal(only(read(['name: Acme', 'stage: active', 'contract_end: someday'], 'am')).code, 'invalid-date');
    });
  });

  describe('values', () => {
    const cases: [string, string, string | RegExp][] = [
      ['close_date: 2026-02-30', 'invalid-date', /'close_date' must be a real calendar day/],
      ['contract_end: 2026-13-01', 'invalid-date', /'2026-13-01' is not/],
      ['last_contact: 20261101', 'invalid-date', /20261101 is not/],
      ['next_step_date: next week', 'invalid-date', /'next week' is not/],
      ['arr: "120,000"', 'invalid-number', /write it without quotes or separators, such as 120000/],
      ['arr: -5', 'out-of-range', /-5 is out of range/],
      ['probability: 120', 'out-of-range', /a percentage from 0 to 100/],
      ['notice_days: 1.5', 'out-of-range', /a whole number of days/],
      ['health: 11', 'out-of-range', /'health' must be a score from 1 to 10/],
      ['health: 0', 'out-of-range', /'health' must be a score from 1 to 10/],
      ['auto_renew: yes', 'invalid-boolean', /'auto_renew' must be true or false/],
      ['region: [APAC]', 'invalid-type', /'region' must be text/],
      ['tags: fintech', 'invalid-type', /'tags' must be a list/],
      ['scores: 8', 'invalid-type', /'scores' must be a mapping/],
      ['contacts: Sari', 'invalid-type', /'contacts' must be a list/],
      ['handoff: yesterday', 'invalid-type', /'handoff' must be a mapping/],
    ];
    for (const [line, code, message] of cases) {
      it(`reports ${line} as ${code}, on its line`, () => {
        const problem = only(read([...VALID, line]));
        assert.equal(problem.code, code);
        assert.match(problem.message, message as RegExp);
        assert.equal(problem.line, 4);
        assert.equal(problem.column, line.indexOf(':') + 3);
        assert.equal(problem.severity, 'error');
      });
    }

    it('places problems in nested values on their own line', () => {
      const record = read([
        ...VALID,
        'scores:',
        '  growth_potential: 8',
        '  strategic_fit: 12',
        'contacts:',
        '  - name: Sari',
        '  - role: champion',
        'handoff:',
        '  date: 2026-11-31',
        'opportunities:',
        '  - type: resell',
        '    value: lots',
        '    stage: onboarding',
        '    close_date: 2027-03-31',
      ]);
      assert.deepEqual(
        record.problems.map((p) => [p.code, p.line, p.column]),
        [
          ['out-of-range', 6, 18],
          ['missing-key', 9, 5],
          ['invalid-value', 13, 11],
          ['invalid-number', 14, 12],
          ['unknown-stage', 15, 12],
          ['invalid-date', 11, 9],
        ].map(([code, line, column]) => [code, line, column]),
      );
    });

    it('keeps unknown keys and reports nothing about them', () => {
      const record = read([...VALID, 'favourite_colour: teal', 'nested_thing: { a: [1, 2] }']);
      assert.deepEqual(record.problems, []);
      assert.equal(record.account?.data.favourite_colour, 'teal');
    });
  });

  describe('broken files', () => {
    it('reports a file with no front-matter', () => {
      const record = readAccount(FILE, 'ae', '# Acme\n\nJust notes.\n', config);
      assert.equal(record.account, undefined);
      assert.equal(only(record).code, 'no-front-matter');
    });

    it('reports front-matter that is never closed', () => {
      assert.equal(only(readAccount(FILE, 'ae', '---\nname: Acme\nstage: demo\n# Acme\n', config)).code, 'unclosed-front-matter');
    });

    it('reports YAML syntax errors at their line and column', () => {
      const problem = only(read(['name: Acme', 'stage: demo', 'tags: [a, b', 'arr: 5']));
      assert.equal(problem.code, 'yaml-syntax');
      assert.equal(problem.line, 5);
      assert.match(problem.message, /^the front-matter is not valid YAML: /);
    });

    it('reports a duplicate key on its second appearance', () => {
      const problem = only(read(['name: Acme', 'stage: demo', 'stage: proposal']));
      assert.equal(problem.code, 'duplicate-key');
      assert.equal(problem.line, 4);
    });

    it('reports front-matter that is a list or a single value', () => {
      assert.equal(only(read(['- name: Acme'])).code, 'not-a-mapping');
      assert.equal(only(read(['just text'])).code, 'not-a-mapping');
    });

    it('never runs ---js front-matter', () => {
      const globals = globalThis as Record<string, unknown>;
      delete globals.handoffPwned;
      const text = '---js\n{ name: (globalThis.handoffPwned = true, "Acme"), stage: "demo" }\n---\n';
      for (const fence of ['js', 'javascript', 'coffee']) {
        const problem = only(readAccount(FILE, 'ae', text.replace('---js', `---${fence}`), config));
        assert.equal(problem.code, 'front-matter-language');
        assert.match(problem.message, /never runs code/);
      }
      assert.equal(globals.handoffPwned, undefined);
    });

    it('refuses a billion-laughs file quickly instead of expanding it', () => {
      const lines = ['name: Acme', 'stage: demo', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let level = 1; level < 10; level++) {
        const previous = String.fromCharCode(96 + level);
        const name = String.fromCharCode(97 + level);
        lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
      }
      const started = process.hrtime.bigint();
      const problem = only(read(lines));
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(problem.code, 'alias-limit');
      assert.ok(elapsedMs < 1000, `took ${elapsedMs} ms`);
    });

    it('keeps __proto__ keys as plain data without touching any prototype', () => {
      const record = read([...VALID, '__proto__: { polluted: true }', 'constructor: x']);
      assert.deepEqual(record.problems, []);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(record.account!.data), Object.prototype);
      assert.ok(Object.prototype.hasOwnProperty.call(record.account!.data, '__proto__'));
    });

    it('refuses huge front-matter but reads a huge body', () => {
      const huge = 'notes: "' + 'x'.repeat(600 * 1024) + '"';
      assert.equal(only(read([...VALID, huge])).code, 'file-too-large');
      const bigBody = readAccount(FILE, 'ae', `---\nname: Acme\nstage: demo\n---\n${'Meeting notes. '.repeat(400_000)}`, config);
      assert.deepEqual(bigBody.problems, []);
    });
  });

  describe('positions', () => {
    it('counts lines the same in CRLF files and ignores a BOM in columns', () => {
      const text = '\ufeff---\r\nname: Acme\r\nstage: negotiatoin\r\n---\r\n';
      const problem = only(readAccount(FILE, 'ae', text, config));
      assert.deepEqual([problem.line, problem.column, problem.endColumn], [3, 8, 19]);
    });

    it('spans a quoted value with its quotes', () => {
      const problem = only(read(['name: Acme', 'stage: "negotiatoin"  # typo']));
      assert.deepEqual([problem.column, problem.endColumn], [8, 21]);
    });
  });
});
