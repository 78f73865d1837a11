import * as assert from 'node:assert/strict';
import { type Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { csvField, toCsv } from '../../src/core/output/csv';
import { inPeriod, nextQuarterOf, parsePeriod, quarterOf } from '../../src/core/model/period';
import { buildReport, reportToJson } from '../../src/core/insight/report';
import { totalsOf } from '../../src/core/insight/pipeline';
import { opportunitiesOf } from '../../src/core/insight/opportunities';
import { reportToCsv, reportToMarkdown } from '../../src/core/output/reportFormats';
import { setDisplayLocale } from '../../src/core/model/displayLocale';
import { keyAccountShortfall, rankAccounts, scoreOf } from '../../src/core/insight/scoring';

const team = parseConfig(
  [
    'scoring:',
    '  criteria: { growth_potential: 3, strategic_fit: 1 }',
    '  key_accounts: 2',
    'team:',
    '  - { id: dewi@example.com, role: ae, quota: { 2026-Q4: 200000, 2027-Q1: 100000 } }',
    '  - { id: budi@example.com, role: am, quota: { 2026: 90000 } }',
    '  - { id: nobody@example.com, role: ae, quota: { 2025-Q1: 5 } }',
  ].join('\n'),
).config;

function account(file: string, yaml: string): Account {
  const record = readAccount(file, file.includes('/am/') ? 'am' : 'ae', `---\n${yaml}\n---\n`, team);
  assert.ok(record.account, record.problems.map((p) => p.message).join());
  return record.account;
}

describe('periods', () => {
  it('parses quarters and years into calendar days, leap years included', () => {
    assert.deepEqual(parsePeriod('2026-Q4'), { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    assert.deepEqual(parsePeriod('2028-q1'), { id: '2028-Q1', start: '2028-01-01', end: '2028-03-31' });
    assert.deepEqual(parsePeriod('2026-Q2'), { id: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    assert.deepEqual(parsePeriod('2026'), { id: '2026', start: '2026-01-01', end: '2026-12-31' });
    assert.equal(parsePeriod('2026-Q5'), undefined);
    assert.equal(parsePeriod('Q4'), undefined);
  });

  it('offers the next quarter across a year end', () => {
    assert.equal(nextQuarterOf('2026-11-23').id, '2027-Q1');
    assert.equal(nextQuarterOf('2028-02-29').id, '2028-Q2');
    assert.equal(nextQuarterOf('2026-12-31').id, '2027-Q1');
  });

  it('knows the quarter of a day and whether a day falls in a period', () => {
    assert.equal(quarterOf('2026-11-22').id, '2026-Q4');
    assert.equal(quarterOf('2027-01-01').id, '2027-Q1');
    assert.equal(quarterOf('2026-06-30').id, '2026-Q2');
    const q4 = parsePeriod('2026-Q4')!;
    assert.equal(inPeriod('2026-10-01', q4), true);
    assert.equal(inPeriod('2026-12-31', q4), true);
    assert.equal(inPeriod('2027-01-01', q4), false);
    assert.equal(inPeriod(undefined, q4), false);
  });
});

describe('scoring', () => {
  it('weights each 1–10 criterion and counts a missing one as 0', () => {
    assert.equal(scoreOf(account('accounts/am/a.md', 'name: A\nstage: active\nscores: { growth_potential: 8, strategic_fit: 4 }'), team)?.score, 7);
    assert.equal(scoreOf(account('accounts/am/b.md', 'name: B\nstage: active\nscores: { growth_potential: 8 }'), team)?.score, 6);
    assert.equal(scoreOf(account('accounts/am/c.md', 'name: C\nstage: active\nscores: { unrelated: 9 }'), team), undefined);
    assert.equal(scoreOf(account('accounts/am/d.md', 'name: D\nstage: active'), team), undefined);
  });

  it('ranks by score, not revenue, marks the top N as key, and leaves out lost and churned', () => {
    const ranked = rankAccounts(
      [
        account('accounts/am/big.md', 'name: Big\nstage: active\narr: 900000\nscores: { growth_potential: 3, strategic_fit: 3 }'),
        account('accounts/am/fit.md', 'name: Fit\nstage: active\narr: 10000\nscores: { growth_potential: 9, strategic_fit: 9 }'),
        account('accounts/am/mid.md', 'name: Mid\nstage: active\narr: 50000\nscores: { growth_potential: 6, strategic_fit: 6 }'),
        account('accounts/am/gone.md', 'name: Gone\nstage: churned\nscores: { growth_potential: 10, strategic_fit: 10 }'),
        account('accounts/ae/lost.md', 'name: Lost\nstage: closed_lost\nscores: { growth_potential: 10, strategic_fit: 10 }'),
      ],
      team,
    );
    assert.deepEqual(ranked.map((r) => [r.account.name, r.rank, r.key]), [['Fit', 1, true], ['Mid', 2, true], ['Big', 3, false]]);
    assert.equal(keyAccountShortfall(ranked, team), undefined, 'both places filled');
  });

  it('says when fewer accounts are scored than there are key-account places, and what to do', () => {
    const scored = (n: number) => rankAccounts(Array.from({ length: n }, (_, i) => account(`accounts/am/s${i}.md`, `name: S${i}\nstage: active\nscores: { growth_potential: 5 }`)), defaultConfig());
    assert.equal(keyAccountShortfall(scored(4), defaultConfig()), '4 of 10 key-account places: only 4 accounts have scores — add scores: to more accounts');
    assert.equal(keyAccountShortfall(scored(1), defaultConfig()), '1 of 10 key-account places: only 1 account has scores — add scores: to more accounts');
    assert.equal(keyAccountShortfall(scored(0), defaultConfig()), '0 of 10 key-account places: no account has scores yet — add scores: to accounts to rank them');
    assert.equal(keyAccountShortfall(scored(12), defaultConfig()), undefined);
  });
});

describe('buildReport', () => {
  const accounts = [
    account('accounts/ae/won.md', 'name: Won\nstage: closed_won\nae: dewi@example.com\narr: 100000\ncurrency: USD\nclose_date: 2026-11-01'),
    account('accounts/am/handed.md', 'name: Handed\nstage: onboarding\nae: dewi@example.com\nam: budi@example.com\narr: 50000\ncurrency: USD\nclose_date: 2026-10-15\nhandoff: { date: 2026-10-20, to: budi@example.com }'),
    account('accounts/ae/open.md', 'name: Open\nstage: negotiation\nae: dewi@example.com\narr: 40000\ncurrency: USD\nclose_date: 2026-12-01'),
    account('accounts/ae/own.md', 'name: Own\nstage: demo\nprobability: 25\narr: 80000\ncurrency: EUR\nclose_date: 2026-12-31'),
    account('accounts/ae/later.md', 'name: Later\nstage: proposal\narr: 999999\ncurrency: USD\nclose_date: 2027-01-01'),
    account('accounts/ae/lost.md', 'name: Lost\nstage: closed_lost\narr: 30000\ncurrency: USD\nclose_date: 2026-11-30'),
    account(
      'accounts/am/grow.md',
      'name: Grow\nstage: active\nam: budi@example.com\narr: 200000\ncurrency: USD\ncontract_end: 2026-12-15\nhealth: 2\nopportunities:\n  - { type: upsell, title: Plus, value: 20000, stage: proposal, close_date: 2026-12-01 }\n  - { type: cross-sell, title: BI, value: 15000, stage: closed_won, close_date: 2026-11-02 }\n  - { type: upsell, title: Next year, value: 5000, stage: demo, close_date: 2027-02-01 }',
    ),
  ];
  const report = buildReport(accounts, team, parsePeriod('2026-Q4')!, '2026-11-22');

  it('forecasts per currency: won (deals and expansion) plus open deals and expansion weighted by probability', () => {
    assert.deepEqual(report.forecast.totals, [
      { currency: 'USD', won: 165000, deals: 40000, dealsWeighted: 32000, expansion: 20000, expansionWeighted: 12000, forecast: 209000 },
      { currency: 'EUR', won: 0, deals: 80000, dealsWeighted: 20000, expansion: 0, expansionWeighted: 0, forecast: 20000 },
    ]);
    assert.deepEqual(report.won.map((a) => a.name), ['Won', 'Handed']);
    assert.deepEqual(report.lost.map((a) => a.name), ['Lost']);
    assert.deepEqual(report.forecast.deals.map((d) => `${d.account.name}:${d.probability}`), ['Open:80', 'Own:25']);
  });

  it('measures quota by the period, or for a year by its own quota', () => {
    assert.deepEqual(report.quota, [{ person: 'dewi@example.com', role: 'ae', region: undefined, quota: 200000, attained: 150000, attainment: 0.75 }]);
    const year = buildReport(accounts, team, parsePeriod('2026')!, '2026-11-22');
    assert.deepEqual(year.quota.map((q) => [q.person, q.quota, q.attained]), [
      ['dewi@example.com', 200000, 150000],
      ['budi@example.com', 90000, 15000],
    ]);
  });

  it('lists renewals due, key accounts and what needs attention', () => {
    assert.deepEqual(report.renewals.map((r) => [r.account.name, r.severity]), [['Grow', 'notice-passed']]);
    assert.deepEqual(report.attention.map((a) => [a.account.name, a.reasons]), [['Grow', ['renewal: Notice passed (contract ends 2026-12-15)', 'health 2/10']]]);
    assert.equal(opportunitiesOf(accounts[6], team).length, 3);
  });

  it('writes Markdown and a CSV that a spreadsheet opens', () => {
    const markdown = reportToMarkdown(report);
    assert.match(markdown, /^# Pipeline report 2026-Q4\n/);
    assert.match(markdown, /\| Grow \| 2026-12-15 \| Notice passed \| /, 'a renewal\'s severity in words, as the views say it');
    assert.match(markdown, /\| USD \| USD 165,000 \| USD 40,000 \(USD 32,000\) \| USD 20,000 \(USD 12,000\) \| \*\*USD 209,000\*\* \|/);
    const csv = reportToCsv(report);
    assert.ok(csv.endsWith('\r\n'));
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'section,account,file,detail,date,currency,value,weighted,probability_or_score,owner');
    assert.ok(lines.includes('deal,Open,accounts/ae/open.md,Negotiation,2026-12-01,USD,40000,32000,80,dewi@example.com'), 'stages in words, dates as a spreadsheet reads them');
    assert.ok(lines.includes('renewal,Grow,accounts/am/grow.md,Notice passed,2026-12-15,USD,200000,,,budi@example.com'), 'the severity as the views say it');
    assert.ok(lines.includes('attention,Grow,accounts/am/grow.md,renewal: Notice passed (contract ends 2026-12-15); health 2/10,,,,,,budi@example.com'));
  });

  it("writes days and amounts in VS Code's display language where the extension shows the report", () => {
    try {
      setDisplayLocale('en');
      assert.match(reportToMarkdown(report), /^Oct 1, 2026 to Dec 31, 2026 · as of Nov 22, 2026$/m);
      setDisplayLocale('id');
      const markdown = reportToMarkdown(report);
      assert.match(markdown, /^\| Open \| Negotiation \| 1 Des 2026 \| USD 40\.000 \| 80% \| dewi@example.com \|$/m);
    } finally {
      setDisplayLocale(undefined);
    }
  });

  it('says stages, criteria and days in words people read; the JSON keeps ids', () => {
    const markdown = reportToMarkdown(report);
    // The CLI sets no display language: its days stay as written, as they always were.
    assert.match(markdown, /^2026-10-01 to 2026-12-31 · as of 2026-11-22$/m);
    assert.match(markdown, /^\| Negotiation \| AE \| 1 \| USD 40,000 \| USD 32,000 \|$/m);
    assert.match(markdown, /^\| Open \| Negotiation \| 2026-12-01 \| USD 40,000 \| 80% \| dewi@example.com \|$/m);
    assert.match(markdown, /^\| Grow \| upsell \| Plus \| Proposal \| 2026-12-01 \| USD 20,000 \|$/m);
    assert.doesNotMatch(markdown, /negotiation|closed_won|growth_potential/);
    const labelled = buildReport(accounts, { ...team, stages: team.stages.map((s) => (s.id === 'negotiation' ? { ...s, label: 'Contract talks' } : s)) }, parsePeriod('2026-Q4')!, '2026-11-22');
    assert.match(reportToMarkdown(labelled), /^\| Open \| Contract talks \| /m, "the team's own label");
    assert.match(reportToCsv(labelled), /\r\ndeal,Open,accounts\/ae\/open\.md,Contract talks,/);
    assert.equal(reportToJson(labelled).forecast.deals[0].stage, 'negotiation');
    assert.equal(reportToJson(labelled).pipeline[4].stage, 'negotiation');
    const scored = buildReport([account('accounts/am/s.md', 'name: S\nstage: active\nscores: { growth_potential: 8, strategic_fit: 4 }')], team, parsePeriod('2026-Q4')!, '2026-11-22');
    assert.match(reportToMarkdown(scored), /^\| 1 \| S \| 7\.0 \| growth potential 8, strategic fit 4 \|$/m);
    assert.match(reportToCsv(scored), /\r\nkey_account,S,accounts\/am\/s\.md,"growth potential 8, strategic fit 4",/);
    assert.deepEqual(reportToJson(scored).key_accounts[0].criteria, { growth_potential: 8, strategic_fit: 4 });
  });
});

describe('buildReport reads the front-matter as the rest of the product does', () => {
  const q4 = parsePeriod('2026-Q4')!;

  it('counts an ARR that is no finite number (.inf) as no value, as the Pipeline totals do', () => {
    const accounts = [
      account('accounts/ae/big.md', 'name: Big\nstage: closed_won\nae: dewi@example.com\narr: .inf\ncurrency: USD\nclose_date: 2026-11-01'),
      account('accounts/ae/open.md', 'name: Open\nstage: negotiation\narr: .inf\ncurrency: USD\nclose_date: 2026-12-01'),
    ];
    const report = buildReport(accounts, team, q4, '2026-11-22');
    assert.deepEqual(report.forecast.totals, [{ currency: 'USD', won: 0, deals: 0, dealsWeighted: 0, expansion: 0, expansionWeighted: 0, forecast: 0 }]);
    assert.deepEqual(totalsOf(accounts, team), []);
    assert.equal(report.quota[0].attained, 0);
  });

  it('leaves out a deal whose close_date is no calendar day, as it does an opportunity\'s', () => {
    const accounts = [
      account('accounts/ae/won.md', 'name: Won\nstage: closed_won\narr: 1000\nclose_date: 2026-11-31'),
      account('accounts/ae/open.md', 'name: Open\nstage: negotiation\narr: 1000\nclose_date: 2026-12-1x'),
      account('accounts/ae/lost.md', 'name: Lost\nstage: closed_lost\narr: 1000\nclose_date: 2026-10-00'),
    ];
    const report = buildReport(accounts, team, q4, '2026-11-22');
    assert.deepEqual([report.won, report.lost, report.forecast.deals], [[], [], []]);
  });

  it('gives a won or lost deal\'s owner as text or null, as it does a renewal\'s', () => {
    const accounts = [account('accounts/ae/won.md', 'name: Won\nstage: closed_won\nae: [dewi, lena]\narr: 1000\nclose_date: 2026-11-01')];
    const report = buildReport(accounts, team, q4, '2026-11-22');
    assert.equal(reportToJson(report).won[0].owner, null);
    assert.match(reportToMarkdown(report), /\| Won \| 2026-11-01 \| 1,000 \|  \|/);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces, as RFC 4180 says', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' padded'), '" padded"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(12.5), '12.5');
    assert.equal(toCsv([['a', 'b'], ['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
  });
});

describe('default team', () => {
  it('has no quotas, so a report has no quota rows', () => {
    assert.deepEqual(buildReport([], defaultConfig(), parsePeriod('2026-Q4')!, '2026-11-22').quota, []);
  });
});
