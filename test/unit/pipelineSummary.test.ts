import * as assert from 'node:assert/strict';
import type { Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { setDisplayLocale } from '../../src/core/model/displayLocale';
import { groupAccounts, matchesFilter } from '../../src/core/insight/pipeline';
import { accountDescription, accountWhen, fullSums, groupDescription, groupSums, pipelineHeadline, shortSums } from '../../src/core/insight/pipelineSummary';
import { accountText } from './memorySource';

const config = defaultConfig();
const TODAY = '2026-11-22';
function account(file: string, fields: Record<string, string | number>): Account {
  return readAccount(file, file.includes('/am/') ? 'am' : 'ae', accountText(fields), config).account!;
}

describe('pipeline summary', () => {
  // As the extension shows it: VS Code's display language set (English here).
  beforeEach(() => setDisplayLocale('en-US'));
  afterEach(() => setDisplayLocale(undefined));

  it('sums several currencies short: the largest, and how many more; in full for the tooltip', () => {
    const amounts = [{ currency: 'USD', value: 148000 }, { currency: 'EUR', value: 4500 }];
    assert.equal(shortSums(amounts), 'USD 148K +1');
    assert.equal(shortSums(amounts.slice(0, 1)), 'USD 148K');
    assert.equal(shortSums([]), undefined);
    assert.equal(fullSums(amounts), 'USD 148,000 + EUR 4,500');
  });

  it('keeps a stage row short: count and the main sum, weighted for open AE stages; full sums in the tooltip', () => {
    const deals = [
      account('accounts/ae/a.md', { name: 'A', stage: 'negotiation', arr: 100000, currency: 'USD' }),
      account('accounts/ae/b.md', { name: 'B', stage: 'negotiation', arr: 50000, currency: 'EUR', probability: 50 }),
      account('accounts/am/c.md', { name: 'C', stage: 'active', arr: 200000, currency: 'USD' }),
    ];
    const groups = groupAccounts(deals, config, 'stage');
    const negotiation = groups.find((g) => g.key === 'negotiation')!;
    assert.equal(groupDescription(negotiation), '2 · USD 100K +1', 'what the deals are worth; weighted in the tooltip');
    assert.deepEqual(groupSums(negotiation, 'stage'), ['Value: USD 100,000 + EUR 50,000', 'Weighted by probability: USD 80,000 + EUR 25,000']);
    assert.equal(groupDescription(groups.find((g) => g.key === 'active')!), '1 · USD 200K');
    assert.equal(groupDescription(groups.find((g) => g.key === 'demo')!), '0');
    const [byOwner] = groupAccounts(deals, config, 'owner');
    assert.deepEqual(groupSums(byOwner, 'owner'), ['Value: USD 300,000 + EUR 50,000', 'Lost deals and churned customers are not counted.']);
  });

  it('says when a deal closes, and that a closed one was won or lost, not that it closes', () => {
    const deal = (stage: string, close_date: string) => account('accounts/ae/x.md', { name: 'X', stage, close_date });
    assert.equal(accountWhen(deal('negotiation', '2026-12-14'), config, TODAY), 'Dec 14');
    assert.equal(accountWhen(deal('closed_won', '2026-11-14'), config, TODAY), 'won Nov 14');
    assert.equal(accountWhen(deal('closed_lost', '2026-10-02'), config, TODAY), 'lost Oct 2');
    assert.equal(accountWhen(deal('demo', '2027-08-01'), config, TODAY), 'Aug 1, 2027', 'the year when it is more than half a year away');
    assert.equal(accountWhen(account('accounts/ae/x.md', { name: 'X', stage: 'demo' }), config, TODAY), undefined);
    assert.equal(accountWhen(account('accounts/am/x.md', { name: 'X', stage: 'active', contract_end: '2026-12-30' }), config, TODAY), 'renews in 38 d');
  });

  it('describes an account row: value · when · owner; by owner or region it leads with the stage', () => {
    const acme = account('accounts/ae/acme.md', { name: 'Acme', stage: 'negotiation', ae: 'dewi@example.com', arr: 120000, currency: 'USD', close_date: '2026-12-15' });
    assert.equal(accountDescription(acme, config, TODAY, 'stage', false), 'USD 120K · Dec 15 · dewi');
    assert.equal(accountDescription(acme, config, TODAY, 'owner', false), 'Negotiation · USD 120K · Dec 15');
    assert.equal(accountDescription(acme, config, TODAY, 'region', true), '★ key · Negotiation · USD 120K · Dec 15 · dewi');
    const labelled = { ...config, stages: config.stages.map((s) => (s.id === 'negotiation' ? { ...s, label: 'Contract talks' } : s)) };
    assert.equal(accountDescription(acme, labelled, TODAY, 'owner', false), 'Contract talks · USD 120K · Dec 15');
    const won = account('accounts/ae/won.md', { name: 'Won', stage: 'closed_won', ae: 'dewi@example.com', arr: 50000, currency: 'USD', close_date: '2026-11-14' });
    assert.equal(accountDescription(won, config, TODAY, 'owner', false), 'USD 50K · won Nov 14', '"won" says the stage');
    assert.equal(accountDescription(won, config, TODAY, 'stage', false), 'USD 50K · Nov 14 · dewi', 'under Closed won the day alone says it');
    const customer = account('accounts/am/c.md', { name: 'C', stage: 'at_risk', am: 'budi@example.com', arr: 9000, currency: 'USD' });
    assert.equal(accountDescription(customer, config, TODAY, 'region', false), 'At risk · USD 9K · budi');
  });

  it('writes rows in the display language', () => {
    setDisplayLocale('id');
    const acme = account('accounts/ae/acme.md', { name: 'Acme', stage: 'negotiation', arr: 120000, currency: 'USD', close_date: '2026-12-15' });
    assert.equal(accountDescription(acme, config, TODAY, 'stage', false), 'USD 120\u00a0rb · 15 Des');
  });

  describe('headline', () => {
    const accounts = [
      account('accounts/ae/won.md', { name: 'Won', stage: 'closed_won', ae: 'dewi@example.com', arr: 100000, currency: 'USD', close_date: '2026-10-05' }),
      account('accounts/ae/a.md', { name: 'A', stage: 'negotiation', ae: 'dewi@example.com', arr: 200000, currency: 'USD', close_date: '2026-11-30' }),
      account('accounts/ae/b.md', { name: 'B', stage: 'demo', ae: 'lena@example.com', arr: 40000, currency: 'USD', close_date: '2026-11-03' }),
      account('accounts/ae/c.md', { name: 'C', stage: 'proposal', ae: 'lena@example.com', arr: 50000, currency: 'EUR', close_date: '2026-12-20' }),
      account('accounts/ae/lost.md', { name: 'Lost', stage: 'closed_lost', ae: 'lena@example.com', arr: 90000, currency: 'USD', close_date: '2026-11-10' }),
      account('accounts/ae/next.md', { name: 'Next', stage: 'proposal', ae: 'lena@example.com', arr: 70000, currency: 'USD', close_date: '2027-01-15' }),
    ];

    it("gives the quarter's forecast and the open deals closing this month", () => {
      // Q4: won 100K + A 200K × 80% + B 40K × 40% = 276K USD; C EUR 50K × 60% = 30K. November: A and B.
      assert.equal(pipelineHeadline([{ accounts, config }], TODAY), 'Q4 forecast USD 276K +1 · 2 deals close in Nov (USD 240K)');
    });

    it('follows the filter: only the accounts it is given', () => {
      const lena = accounts.filter((a) => matchesFilter(a, { owners: ['lena'] }));
      assert.equal(pipelineHeadline([{ accounts: lena, config }], TODAY), 'Q4 forecast EUR 30K +1 · 1 deal closes in Nov (USD 40K)');
      const later = accounts.filter((a) => a.name === 'Next');
      assert.equal(pipelineHeadline([{ accounts: later, config }], TODAY), 'Q4: nothing forecast · no deals close in Nov');
      assert.equal(pipelineHeadline([{ accounts: [], config }], TODAY), undefined);
    });

    it('adds up the folders of a multi-root workspace', () => {
      assert.equal(pipelineHeadline([{ accounts: accounts.slice(0, 2), config }, { accounts: accounts.slice(2, 3), config }], TODAY), 'Q4 forecast USD 276K · 2 deals close in Nov (USD 240K)');
    });

    it('names the month in the display language', () => {
      setDisplayLocale('id');
      assert.match(pipelineHeadline([{ accounts, config }], '2026-12-02')!, /Des/);
    });
  });
});
