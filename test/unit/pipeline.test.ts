import * as assert from 'node:assert/strict';
import { ownerOf, type Account } from '../../src/core/model/account';
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
      'prospecting:0', 'qualification:0', 'demo:1', 'proposal:0', 'negotiation:2', 'closed_won:0', 'closed_lost:0',
      'onboarding:0', 'active:1', 'at_risk:0', 'renewal:0', 'churned:0', 'signed:1',
    ]);
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

  it('finds accounts by free text in name, owner, tags and next step', () => {
    assert.equal(matchesText(accounts[1], 'EXPANS'), true);
    assert.equal(matchesText(accounts[1], 'dewi'), true);
    assert.equal(matchesText(accounts[1], 'globex'), false);
    assert.equal(matchesText(accounts[1], '  '), true);
  });
});
