import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';

describe('parseConfig', () => {
  it('gives the defaults of SPEC.md when there is no .handoff.yml', () => {
    const { config, problems } = parseConfig(undefined);
    assert.deepEqual(problems, []);
    assert.equal(config.root, 'accounts');
    assert.deepEqual(config.folders, { ae: 'ae', am: 'am' });
    assert.deepEqual(config.stages.map((s) => `${s.id}:${s.role}`), [
      'prospecting:ae', 'qualification:ae', 'demo:ae', 'proposal:ae', 'negotiation:ae', 'closed_won:ae', 'closed_lost:ae',
      'onboarding:am', 'active:am', 'at_risk:am', 'renewal:am', 'churned:am',
    ]);
    assert.deepEqual(config.handoff, { from: 'closed_won', to: 'onboarding', template: null, notes: 'handoffs', requireNote: 'warning' });
    assert.deepEqual(config.renewal, { warnDays: [90, 60, 30], noticeDays: 60 });
    assert.equal(config.contact.staleDays, 30);
    assert.equal(config.scoring.keyAccounts, 10);
    assert.equal(config.reminders.aheadDays, 3);
  });

  it('reads reminders.ahead_days (0 turns the reminders before a date off) and reports a bad value on its line', () => {
    assert.equal(parseConfig('reminders: { ahead_days: 7 }\n').config.reminders.aheadDays, 7);
    assert.equal(parseConfig('reminders:\n  ahead_days: 0\n').config.reminders.aheadDays, 0);
    for (const bad of ['-1', '2.5', 'soon']) {
      const { config, problems } = parseConfig(`root: accounts\nreminders:\n  ahead_days: ${bad}\n`);
      assert.equal(config.reminders.aheadDays, 3, 'the default stands in');
      assert.deepEqual(problems.map((p) => [p.line, p.code, p.severity]), [[3, 'invalid-number', 'error']]);
      assert.match(problems[0].message, /'ahead_days' must be a whole number of days, 0 or more/);
    }
  });

  it('overrides key by key and keeps the other defaults', () => {
    const { config, problems } = parseConfig('root: crm\nfolders: { ae: hunters }\nrenewal:\n  warn_days: [30, 120]\n');
    assert.deepEqual(problems, []);
    assert.equal(config.root, 'crm');
    assert.deepEqual(config.folders, { ae: 'hunters', am: 'am' });
    assert.deepEqual(config.renewal, { warnDays: [120, 30], noticeDays: 60 });
    assert.equal(config.stages.length, defaultConfig().stages.length);
  });

  it('reads custom stages, their order, probabilities and flags', () => {
    const { config, problems } = parseConfig(
      ['stages:', '  - { id: lead, role: ae, probability: 5 }', '  - { id: won, role: ae, probability: 100, closed: true, won: true }', '  - { id: live, role: am }', 'handoff: { from: won, to: live }'].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.stages, [
      { id: 'lead', role: 'ae', probability: 5, closed: false, won: false },
      { id: 'won', role: 'ae', probability: 100, closed: true, won: true },
      { id: 'live', role: 'am', probability: undefined, closed: false, won: false },
    ]);
    assert.deepEqual(config.handoff, { from: 'won', to: 'live', template: null, notes: 'handoffs', requireNote: 'warning' });
  });

  it('reports a YAML error with its line and falls back to every default', () => {
    const { config, problems } = parseConfig('root: accounts\nstages: [\n  - id: x\n');
    assert.equal(problems.length > 0, true);
    assert.equal(problems[0].file, '.handoff.yml');
    assert.equal(problems[0].code, 'yaml-syntax');
    assert.match(problems[0].message, /default configuration stands in/);
    assert.deepEqual(config, defaultConfig());
  });

  it('reports each broken part at its line and lets the defaults stand in for that part only', () => {
    const text = ['root: crm', 'renewal:', '  notice_days: soon', 'stages:', '  - { id: demo }', 'contact: { stale_days: 14 }', 'handof: {}'].join('\n');
    const { config, problems } = parseConfig(text);
    assert.deepEqual(
      problems.map((p) => [p.line, p.code, p.severity]),
      [
        [3, 'invalid-number', 'error'],
        [4, 'invalid-value', 'error'],
        [5, 'invalid-value', 'error'],
        [7, 'config-unknown-key', 'warning'],
      ],
    );
    assert.equal(config.root, 'crm');
    assert.equal(config.renewal.noticeDays, 60);
    assert.deepEqual(config.stages, defaultConfig().stages);
    assert.equal(config.contact.staleDays, 14);
  });

  it('refuses a handoff stage of the wrong role, duplicate stage ids and the same folder for both roles', () => {
    const { config, problems } = parseConfig(
      ['folders: { ae: same, am: same }', 'stages:', '  - { id: a, role: ae }', '  - { id: a, role: am }', '  - { id: b, role: am }', 'handoff: { from: b, to: b }'].join('\n'),
    );
    assert.deepEqual(problems.map((p) => p.line), [1, 4, 6]);
    assert.deepEqual(config.folders, { ae: 'ae', am: 'am' });
    assert.deepEqual(config.handoff.from, 'closed_won');
    assert.deepEqual(config.handoff.to, 'b');
  });

  it('rejects folder paths that leave the workspace', () => {
    const { config, problems } = parseConfig('root: ../elsewhere\n');
    assert.equal(problems[0].code, 'config-path');
    assert.equal(config.root, 'accounts');
  });

  it('survives hostile YAML: duplicate keys, aliases and a non-mapping document', () => {
    assert.equal(parseConfig('root: a\nroot: b\n').problems[0].code, 'duplicate-key');
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) laughs.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill('*' + 'abcdefgh'[i - 1]).join(', ')}]`);
    assert.ok(parseConfig(laughs.join('\n')).problems.length > 0);
    assert.equal(parseConfig('- a\n- b\n').problems[0].code, 'not-a-mapping');
  });
});
