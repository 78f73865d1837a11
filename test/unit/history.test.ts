// History from git as pure data (src/core/insight/history.ts), on hand-built histories whose answers
// are known: what git's commits are to a sales manager — transitions, days in stage, conversion,
// win rate, cycle.
import * as assert from 'node:assert/strict';
import { historyOf, sinceOf, stageFlow, storyOf, winRateOf, type CommitChanges, type FileChange } from '../../src/core/insight/history';
import type { Role } from '../../src/core/model/stage';
import { stalledProblem } from '../../src/core/insight/stalled';
import { readAccount } from '../../src/core/read/accountRead';
import { parseConfig } from '../../src/core/read/configRead';

const config = parseConfig(undefined).config;
const roleOf = (file: string): Role | undefined => (file.startsWith('accounts/ae/') ? 'ae' : file.startsWith('accounts/am/') ? 'am' : undefined);
let sequence = 0;
const commit = (date: string, changes: FileChange[], author = 'Dewi <dewi@example.com>'): CommitChanges => ({ commit: `c${++sequence}`, date, author, changes });
const DEAL = 'accounts/ae/apac/acme.md';
const CUSTOMER = 'accounts/am/apac/acme.md';
const acme = (stage: string, more: { ae?: string; am?: string; arr?: number } = {}) => ({ name: 'Acme', stage, ae: 'dewi@example.com', ...more });

describe('history from git: transitions', () => {
  it('names each change of an account: added, stage, value, owner, handoff (a rename to am/), handback, removed', () => {
    const history = historyOf(
      [
        commit('2026-01-05', [{ to: DEAL, after: acme('prospecting', { arr: 10 }) }]),
        commit('2026-02-01', [{ from: DEAL, to: DEAL, before: acme('prospecting', { arr: 10 }), after: acme('demo', { arr: 20 }) }]),
        commit('2026-03-01', [{ from: DEAL, to: DEAL, before: acme('demo', { arr: 20 }), after: { ...acme('demo', { arr: 20 }), ae: 'rizky@example.com' } }]),
        commit('2026-04-01', [{ from: DEAL, to: DEAL, before: { ...acme('demo', { arr: 20 }), ae: 'rizky@example.com' }, after: { ...acme('closed_won', { arr: 20 }), ae: 'rizky@example.com' } }]),
        commit('2026-04-03', [{ from: DEAL, to: CUSTOMER, before: { ...acme('closed_won', { arr: 20 }), ae: 'rizky@example.com' }, after: { ...acme('onboarding', { arr: 20 }), ae: 'rizky@example.com' } }]),
        commit('2026-06-01', [{ from: CUSTOMER, to: DEAL, before: { ...acme('onboarding', { arr: 20 }), ae: 'rizky@example.com' }, after: { ...acme('negotiation', { arr: 20 }), ae: 'rizky@example.com' } }]),
        commit('2026-07-01', [{ from: DEAL, before: { ...acme('negotiation', { arr: 20 }), ae: 'rizky@example.com' } }]),
      ],
      roleOf,
    );
    assert.deepEqual(
      history.transitions.map((t) => [t.date, t.kind, t.file, t.from, t.to]),
      [
        ['2026-01-05', 'added', DEAL, null, 'prospecting'],
        ['2026-02-01', 'stage', DEAL, 'prospecting', 'demo'],
        ['2026-02-01', 'value', DEAL, 10, 20],
        ['2026-03-01', 'owner', DEAL, 'dewi@example.com', 'rizky@example.com'],
        ['2026-04-01', 'stage', DEAL, 'demo', 'closed_won'],
        ['2026-04-03', 'handoff', CUSTOMER, DEAL, CUSTOMER],
        ['2026-04-03', 'stage', CUSTOMER, 'closed_won', 'onboarding'],
        ['2026-06-01', 'handback', DEAL, CUSTOMER, DEAL],
        ['2026-06-01', 'stage', DEAL, 'onboarding', 'negotiation'],
        ['2026-07-01', 'removed', DEAL, 'negotiation', null],
      ],
    );
    assert.ok(history.transitions.every((t) => t.name === 'Acme' && t.author === 'Dewi <dewi@example.com>'));
    assert.equal(history.byFile.size, 0, 'a removed account is no longer in the tree');
  });

  it('follows a rename to another region folder without a transition, and keeps the stay', () => {
    const to = 'accounts/ae/emea/acme.md';
    const history = historyOf(
      [commit('2026-01-05', [{ to: DEAL, after: acme('demo') }]), commit('2026-02-10', [{ from: DEAL, to, before: acme('demo'), after: acme('demo') }])],
      roleOf,
    );
    assert.deepEqual(history.transitions.map((t) => t.kind), ['added']);
    assert.deepEqual(sinceOf(history, to, 'demo', '2026-03-01'), { since: '2026-01-05', days: 55 });
    assert.equal(history.byFile.has(DEAL), false);
  });

  it('reads a file deleted and added again as two accounts: the second starts its own stay and cycle', () => {
    const history = historyOf(
      [
        commit('2026-01-05', [{ to: DEAL, after: acme('demo') }]),
        commit('2026-02-01', [{ from: DEAL, before: acme('demo') }]),
        commit('2026-03-01', [{ to: DEAL, after: acme('proposal') }]),
        commit('2026-03-11', [{ from: DEAL, to: DEAL, before: acme('proposal'), after: acme('closed_won') }]),
      ],
      roleOf,
    );
    assert.deepEqual(history.transitions.map((t) => t.kind), ['added', 'removed', 'added', 'stage']);
    assert.deepEqual(sinceOf(history, DEAL, 'closed_won', '2026-03-20'), { since: '2026-03-11', days: 9 });
    assert.equal(winRateOf(history, config, {}).median_cycle_days, 10, 'from the second add, not the first');
  });

  it('swaps two files in one commit without mixing their accounts up', () => {
    const other = 'accounts/ae/apac/globex.md';
    const globex = { name: 'Globex', stage: 'proposal' };
    const history = historyOf(
      [
        commit('2026-01-05', [{ to: DEAL, after: acme('demo') }, { to: other, after: globex }]),
        commit('2026-02-01', [
          { from: DEAL, to: other, before: acme('demo'), after: acme('demo') },
          { from: other, to: DEAL, before: globex, after: globex },
        ]),
      ],
      roleOf,
    );
    assert.equal(sinceOf(history, other, 'demo', '2026-02-05').since, '2026-01-05');
    assert.equal(sinceOf(history, DEAL, 'proposal', '2026-02-05').since, '2026-01-05');
    assert.deepEqual(history.transitions.map((t) => t.kind), ['added', 'added']);
  });
});

