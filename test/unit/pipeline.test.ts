import * as assert from 'node:assert/strict';
import { aeOf, ownerOf, type Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { groupAccounts, sortByPipeline, matchesFilter, matchesText, winProbability } from '../../src/core/insight/pipeline';
import { accountText } from './memorySource';

const config = defaultConfig();
function account(file: string, fields: Record<string, string | number>): Account {
  const role = file.includes('/am/') ? 'am' : 'ae';
  return readAccount(file, role, accountText(fields), config).account!;
}

const accounts = [
  account('accounts/am/globex.md', { name: 'Globex', stage: 'active', ae: 'dewi@example.com', am: 'budi@example.com', region: 'APAC', tags: '[fintech]' }),
  account('accounts/ae/acme.md', { name: 'Acme', stage: 'negotiation', ae: 'dewi@example.com', region: 'APAC', tags: '[fintech, expansion]' }),
  account('accounts/ae/zeta.md', { name: 'Zeta', stage: 'prospecting', ae: 'lena@example.com', region: 'EMEA' }),
  account('accounts/ae/alpha.md', { name: 'Alpha', stage: 'prospecting', ae: 'lena@example.com', region: 'EMEA' }),
];

describe('pipeline', () => {
  it('orders AE stages before AM stages, in pipeline order, then by name', () => {
    assert.deepEqual(sortByPipeline(accounts, config).map((a) => a.name), ['Alpha', 'Zeta', 'Acme', 'Globex']);
  });

  it('knows the current owner: the AE of a deal, the AM of a customer', () => {
    assert.deepEqual(accounts.map(ownerOf), ['budi@example.com', 'dewi@example.com', 'lena@example.com', 'lena@example.com']);
  });

  it('filters by stage, role, owner (e-mail or name), region and tag, ignoring case', () => {
    const names = (filter: Parameters<typeof matchesFilter>[1]) => accounts.filter((a) => matchesFilter(a, filter)).map((a) => a.name);
    assert.deepEqual(names({ stages: ['prospecting', 'active'] }), ['Globex', 'Zeta', 'Alpha']);
    assert.deepEqual(names({ roles: ['am'] }), ['Globex']);
    assert.deepEqual(names({ owners: ['DEWI'] }), ['Acme']);
    assert.deepEqual(names({ owners: ['budi@example.com'] }), ['Globex']);
    assert.deepEqual(names({ regions: ['emea'] }), ['Zeta', 'Alpha']);
    assert.deepEqual(names({ tags: ['Expansion'] }), ['Acme']);
    assert.deepEqual(names({ regions: ['APAC'], tags: ['fintech'], roles: ['ae'] }), ['Acme']);
    assert.deepEqual(names({}), ['Globex', 'Acme', 'Zeta', 'Alpha']);
  });
});

describe('groupAccounts', () => {
  const deals = [
    account('accounts/ae/a.md', { name: 'A', stage: 'negotiation', ae: 'dewi@example.com', arr: 100000, currency: 'USD', region: 'APAC' }),
    account('accounts/ae/b.md', { name: 'B', stage: 'negotiation', ae: 'lena@example.com', arr: 50000, currency: 'EUR', probability: 50 }),
    account('accounts/ae/c.md', { name: 'C', stage: 'demo', ae: 'dewi@example.com', arr: 10000, currency: 'USD', region: 'APAC' }),
    account('accounts/am/d.md', { name: 'D', stage: 'active', am: 'budi@example.com', arr: 200000, currency: 'USD', region: 'EMEA' }),
    account('accounts/ae/e.md', { name: 'E', stage: 'signed', ae: 'dewi@example.com' }),
  ];

  it('by stage: every stage in pipeline order, empty ones too, unknown stages last', () => {
    const groups = groupAccounts(deals, config, 'stage');
    assert.deepEqual(groups.map((g) => `${g.label}:${g.accounts.length}`), [
      'Prospecting:0', 'Qualification:0', 'Demo:1', 'Proposal:0', 'Negotiation:2', 'Closed won:0', 'Closed lost:0',
      'Onboarding:0', 'Active:1', 'At risk:0', 'Renewal:0', 'Churned:0', 'signed:1',
    ]);
    assert.deepEqual(groups.map((g) => g.key).slice(4, 6), ['negotiation', 'closed_won'], 'the key stays the id');
    assert.equal(groups[4].stage?.id, 'negotiation');
    assert.equal(groups[12].stage, undefined);
  });

  it('sums value per currency and weights AE deals by their own or their stage probability', () => {
    const negotiation = groupAccounts(deals, config, 'stage')[4];
    assert.deepEqual(negotiation.totals, [
      { currency: 'USD', value: 100000, weighted: 80000 },
      { currency: 'EUR', value: 50000, weighted: 25000 },
    ]);
    const active = groupAccounts(deals, config, 'stage')[8];
    assert.deepEqual(active.totals, [{ currency: 'USD', value: 200000, weighted: 200000 }]);
    assert.equal(winProbability(deals[2], config), 40);
  });

  it('weights totals by the win probability the Pipeline shows: an own probability outside 0–100 leaves the stage\'s', () => {
    const odd = [
      account('accounts/ae/f.md', { name: 'F', stage: 'demo', arr: 1000, probability: 150 }),
      account('accounts/ae/g.md', { name: 'G', stage: 'demo', arr: 1000, probability: 0 }),
      account('accounts/ae/h.md', { name: 'H', stage: 'signed', arr: 1000 }),
    ];
    assert.deepEqual(odd.map((a) => winProbability(a, config)), [40, 0, 0]);
    assert.deepEqual(groupAccounts(odd, config, 'region')[0].totals, [{ currency: '', value: 3000, weighted: 400 }]);
  });

  it('by owner and by region: sorted names, then none; members sort in pipeline order', () => {
    const byOwner = groupAccounts(deals, config, 'owner');
    assert.deepEqual(byOwner.map((g) => `${g.label}:${sortByPipeline(g.accounts, config).map((a) => a.name).join('')}`), ['budi@example.com:D', 'dewi@example.com:CAE', 'lena@example.com:B']);
    assert.deepEqual(groupAccounts(deals, config, 'region').map((g) => `${g.label}:${g.accounts.length}`), ['APAC:2', 'EMEA:1', '(no region):2']);
  });

  it("names a stage group by the team's label when it has one", () => {
    const labelled = { ...config, stages: config.stages.map((stage) => (stage.id === 'demo' ? { ...stage, label: 'Live demo' } : stage)) };
    assert.equal(groupAccounts(deals, labelled, 'stage')[2].label, 'Live demo');
  });

  it('by owner or region: lists lost deals and churned customers but leaves them out of the totals', () => {
    const dewi = [
      ...deals.filter((a) => aeOf(a) === 'dewi@example.com'),
      account('accounts/ae/lost.md', { name: 'Lost', stage: 'closed_lost', ae: 'dewi@example.com', arr: 250000, currency: 'USD', region: 'APAC' }),
      account('accounts/ae/won.md', { name: 'Won', stage: 'closed_won', ae: 'dewi@example.com', arr: 5000, currency: 'USD', region: 'APAC' }),
      account('accounts/am/gone.md', { name: 'Gone', stage: 'churned', am: 'dewi@example.com', arr: 7000, currency: 'USD', region: 'APAC' }),
    ];
    const [byOwner] = groupAccounts(dewi, config, 'owner');
    assert.equal(byOwner.accounts.length, 6, 'the lost deal and the churned customer are still listed');
    assert.deepEqual(byOwner.totals, [{ currency: 'USD', value: 115000, weighted: 89000 }]);
    assert.deepEqual(groupAccounts(dewi, config, 'region')[0].totals, [{ currency: 'USD', value: 115000, weighted: 89000 }]);
    const lostStage = groupAccounts(dewi, config, 'stage').find((g) => g.key === 'closed_lost');
    assert.deepEqual(lostStage?.totals, [{ currency: 'USD', value: 250000, weighted: 0 }], 'the Closed lost stage still sums what was lost');
  });

  it('sorts deals in a stage by close date, soonest first, undated last, then by name; customers by contract end', () => {
    const stage = [
      account('accounts/ae/late.md', { name: 'Late', stage: 'demo', close_date: '2027-01-10' }),
      account('accounts/ae/none-b.md', { name: 'B undated', stage: 'demo' }),
      account('accounts/ae/soon.md', { name: 'Soon', stage: 'demo', close_date: '2026-11-30' }),
      account('accounts/ae/none-a.md', { name: 'a undated', stage: 'demo' }),
      account('accounts/ae/soon2.md', { name: 'Also soon', stage: 'demo', close_date: '2026-11-30' }),
      account('accounts/am/x.md', { name: 'Renews later', stage: 'active', contract_end: '2027-06-30' }),
      account('accounts/am/y.md', { name: 'Renews first', stage: 'active', contract_end: '2026-12-31' }),
    ];
    assert.deepEqual(sortByPipeline(stage, config).map((a) => a.name), ['Also soon', 'Soon', 'Late', 'a undated', 'B undated', 'Renews first', 'Renews later']);
  });

  it('finds accounts by free text in name, owner, tags and next step', () => {
    assert.equal(matchesText(accounts[1], 'EXPANS'), true);
    assert.equal(matchesText(accounts[1], 'dewi'), true);
    assert.equal(matchesText(accounts[1], 'globex'), false);
    assert.equal(matchesText(accounts[1], '  '), true);
  });
});
