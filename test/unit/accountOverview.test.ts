import * as assert from 'node:assert/strict';
import { accountOverview, type AccountOverview, type OverviewInput } from '../../src/core/insight/accountOverview';
import { checkupsOf } from '../../src/core/insight/checkupLog';
import { setDisplayLocale } from '../../src/core/model/displayLocale';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { overviewBody } from '../../src/core/output/overviewHtml';
import { readAccount } from '../../src/core/read/accountRead';
import { hostileLine, random, tagsOf, textOf } from './hostileText';

const config = defaultConfig();
const TODAY = '2026-11-22';

const ACME = `---
name: Acme Corp
stage: at_risk
ae: dewi@example.com
am: budi@example.com
region: APAC
arr: 120000
currency: USD
contract_start: 2026-01-01
contract_end: 2027-01-31
health: 4
last_contact: 2026-09-01
next_step: Send MSA redlines
next_step_date: 2026-11-20
contacts:
  - name: Sari Wijaya
    role: champion
    email: sari@acme.example
  - just a name
  - 42
scores: { growth_potential: 8, strategic_fit: 6 }
opportunities:
  - { type: upsell, title: Enterprise plan, value: 30000, stage: proposal, close_date: 2027-03-31 }
---
# Acme Corp

## Check-ups

- 2026-06-01 — Kick-off \\*went\\* well &lt;3 (satisfaction 6/10)
- 2026-09-01 — Pricing worries (satisfaction 4/10)
- not a check-up
- 2026-13-01 — an impossible day (satisfaction 9/10)

## Notes

- 2026-10-01 — in another section (satisfaction 10/10)
`;

function overviewOf(text: string, file = 'accounts/am/acme.md', extra: Partial<OverviewInput> = {}): AccountOverview {
  const account = readAccount(file, file.includes('/am/') ? 'am' : 'ae', text, config).account!;
  return accountOverview({ account, config, today: TODAY, text, ...extra });
}
const section = (overview: AccountOverview, id: string) => overview.sections.find((s) => s.id === id)!;
const row = (overview: AccountOverview, id: string, label: string) => section(overview, id).rows.find((r) => r.label === label);

