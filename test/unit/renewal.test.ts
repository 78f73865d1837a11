import * as assert from 'node:assert/strict';
import { type Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { addDays } from '../../src/core/model/calendarDay';
import { defaultConfig, type TeamConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { describeUpcoming, remindersOf, upcomingDatesOf } from '../../src/core/insight/reminders';
import { awaitsAction, byActionableDay, describeRenewal, renewalDetail, renewalHeadline, renewalOf, renewalsOf } from '../../src/core/insight/renewal';
import { setDisplayLocale } from '../../src/core/model/displayLocale';
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

describe('renewalHeadline: the actionable date first, short enough for a sidebar row', () => {
  // As the extension shows it: VS Code's display language set (English here).
  beforeEach(() => setDisplayLocale('en-US'));
  afterEach(() => setDisplayLocale(undefined));

  // The sample's customers on 2026-11-23: days to contract_end hid the notice deadline.
  const on = (fields: Record<string, string | number | boolean>, day = '2026-11-23') => renewalOf(am(fields), config, day)!;

  it('leads with the notice deadline while notice can be given', () => {
    assert.equal(renewalHeadline(on({ contract_end: '2026-12-31', notice_days: 30 })), 'notice in 8 d · Dec 1 — ends Dec 31');
    assert.equal(renewalHeadline(on({ contract_end: '2027-01-22' })), 'notice due today — ends Jan 22');
  });

  it('says how long ago notice passed, and when the contract ends', () => {
    assert.equal(renewalHeadline(on({ contract_end: '2027-01-10', notice_days: 60 })), 'notice passed 12 d ago — ends Jan 10');
    assert.equal(renewalHeadline(on({ contract_end: '2026-11-23' })), 'notice passed 60 d ago — ends today');
    assert.equal(renewalHeadline(on({ contract_end: '2027-01-10', notice_days: 60 }), true), 'passed 12 d ago — ends Jan 10', 'under the Notice passed heading');
  });

  it('says how long ago an overdue contract ended, and when an auto-renewal renews', () => {
    assert.equal(renewalHeadline(on({ contract_end: '2026-11-20' })), 'ended 3 d ago');
    assert.equal(renewalHeadline(on({ contract_end: '2026-12-31', auto_renew: true })), 'auto-renews Dec 31');
    assert.equal(renewalHeadline(on({ contract_end: '2026-11-20', auto_renew: true })), 'ended 3 d ago', 'an ended contract is overdue, renewal or not');
  });

  it('writes the year of a day far away', () => {
    assert.equal(renewalHeadline(on({ contract_end: '2028-03-31' })), 'notice in 434 d · Jan 31, 2028 — ends Mar 31, 2028');
  });

  it('gives the whole picture, with years, for a tooltip', () => {
    assert.equal(renewalDetail(on({ contract_end: '2026-12-31', notice_days: 30 })), 'Critical: notice deadline Dec 1, 2026 (in 8 days); contract ends Dec 31, 2026 (in 38 days)');
    assert.equal(renewalDetail(on({ contract_end: '2026-12-31', auto_renew: true })), 'Auto-renews: renews by itself Dec 31, 2026 (in 38 days); notice deadline Nov 1, 2026 (22 days ago)');
  });

  it('follows the display language for days', () => {
    setDisplayLocale('id');
    assert.equal(renewalHeadline(on({ contract_end: '2026-12-31', notice_days: 30 })), 'notice in 8 d · 1 Des — ends 31 Des');
  });

  it('orders by the actionable day, most urgent first: notice deadlines before later ones, whatever the contract end', () => {
    const soonNotice = on({ contract_end: '2027-01-31', notice_days: 60 }); // notice 2026-12-02
    const laterNotice = on({ contract_end: '2027-01-05', notice_days: 30 }); // notice 2026-12-06, but ends first
    assert.deepEqual([laterNotice, soonNotice].sort(byActionableDay).map((r) => r.noticeDeadline), ['2026-12-02', '2026-12-06']);
    const accounts = [am({ contract_end: '2027-01-05', notice_days: 30, name: 'Later Notice' }, 'accounts/am/l.md'), am({ contract_end: '2027-01-31', name: 'Soon Notice' }, 'accounts/am/s.md')];
    assert.deepEqual(renewalsOf(accounts, config, '2026-11-23').map((r) => r.account.file), ['accounts/am/s.md', 'accounts/am/l.md']);
  });
});

describe('awaitsAction: what the status bar counts', () => {
  it('leaves out a renewal already in the renewal stage, unless its contract has ended', () => {
    assert.equal(awaitsAction(renewalOf(am({ contract_end: '2027-01-31' }), config, TODAY)!, config), true, 'critical, active');
    assert.equal(awaitsAction(renewalOf(am({ contract_end: '2027-01-31', stage: 'renewal' }), config, TODAY)!, config), false, 'critical, being renewed');
    assert.equal(awaitsAction(renewalOf(am({ contract_end: '2026-11-10', stage: 'renewal' }), config, TODAY)!, config), true, 'overdue, even in renewal');
    assert.equal(awaitsAction(renewalOf(am({ contract_end: '2027-01-31', auto_renew: true }), config, TODAY)!, config), false, 'auto-renews');
  });
});

describe('upcomingDatesOf: reminders before the fact', () => {
  // The lens's words, as the extension shows them: VS Code's display language set (English here).
  beforeEach(() => setDisplayLocale('en-US'));
  afterEach(() => setDisplayLocale(undefined));

  const deal = (fields: Record<string, string | number | boolean>) => am({ stage: 'proposal', ...fields }, 'accounts/ae/d.md');

  it("finds a next step and an open deal's close date within ahead_days (3 by default), today included", () => {
    const found = upcomingDatesOf(deal({ next_step: 'Send the proposal', next_step_date: '2026-11-24', close_date: '2026-11-25' }), config, TODAY);
    assert.deepEqual(found.map((u) => [u.key, u.daysAhead]), [['next_step_date', 2], ['close_date', 3]]);
    assert.equal(describeUpcoming(found[0]), 'next step in 2 d · Nov 24: Send the proposal');
    assert.equal(describeUpcoming(found[1]), 'close date in 3 d · Nov 25');
    assert.equal(describeUpcoming(upcomingDatesOf(deal({ next_step_date: TODAY }), config, TODAY)[0]), 'next step today · Nov 22');
  });

  it('says nothing beyond ahead_days, after the day (the overdue reminder takes over), on closed deals, or with ahead_days 0', () => {
    assert.deepEqual(upcomingDatesOf(deal({ next_step_date: '2026-11-26' }), config, TODAY), []);
    assert.deepEqual(upcomingDatesOf(deal({ next_step_date: '2026-11-21' }), config, TODAY), []);
    assert.deepEqual(upcomingDatesOf(deal({ close_date: '2026-11-23', stage: 'closed_won' }), config, TODAY), []);
    const off = parseConfig('reminders: { ahead_days: 0 }\n').config;
    assert.deepEqual(upcomingDatesOf(deal({ next_step_date: TODAY }), off, TODAY), []);
    const week = parseConfig('reminders: { ahead_days: 7 }\n').config;
    assert.equal(upcomingDatesOf(deal({ next_step_date: '2026-11-29' }), week, TODAY).length, 1);
  });

  it("watches an AM account's next step but not a close date it carries", () => {
    assert.deepEqual(upcomingDatesOf(am({ next_step_date: '2026-11-23', close_date: '2026-11-23' }), config, TODAY).map((u) => u.key), ['next_step_date']);
  });
});
