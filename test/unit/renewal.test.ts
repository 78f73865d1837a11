import * as assert from 'node:assert/strict';
import { type Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { addDays } from '../../src/core/model/calendarDay';
import { defaultConfig, type TeamConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { remindersOf } from '../../src/core/insight/reminders';
import { describeRenewal, renewalOf, renewalsOf } from '../../src/core/insight/renewal';
import { accountText } from './memorySource';

const config = defaultConfig();
const TODAY = '2026-11-22';

function am(fields: Record<string, string | number | boolean>, file = 'accounts/am/x.md'): Account {
  return readAccount(file, file.includes('/am/') ? 'am' : 'ae', accountText({ name: 'X', stage: file.includes('/am/') ? 'active' : 'negotiation', ...fields }), config).account!;
}

/** Severity of a contract ending on `contractEnd`, with the default 60 notice days and warn days [90, 60, 30]. */
function severity(contractEnd: string, extra: Record<string, string | number | boolean> = {}, team: TeamConfig = config) {
  return renewalOf(am({ contract_end: contractEnd, ...extra }), team, TODAY)?.severity;
}

describe('renewalOf', () => {
  it('computes days left and the notice deadline', () => {
    const renewal = renewalOf(am({ contract_end: '2027-01-31' }), config, TODAY)!;
    assert.equal(renewal.daysLeft, 70);
    assert.equal(renewal.noticeDeadline, '2026-12-02');
    assert.equal(renewal.daysToDeadline, 10);
    assert.equal(describeRenewal(renewal), 'Notice deadline in 10 days (2026-12-02) · contract ends 2027-01-31');
  });

  it('overdue: the contract ended before today; ending today is not overdue', () => {
    assert.equal(severity('2026-11-21'), 'overdue');
    assert.equal(severity('2026-11-22'), 'notice-passed');
    assert.equal(describeRenewal(renewalOf(am({ contract_end: '2026-11-10' }), config, TODAY)!), 'Contract ended 12 days ago (2026-11-10) without a renewal');
  });

  it('notice-passed: the deadline was before today and the contract has not ended', () => {
    assert.equal(severity(addDays(TODAY, 59)), 'notice-passed');
    assert.equal(severity(addDays(TODAY, 1)), 'notice-passed');
  });

  it('critical: the deadline is today or within the smallest warn days', () => {
    assert.equal(severity(addDays(TODAY, 60)), 'critical', 'deadline today');
    assert.equal(severity(addDays(TODAY, 90)), 'critical', 'deadline in 30 days');
    assert.equal(severity(addDays(TODAY, 91)), 'warning', 'deadline in 31 days');
  });

  it('warning: within the largest warn days; ok beyond', () => {
    assert.equal(severity(addDays(TODAY, 150)), 'warning', 'deadline in 90 days');
    assert.equal(severity(addDays(TODAY, 151)), 'ok', 'deadline in 91 days');
  });

  it('auto_renew turns notice-passed, critical and warning into info; overdue and ok stay', () => {
    assert.equal(severity(addDays(TODAY, 10), { auto_renew: true }), 'info');
    assert.equal(severity(addDays(TODAY, 70), { auto_renew: true }), 'info');
    assert.equal(severity(addDays(TODAY, 120), { auto_renew: true }), 'info');
    assert.equal(severity(addDays(TODAY, -1), { auto_renew: true }), 'overdue');
    assert.equal(severity(addDays(TODAY, 400), { auto_renew: true }), 'ok');
    assert.equal(severity(addDays(TODAY, 10), { auto_renew: false }), 'notice-passed');
  });

  it("uses the account's own notice_days", () => {
    assert.equal(severity(addDays(TODAY, 20), { notice_days: 30 }), 'notice-passed');
    assert.equal(severity(addDays(TODAY, 30), { notice_days: 30 }), 'critical');
    assert.equal(renewalOf(am({ contract_end: '2026-12-31', notice_days: 0 }), config, TODAY)?.noticeDeadline, '2026-12-31');
  });

  it("uses the team's warn days and notice days", () => {
    const team = parseConfig('renewal: { warn_days: [14, 45], notice_days: 30 }\n').config;
    assert.equal(severity(addDays(TODAY, 44), {}, team), 'critical', 'deadline in 14 days');
    assert.equal(severity(addDays(TODAY, 45), {}, team), 'warning', 'deadline in 15 days');
    assert.equal(severity(addDays(TODAY, 75), {}, team), 'warning', 'deadline in 45 days');
    assert.equal(severity(addDays(TODAY, 76), {}, team), 'ok');
  });

  it('leaves out AE accounts whatever their dates, churned customers, and accounts without a valid contract_end', () => {
    assert.equal(renewalOf(am({ contract_end: '2026-11-01' }, 'accounts/ae/x.md'), config, TODAY), undefined);
    assert.equal(renewalOf(am({ contract_end: '2026-11-01', stage: 'churned' }), config, TODAY), undefined);
    assert.equal(renewalOf(am({}), config, TODAY), undefined);
    assert.equal(renewalOf(am({ contract_end: '2026-02-30' }), config, TODAY), undefined);
  });

  it('is the same in every time zone, across a daylight-saving change', () => {
    const saved = process.env.TZ;
    try {
      const results = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London'].map((zone) => {
        process.env.TZ = zone;
        return renewalOf(am({ contract_end: '2027-04-01' }), config, '2027-03-20');
      });
      assert.deepEqual(results.map((r) => [r?.daysLeft, r?.noticeDeadline]), [[12, '2027-01-31'], [12, '2027-01-31'], [12, '2027-01-31']]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('orders renewals most urgent first', () => {
    const accounts = [am({ contract_end: '2027-12-31' }, 'accounts/am/a.md'), am({ contract_end: '2026-11-01' }, 'accounts/am/b.md'), am({ contract_end: '2027-01-31' }, 'accounts/am/c.md')];
    assert.deepEqual(renewalsOf(accounts, config, TODAY).map((r) => r.account.file), ['accounts/am/b.md', 'accounts/am/c.md', 'accounts/am/a.md']);
  });
});

describe('remindersOf', () => {
  it('gives a renewal warning on the contract_end line, information for auto-renewals, nothing when ok', () => {
    const [warning] = remindersOf(am({ contract_end: '2027-01-31' }), config, TODAY);
    assert.deepEqual([warning.code, warning.severity, warning.line, warning.column], ['renewal-critical', 'warning', 4, 15]);
    assert.equal(remindersOf(am({ contract_end: '2027-01-31', auto_renew: true }), config, TODAY)[0].severity, 'info');
    assert.deepEqual(remindersOf(am({ contract_end: '2028-01-31' }), config, TODAY), []);
  });

  it('reports stale contact and overdue next steps as information, on open accounts only', () => {
    const problems = remindersOf(am({ last_contact: '2026-10-01', next_step: 'Send the QBR deck', next_step_date: '2026-11-20' }), config, TODAY);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [
      ['stale-contact', 'info', 4],
      ['next-step-overdue', 'info', 6],
    ]);
    assert.equal(problems[0].message, "No contact for 52 days (last 2026-10-01); the team's limit is 30");
    assert.equal(problems[1].message, 'Next step overdue since 2026-11-20 (2 days ago): Send the QBR deck');
    assert.deepEqual(remindersOf(am({ last_contact: '2026-10-23' }), config, TODAY), [], '30 days is not stale');
    assert.equal(remindersOf(am({ last_contact: '2026-10-22' }), config, TODAY).length, 1, '31 days is');
    assert.deepEqual(remindersOf(am({ last_contact: '2026-01-01', stage: 'churned' }), config, TODAY), []);
  });

  it('never reports an error', () => {
    const all = remindersOf(am({ contract_end: '2026-01-01', last_contact: '2025-01-01', next_step_date: '2025-01-01' }), config, TODAY);
    assert.equal(all.length, 3);
    assert.ok(all.every((p) => p.severity !== 'error'));
  });
});