describe('accountOverview: one account on one page', () => {
  // As the extension shows it: VS Code's display language set (English here).
  beforeEach(() => setDisplayLocale('en-US'));
  afterEach(() => setDisplayLocale(undefined));

  it('says who, what, the renewal and how it is going, with stage labels and days for people', () => {
    const overview = overviewOf(ACME);
    assert.equal(overview.name, 'Acme Corp');
    assert.equal(overview.subtitle, 'AM account · At risk · budi@example.com');
    assert.deepEqual(section(overview, 'who').rows.map((r) => [r.label, r.value]), [
      ['AE', 'dewi@example.com'],
      ['AM', 'budi@example.com'],
      ['Region', 'APAC'],
      ['champion', 'Sari Wijaya · sari@acme.example'],
      ['Contact', 'just a name'],
      ['Contact', '42'],
    ]);
    assert.equal(row(overview, 'deal', 'Stage')?.value, 'At risk');
    assert.equal(row(overview, 'deal', 'Annual value')?.value, 'USD 120,000');
    assert.equal(row(overview, 'deal', 'Contract end')?.value, 'Jan 31, 2027 (in 70 days)');
    assert.equal(row(overview, 'renewal', 'Renewal')?.value, 'Critical');
    assert.equal(row(overview, 'renewal', 'Renewal')?.tone, 'alert');
    assert.equal(row(overview, 'renewal', 'Notice deadline')?.value, 'Dec 2, 2026 (in 10 days)');
    assert.equal(row(overview, 'opportunities', 'Enterprise plan')?.value, 'upsell · USD 30,000 · Proposal · 60% · closes Mar 31, 2027');
    assert.equal(row(overview, 'health', 'Health')?.tone, 'alert');
    assert.equal(row(overview, 'health', 'Last contact')?.tone, 'warn', 'no contact for 82 days');
    assert.equal(row(overview, 'health', 'Next step date')?.tone, 'alert', 'the next step is overdue');
  });

  it('links each row to the line of the file it comes from', () => {
    const overview = overviewOf(ACME);
    const lines = ACME.split('\n');
    assert.match(lines[row(overview, 'deal', 'Stage')!.line!], /^stage: at_risk/);
    assert.match(lines[row(overview, 'deal', 'Contract end')!.line!], /^contract_end:/);
    assert.match(lines[row(overview, 'who', 'champion')!.line!], /^contacts:/);
    const checkups = section(overview, 'checkups').rows.filter((r) => r.line !== undefined);
    assert.deepEqual(checkups.map((r) => lines[r.line!].slice(0, 12)), ['- 2026-09-01', '- 2026-06-01']);
  });

  it('shows the check-ups newest first with satisfaction over time, undoing the Markdown escapes', () => {
    const rows = section(overviewOf(ACME), 'checkups').rows;
    assert.deepEqual(rows.map((r) => [r.label, r.value]), [
      ['Satisfaction over time', '6 → 4 (falling)'],
      ['Sep 1, 2026', 'Pricing worries (satisfaction 4/10)'],
      ['Jun 1, 2026', 'Kick-off *went* well <3 (satisfaction 6/10)'],
    ]);
    assert.equal(rows[1].meter, 4);
  });

  it('scores the account over every criterion of the team, unscored ones said so', () => {
    const overview = overviewOf(ACME, undefined, { rank: { rank: 2, key: true } });
    assert.equal(row(overview, 'keyAccount', 'Score')?.value, '3.6/10 · key account, #2');
    assert.equal(row(overview, 'keyAccount', 'relationship')?.value, 'not scored · weight 2');
    assert.equal(row(overview, 'keyAccount', 'growth_potential')?.value, '8/10 · weight 3');
  });

  it('reads numbers and days in the display language', () => {
    setDisplayLocale('id');
    const overview = overviewOf(ACME);
    assert.equal(row(overview, 'deal', 'Annual value')?.value, 'USD 120.000');
    assert.match(row(overview, 'deal', 'Contract end')!.value, /^31 Jan 2027/);
  });

  it('an AE deal: its win probability and close date, and no renewal', () => {
    const text = '---\nname: Beta\nstage: negotiation\nae: dewi@example.com\nclose_date: 2026-12-15\ncontract_end: 2027-12-31\n---\n';
    const overview = overviewOf(text, 'accounts/ae/beta.md');
    assert.equal(overview.subtitle, 'AE account · Negotiation · dewi@example.com');
    assert.equal(row(overview, 'deal', 'Win probability')?.value, '80%');
    assert.equal(row(overview, 'deal', 'Close date')?.value, 'Dec 15, 2026 (in 23 days)');
    assert.deepEqual(section(overview, 'renewal').rows, []);
    assert.equal(section(overview, 'renewal').empty, 'A deal has no renewal yet.');
  });

  it('missing keys and wrong types leave rows out instead of failing', () => {
    const text = [
      '---',
      'name: Odd',
      'stage: [not, a, stage]',
      'arr: lots',
      'health: "7"',
      'contract_end: 2027-02-30',
      'contacts: { name: not a list }',
      'scores: [1, 2]',
      'opportunities: [null, 3, { value: big, stage: 7 }]',
      'tags: [a, { b: c }, 3]',
      '---',
      '## Check-ups',
      '- 2026-10-10 — no score at all',
      '- 2026-10-11 — (satisfaction 11/10)',
    ].join('\n');
    const overview = overviewOf(text);
    assert.equal(overview.subtitle, 'AM account');
    assert.deepEqual(section(overview, 'who').rows, []);
    assert.deepEqual(section(overview, 'deal').rows.map((r) => [r.label, r.value]), [['Tags', 'a, 3']]);
    assert.deepEqual(section(overview, 'renewal').rows, []);
    assert.deepEqual(section(overview, 'keyAccount').rows, []);
    assert.deepEqual(section(overview, 'health').rows, []);
    assert.deepEqual(section(overview, 'opportunities').rows.map((r) => r.value), ['0 · 0%']);
    assert.deepEqual(section(overview, 'checkups').rows.map((r) => [r.value, r.meter]), [
      ['(satisfaction 11/10)', undefined],
      ['no score at all', undefined],
    ]);
  });

  it('leaves a place for the story from git, between how it is going and the check-ups', () => {
    const ids = (overview: AccountOverview) => overview.sections.map((s) => s.id);
    assert.deepEqual(ids(overviewOf(ACME)), ['who', 'deal', 'renewal', 'opportunities', 'keyAccount', 'health', 'checkups']);
    assert.deepEqual(ids(overviewOf(ACME, undefined, { story: [{ label: 'Nov 1, 2026', value: 'Handed off to budi@example.com' }] })), ['who', 'deal', 'renewal', 'opportunities', 'keyAccount', 'health', 'story', 'checkups']);
  });
});