describe('history from git: an account\'s story', () => {
  it('tells the transitions of one account across a region move and a handoff, and none of another\'s', () => {
    const moved = 'accounts/ae/emea/acme.md';
    const customer = 'accounts/am/emea/acme.md';
    const history = historyOf(
      [
        commit('2026-01-05', [{ to: DEAL, after: acme('demo') }, { to: 'accounts/ae/apac/other.md', after: { name: 'Other', stage: 'demo' } }]),
        commit('2026-02-01', [{ from: DEAL, to: moved, before: acme('demo'), after: acme('closed_won') }]),
        commit('2026-02-03', [{ from: moved, to: customer, before: acme('closed_won'), after: acme('onboarding', { am: 'budi@example.com' }) }]),
      ],
      roleOf,
    );
    assert.deepEqual(
      storyOf(history, customer).map((t) => [t.date, t.kind, t.from, t.to]),
      [
        ['2026-01-05', 'added', null, 'demo'],
        ['2026-02-01', 'stage', 'demo', 'closed_won'],
        ['2026-02-03', 'handoff', moved, customer],
        ['2026-02-03', 'stage', 'closed_won', 'onboarding'],
        ['2026-02-03', 'owner', null, 'budi@example.com'],
      ],
    );
    assert.deepEqual(storyOf(history, 'accounts/ae/apac/other.md').map((t) => t.kind), ['added']);
    assert.deepEqual(storyOf(history, 'accounts/ae/apac/never.md'), []);
  });
});

describe('history from git: days in stage', () => {
  const history = historyOf(
    [
      commit('2026-01-05', [{ to: DEAL, after: acme('demo') }]),
      commit('2026-02-01', [{ from: DEAL, to: DEAL, before: acme('demo'), after: acme('proposal') }]),
      // Back to demo, then edited three times the same day.
      commit('2026-03-01', [{ from: DEAL, to: DEAL, before: acme('proposal'), after: acme('demo') }]),
      commit('2026-03-01', [{ from: DEAL, to: DEAL, before: acme('demo'), after: acme('demo', { arr: 5 }) }]),
      commit('2026-03-01', [{ from: DEAL, to: DEAL, before: acme('demo', { arr: 5 }), after: acme('demo', { arr: 6 }) }]),
    ],
    roleOf,
  );

  it('counts from the transition that put the account in its current stage: a deal that moved back starts again', () => {
    assert.deepEqual(sinceOf(history, DEAL, 'demo', '2026-03-24'), { since: '2026-03-01', days: 23 });
  });

  it('counts a stage not committed yet, and a new file, as of today', () => {
    assert.deepEqual(sinceOf(history, DEAL, 'negotiation', '2026-03-24'), { since: '2026-03-24', days: 0 });
    assert.deepEqual(sinceOf(history, 'accounts/ae/apac/new.md', 'prospecting', '2026-03-24'), { since: '2026-03-24', days: 0 });
  });

  it('gives each stage its entries in the window, the median and mean days (open stays to today) and the share that went on', () => {
    const flow = new Map(stageFlow(history, config, {}, '2026-03-24').map((s) => [s.stage, s]));
    // demo: entered 2026-01-05 (27 days, then on to proposal) and 2026-03-01 (still there: 23 days).
    assert.deepEqual(flow.get('demo'), { stage: 'demo', entered: 2, median_days: 25, mean_days: 25, conversion: 0.5 });
    // proposal: 28 days, then back to demo, which is not later: it did not go on.
    assert.deepEqual(flow.get('proposal'), { stage: 'proposal', entered: 1, median_days: 28, mean_days: 28, conversion: 0 });
    assert.deepEqual(flow.get('negotiation'), { stage: 'negotiation', entered: 0, median_days: null, mean_days: null, conversion: null });
    const inMarch = new Map(stageFlow(history, config, { since: '2026-03-01', until: '2026-03-31' }, '2026-03-24').map((s) => [s.stage, s]));
    assert.equal(inMarch.get('demo')!.entered, 1);
    assert.equal(inMarch.get('proposal')!.entered, 0);
  });
});

