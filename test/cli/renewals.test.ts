import * as assert from 'node:assert/strict';
import { handoff, tempWorkspace } from './handoffProcess';

const account = (name: string, stage: string, extra: string) => `---\nname: ${name}\nstage: ${stage}\n${extra}---\n`;

describe('handoff renewals', () => {
  const dir = tempWorkspace({
    '.handoff.yml': 'renewal: { warn_days: [30, 90], notice_days: 60 }\n',
    'accounts/am/a.md': account('Overdue', 'active', 'contract_end: 2026-11-21\n'),
    'accounts/am/b.md': account('Ends Today', 'active', 'contract_end: 2026-11-22\n'),
    'accounts/am/c.md': account('Deadline Today', 'renewal', 'contract_end: 2027-01-21\n'),
    'accounts/am/d.md': account('Warning', 'active', 'contract_end: 2027-02-22\n'),
    'accounts/am/e.md': account('Later', 'active', 'contract_end: 2027-11-22\n'),
    'accounts/am/f.md': account('Auto', 'active', 'contract_end: 2027-01-21\nauto_renew: true\n'),
    'accounts/am/g.md': account('Short Notice', 'active', 'contract_end: 2026-12-10\nnotice_days: 30\n'),
    'accounts/am/h.md': account('No Date', 'active', ''),
    'accounts/ae/deal.md': account('A Deal', 'negotiation', 'contract_end: 2026-11-01\n'),
  });

  it('lists AM renewals most urgent first, with the SPEC.md JSON shape', () => {
    const result = handoff(['renewals', '--dir', dir, '--today', '2026-11-22', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      renewals: [
        { file: 'accounts/am/a.md', name: 'Overdue', contract_end: '2026-11-21', days_left: -1, notice_deadline: '2026-09-22', severity: 'overdue' },
        { file: 'accounts/am/b.md', name: 'Ends Today', contract_end: '2026-11-22', days_left: 0, notice_deadline: '2026-09-23', severity: 'notice-passed' },
        { file: 'accounts/am/g.md', name: 'Short Notice', contract_end: '2026-12-10', days_left: 18, notice_deadline: '2026-11-10', severity: 'notice-passed' },
        { file: 'accounts/am/c.md', name: 'Deadline Today', contract_end: '2027-01-21', days_left: 60, notice_deadline: '2026-11-22', severity: 'critical' },
        { file: 'accounts/am/d.md', name: 'Warning', contract_end: '2027-02-22', days_left: 92, notice_deadline: '2026-12-24', severity: 'warning' },
        { file: 'accounts/am/f.md', name: 'Auto', contract_end: '2027-01-21', days_left: 60, notice_deadline: '2026-11-22', severity: 'info' },
        { file: 'accounts/am/e.md', name: 'Later', contract_end: '2027-11-22', days_left: 365, notice_deadline: '2027-09-23', severity: 'ok' },
      ],
    });
  });

  it('keeps contracts ending within --within days, ended ones included', () => {
    const result = handoff(['renewals', '--dir', dir, '--today', '2026-11-22', '--format', 'json', '--within', '18']);
    assert.deepEqual(JSON.parse(result.stdout).renewals.map((r: { name: string }) => r.name), ['Overdue', 'Ends Today', 'Short Notice']);
  });

  it('prints a table for people', () => {
    const lines = handoff(['renewals', '--dir', dir, '--today', '2026-11-22']).stdout.trimEnd().split('\n');
    assert.match(lines[0], /^SEVERITY\s+NAME\s+CONTRACT END\s+DAYS LEFT\s+NOTICE BY\s+ARR\s+AM\s+FILE$/);
    assert.match(lines[2], /^overdue\s+Overdue\s+2026-11-21\s+-1\s+2026-09-22\s+accounts\/am\/a.md$/);
    assert.equal(lines.length, 9);
  });

  it('exits 2 on a bad --within or --today', () => {
    assert.equal(handoff(['renewals', '--dir', dir, '--within', 'soon']).code, 2);
    assert.equal(handoff(['renewals', '--dir', dir, '--within', '-3']).code, 2);
    assert.equal(handoff(['renewals', '--dir', dir, '--today', '22/11/2026']).code, 2);
  });
});