describe('checkupsOf', () => {
  it('reads only the Check-ups section, whatever its level and case, and not inside code', () => {
    const text = '---\nname: X\n---\n### CHECK-UPS\n```\n- 2026-01-01 — in code (satisfaction 1/10)\n```\n- 2026-02-02 — real\r\n# Next\n- 2026-03-03 — after\n';
    assert.deepEqual(checkupsOf(text).map((c) => [c.day, c.outcome, c.line]), [['2026-02-02', 'real', 7]]);
  });
});

describe('overviewBody: the page, every value escaped', () => {
  const hostileAccount = (name: string) =>
    `---\nname: ${JSON.stringify(name)}\nstage: ${JSON.stringify(name)}\nam: ${JSON.stringify(name)}\nregion: ${JSON.stringify(name)}\narr: 5\ncurrency: ${JSON.stringify(name)}\ncontract_end: 2027-01-31\nnext_step: ${JSON.stringify(name)}\ntags: [${JSON.stringify(name)}]\ncontacts: [{ name: ${JSON.stringify(name)}, role: ${JSON.stringify(name)}, email: ${JSON.stringify(name)} }]\nscores: { ${JSON.stringify(name)}: 5, growth_potential: 5 }\nopportunities: [{ type: ${JSON.stringify(name)}, title: ${JSON.stringify(name)}, value: 1, stage: ${JSON.stringify(name)} }]\n---\n## Check-ups\n- 2026-10-10 — ${name.replace(/[\r\n]/g, ' ')} (satisfaction 5/10)\n`;
  const body = (name: string) => overviewBody(overviewOf(hostileAccount(name), `accounts/am/${encodeURIComponent(name)}.md`));

  it('shows a hostile name as text, never as a tag', () => {
    const html = body('<img src=x onerror=alert(1)>');
    assert.ok(html.includes('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>'));
    assert.ok(!html.includes('<img'));
  });

  it('has the same structure for 300 hostile names as for a plain one, and shows each as written', () => {
    const plain = tagsOf(body('Plain'));
    const rnd = random(5);
    for (let i = 0; i < 300; i++) {
      const name = hostileLine(rnd);
      const html = body(name);
      assert.deepEqual(tagsOf(html), plain, `seed 5, name ${JSON.stringify(name)}`);
      // eslint-disable-next-line no-control-regex -- controls are what it replaces
      const expected = name.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '\ufffd');
      assert.ok(textOf(html).includes(`\n${expected}\n`), `the name reads as written: ${JSON.stringify(name)}`);
    }
  });

  it('marks a removed file and drops the links', () => {
    const html = overviewBody(overviewOf(ACME), { removed: true });
    assert.match(html, /class="removed" role="status"/);
    assert.ok(!html.includes('data-line'));
    assert.match(overviewBody(overviewOf(ACME)), /<button type="button" class="line" data-line="\d+"/);
  });
});