describe('history from git: win rate and sales cycle', () => {
  const deal = (file: string, ae: string, added: string, closedOn: string, stage: 'closed_won' | 'closed_lost') => [
    commit(added, [{ to: file, after: { name: file, stage: 'demo', ae } }]),
    commit(closedOn, [{ from: file, to: file, before: { name: file, stage: 'demo', ae }, after: { name: file, stage, ae } }]),
  ];
  const history = historyOf(
    [
      ...deal('accounts/ae/a.md', 'dewi@example.com', '2026-01-01', '2026-01-31', 'closed_won'),
      ...deal('accounts/ae/b.md', 'dewi@example.com', '2026-01-01', '2026-02-10', 'closed_lost'),
      ...deal('accounts/ae/c.md', 'rizky@example.com', '2026-02-01', '2026-02-21', 'closed_won'),
      ...deal('accounts/ae/d.md', 'rizky@example.com', '2026-02-01', '2026-04-01', 'closed_won'),
    ],
    roleOf,
  );

  it('counts the deals that entered a won or a lost stage in the window, overall and per AE, with the median days from added to won', () => {
    assert.deepEqual(winRateOf(history, config, { since: '2026-01-01', until: '2026-03-31' }), {
      won: 2,
      lost: 1,
      rate: 2 / 3,
      by_ae: [
        { ae: 'dewi@example.com', won: 1, lost: 1, rate: 0.5 },
        { ae: 'rizky@example.com', won: 1, lost: 0, rate: 1 },
      ],
      median_cycle_days: 25,
    });
  });

  it('counts as going on only what came after, even on the same day: a won deal handed off that day went on, the customer it became did not', () => {
    const sameDay = historyOf(
      [
        commit('2026-04-01', [{ to: DEAL, after: acme('negotiation') }]),
        commit('2026-04-03', [{ from: DEAL, to: DEAL, before: acme('negotiation'), after: acme('closed_won') }]),
        commit('2026-04-03', [{ from: DEAL, to: CUSTOMER, before: acme('closed_won'), after: acme('onboarding') }]),
      ],
      roleOf,
    );
    const flow = new Map(stageFlow(sameDay, config, {}, '2026-04-10').map((s) => [s.stage, s]));
    assert.equal(flow.get('negotiation')!.conversion, 1);
    assert.equal(flow.get('closed_won')!.conversion, 1);
    assert.equal(flow.get('onboarding')!.conversion, 0);
  });

  it('says null, not zero, when nothing closed', () => {
    assert.deepEqual(winRateOf(history, config, { since: '2026-05-01' }), { won: 0, lost: 0, rate: null, by_ae: [], median_cycle_days: null });
  });
});

describe('stalled deals (stages[].stale_days)', () => {
  const withStale = parseConfig(['stages:', '  - { id: demo, role: ae, stale_days: 14 }', '  - { id: won, role: ae, closed: true, won: true, stale_days: 1 }', '  - { id: active, role: am }', ''].join('\n'));
  const deal = (stage: string) => readAccount(DEAL, 'ae', `---\nname: Acme\nstage: ${stage}\n---\n`, withStale.config).account!;

  it('reads stale_days per stage, and refuses what is not a whole number of days', () => {
    assert.deepEqual(withStale.problems, []);
    assert.equal(withStale.config.stages.find((s) => s.id === 'demo')?.staleDays, 14);
    const bad = parseConfig(['stages:', '  - { id: demo, role: ae, stale_days: 2.5 }', '  - { id: active, role: am, stale_days: -1 }', ''].join('\n'));
    assert.deepEqual(bad.problems.map((p) => [p.code, p.line, p.message]), [
      ['out-of-range', 2, "the stale_days of stage 'demo' must be a whole number of days from 1 to 3650"],
      ['out-of-range', 3, "the stale_days of stage 'active' must be a whole number of days from 1 to 3650"],
    ]);
    assert.equal(bad.config.stages.find((s) => s.id === 'demo')?.staleDays, undefined);
  });

  it('reports a deal past its stage\'s limit on its stage line, as information, and nothing at the limit or in a closed stage', () => {
    const problem = stalledProblem(deal('demo'), withStale.config, { since: '2026-03-01', days: 15 });
    assert.deepEqual(problem && [problem.code, problem.severity, problem.line, problem.message], ['stage-stale', 'info', 3, "In Demo for 15 days (since 2026-03-01); the team's limit for this stage is 14"]);
    assert.equal(stalledProblem(deal('demo'), withStale.config, { since: '2026-03-01', days: 14 }), undefined);
    assert.equal(stalledProblem(deal('won'), withStale.config, { since: '2026-03-01', days: 99 }), undefined);
  });
});
