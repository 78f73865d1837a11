// `handoff history` on a git repository of the sample with dated commits: the stage moves and the
// handoff the CLI itself made, days in stage counted to --today (a change not committed yet from
// --today), the win rate of a window, and the four formats.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { handoff, sampleCopy } from './handoffProcess';

const TOKO_AE = 'accounts/ae/apac/tokopintar.md';
const TOKO_AM = 'accounts/am/apac/tokopintar.md';

/** Commits everything as Test, authored and committed on `day` at noon UTC. */
function commitOn(dir: string, day: string, message: string): void {
  const date = `${day}T12:00:00Z`;
  for (const args of [['add', '-A'], ['commit', '-qm', message]]) {
    execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  }
}

describe('handoff history', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = sampleCopy();
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, stdio: 'pipe' });
    commitOn(dir, '2026-10-01', 'The team');
    assert.equal(handoff(['move', 'accounts/ae/emea/baltic-freight.md', 'proposal', '--dir', dir]).code, 0);
    commitOn(dir, '2026-10-15', 'Baltic Freight to proposal');
    assert.equal(handoff(['move', 'accounts/ae/apac/garuda-fintech.md', 'closed_won', '--dir', dir]).code, 0);
    commitOn(dir, '2026-10-20', 'Garuda Fintech won');
    assert.equal(handoff(['handoff', TOKO_AE, '--to', 'budi@example.com', '--today', '2026-11-02', '--dir', dir]).code, 0);
    commitOn(dir, '2026-11-02', 'TokoPintar to Budi');
    // Not committed yet.
    assert.equal(handoff(['move', 'accounts/ae/apac/kopi-nusantara.md', 'qualification', '--dir', dir]).code, 0);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const json = (...args: string[]) => {
    const result = handoff(['history', '--dir', dir, '--today', '2026-11-24', '--format', 'json', ...args]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout);
  };

  it('lists the transitions git recorded, with date, author and commit; the handoff as one account moving', () => {
    const { transitions } = json('--since', '2026-10-02');
    assert.deepEqual(
      transitions.map((t: Record<string, unknown>) => [t.date, t.kind, t.file, t.from, t.to, t.name, t.author]),
      [
        ['2026-10-15', 'stage', 'accounts/ae/emea/baltic-freight.md', 'demo', 'proposal', 'Baltic Freight', 'Test <test@example.com>'],
        ['2026-10-20', 'stage', 'accounts/ae/apac/garuda-fintech.md', 'demo', 'closed_won', 'Garuda Fintech', 'Test <test@example.com>'],
        ['2026-11-02', 'handoff', TOKO_AM, TOKO_AE, TOKO_AM, 'TokoPintar', 'Test <test@example.com>'],
        ['2026-11-02', 'stage', TOKO_AM, 'closed_won', 'onboarding', 'TokoPintar', 'Test <test@example.com>'],
      ],
    );
    assert.ok(transitions.every((t: { commit: string }) => /^[0-9a-f]{40}$/.test(t.commit)));
  });

  it('says since when each account of the working tree is in its stage, and how many days that is', () => {
    const accounts = new Map(json().accounts.map((a: { file: string }) => [a.file, a]));
    assert.equal(accounts.size, 32);
    assert.deepEqual(accounts.get('accounts/ae/emea/baltic-freight.md'), { file: 'accounts/ae/emea/baltic-freight.md', name: 'Baltic Freight', stage: 'proposal', since: '2026-10-15', days_in_stage: 40 });
    assert.deepEqual(accounts.get(TOKO_AM), { file: TOKO_AM, name: 'TokoPintar', stage: 'onboarding', since: '2026-11-02', days_in_stage: 22 });
    assert.deepEqual(accounts.get('accounts/ae/apac/kopi-nusantara.md'), { file: 'accounts/ae/apac/kopi-nusantara.md', name: 'Kopi Nusantara', stage: 'qualification', since: '2026-11-24', days_in_stage: 0 }, 'a move not committed counts from today');
    assert.equal((accounts.get('accounts/am/apac/globex.md') as { since: string }).since, '2026-10-01');
  });

  it('gives the window\'s win rate per AE and the sales cycle, and each stage\'s flow', () => {
    const report = json('--since', '2026-10-02', '--until', '2026-11-30');
    assert.deepEqual(report.win_rate, { won: 1, lost: 0, rate: 1, by_ae: [{ ae: 'dewi@example.com', won: 1, lost: 0, rate: 1 }], median_cycle_days: 19 });
    const proposal = report.stages.find((s: { stage: string }) => s.stage === 'proposal');
    assert.deepEqual(proposal, { stage: 'proposal', entered: 1, median_days: 40, mean_days: 40, conversion: 0 });
    assert.deepEqual(report.stages.map((s: { stage: string }) => s.stage).slice(0, 3), ['prospecting', 'qualification', 'demo']);
  });

  it('writes Markdown for people (text is the same) and one CSV table', () => {
    const md = handoff(['history', '--dir', dir, '--today', '2026-11-24', '--format', 'md', '--since', '2026-10-02']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Pipeline history\n\n2026-10-02 – 2026-11-24\n/);
    assert.match(md.stdout, /\| 2026-11-02 \| TokoPintar \| handoff \| accounts\/ae\/apac\/tokopintar\.md \| accounts\/am\/apac\/tokopintar\.md \| Test &lt;test@example\.com&gt; \| `[0-9a-f]{8}` \|/);
    assert.match(md.stdout, /\| Proposal \| 1 \| 40 \| 40 \| 0 % \|/);
    assert.equal(handoff(['history', '--dir', dir, '--today', '2026-11-24', '--since', '2026-10-02']).stdout, md.stdout);
    const csv = handoff(['history', '--dir', dir, '--today', '2026-11-24', '--format', 'csv']).stdout.split('\r\n');
    assert.match(csv[0], /^section,file,name,date,kind,from,to,author,commit,stage,since,days,/);
    assert.ok(csv.some((line) => line.startsWith(`account,${TOKO_AM},TokoPintar,,,,,,,onboarding,2026-11-02,22,`)));
  });

  it('lets check report a deal past its stage\'s stale_days as stage-stale (information, exit 0), and say when there is no history to tell', () => {
    const configFile = path.join(dir, '.handoff.yml');
    const config = fs.readFileSync(configFile, 'utf8');
    const stages = ['prospecting', 'qualification', 'demo', 'proposal', 'negotiation'].map((id) => `  - { id: ${id}, role: ae${id === 'proposal' ? ', stale_days: 30' : ''}${id === 'demo' ? ', stale_days: 60' : ''} }`);
    const closedAndAm = ['  - { id: closed_won, role: ae, closed: true, won: true }', '  - { id: closed_lost, role: ae, closed: true }', ...['onboarding', 'active', 'at_risk', 'renewal'].map((id) => `  - { id: ${id}, role: am }`), '  - { id: churned, role: am, closed: true }'];
    try {
      fs.writeFileSync(configFile, `${config}\nstages:\n${[...stages, ...closedAndAm].join('\n')}\n`);
      const result = handoff(['check', '--dir', dir, '--today', '2026-11-24', '--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      const stale = JSON.parse(result.stdout).problems.filter((p: { code: string }) => p.code === 'stage-stale');
      // In proposal: Sinar Mas Retail and Rhein Pharma since the first commit (54 days > 30), Baltic Freight since its move on 2026-10-15 (40 days);
      // the deals in demo since 2026-10-01 (54 days) are within its 60.
      assert.deepEqual(
        stale.map((p: Record<string, unknown>) => [p.file, p.line, p.severity, p.message]),
        [
          ['accounts/ae/apac/sinar-mas-retail.md', 3, 'info', "In Proposal for 54 days (since 2026-10-01); the team's limit for this stage is 30"],
          ['accounts/ae/emea/baltic-freight.md', 3, 'info', "In Proposal for 40 days (since 2026-10-15); the team's limit for this stage is 30"],
          ['accounts/ae/emea/rhein-pharma.md', 3, 'info', "In Proposal for 54 days (since 2026-10-01); the team's limit for this stage is 30"],
        ],
      );
      const outside = sampleCopy();
      try {
        fs.writeFileSync(path.join(outside, '.handoff.yml'), fs.readFileSync(configFile, 'utf8'));
        const noGit = handoff(['check', '--dir', outside, '--today', '2026-11-24']);
        assert.equal(noGit.code, 0, noGit.stderr);
        assert.match(noGit.stderr, /stalled deals \(stale_days\) not checked: this folder is not in a git repository/);
        assert.doesNotMatch(noGit.stdout, /stage-stale/);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    } finally {
      fs.writeFileSync(configFile, config);
    }
  });

  it('exits 2 with a plain message outside a git repository, or on a bad day', () => {
    const outside = sampleCopy();
    try {
      const result = handoff(['history', '--dir', outside]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /not in a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    const bad = handoff(['history', '--dir', dir, '--since', '2026-13-01']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since must be a calendar day/);
  });
});
