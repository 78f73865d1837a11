import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoff, sample, sampleRepository } from './handoffProcess';

/** A git repository with the sample at `main`, then a branch with a handoff, a stage move, an add and a remove. */
function history(): string {
  return sampleRepository((dir) => {
    assert.equal(handoff(['handoff', 'accounts/ae/apac/tokopintar.md', '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]).code, 0);
    assert.equal(handoff(['move', 'accounts/ae/emea/baltic-freight.md', 'proposal', '--dir', dir]).code, 0);
    fs.writeFileSync(path.join(dir, 'accounts/ae/apac/kopi-kenangan.md'), '---\nname: Kopi Kenangan\nstage: prospecting\narr: 120000\ncurrency: USD\n---\n');
    fs.unlinkSync(path.join(dir, 'accounts/ae/emea/castle-games.md'));
  });
}

describe('handoff diff', () => {
  const dir = history();

  it('reports the handoff through git rename detection, the stage move, the new and the removed account', () => {
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const diff = JSON.parse(result.stdout);
    assert.deepEqual(diff.handoffs, [{ from: 'accounts/ae/apac/tokopintar.md', to: 'accounts/am/apac/tokopintar.md', name: 'TokoPintar' }]);
    assert.deepEqual(diff.stage_changes, [{ file: 'accounts/ae/emea/baltic-freight.md', name: 'Baltic Freight', from: 'demo', to: 'proposal' }]);
    assert.deepEqual(diff.added.map((a: { name: string }) => a.name), ['Kopi Kenangan']);
    assert.deepEqual(diff.removed.map((a: { name: string }) => a.name), ['Castle Games']);
  });

  it('writes a Markdown comment for the pull request', () => {
    const result = handoff(['diff', 'main', 'week-47', '--dir', dir, '--format', 'md']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^### Handoff review: main → week-47\n\n\*\*1 handoff, 1 stage move, 1 new account, 1 removed account, \+USD 120K, −EUR 12K pipeline\*\*/);
    assert.match(result.stdout, /- \*\*TokoPintar\*\* AE → AM: `accounts\/ae\/apac\/tokopintar.md` → `accounts\/am\/apac\/tokopintar.md`/);
    assert.match(result.stdout, /- \*\*Baltic Freight\*\*: Demo → Proposal\n/, 'stage moves in words, not ids');
    assert.match(result.stdout, /- \*\*Kopi Kenangan\*\* \(Prospecting, USD 120,000\)/);
  });

  it('compares with the working tree when HEAD is left out, even before the handoff is staged', () => {
    const work = history();
    execFileSync('git', ['checkout', '-q', 'main'], { cwd: work, stdio: 'pipe' });
    assert.equal(handoff(['handoff', 'accounts/ae/emea/fjord-analytics.md', '--to', 'sofia@example.com', '--dir', work]).code, 0);
    const diff = JSON.parse(handoff(['diff', 'HEAD', '--dir', work, '--format', 'json']).stdout);
    assert.deepEqual(diff.handoffs.map((h: { name: string }) => h.name), ['Fjord Analytics']);
    assert.deepEqual(diff.added, []);
  });

  it('exits 2 for an unknown revision or outside a git repository', () => {
    const unknown = handoff(['diff', 'no-such-branch', '--dir', dir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /git: /);
    assert.equal(handoff(['diff', 'HEAD', '--dir', fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-nogit-'))]).code, 2);
    assert.equal(handoff(['diff', '--dir', dir]).code, 2);
  });
});

describe('handoff report', () => {
  it('writes the quarter of --today as Markdown by default', () => {
    const result = handoff(['report', '--dir', sample, '--today', '2026-11-22']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Pipeline report 2026-Q4\n\n2026-10-01 to 2026-12-31 · as of 2026-11-22\n/);
    // Stages and criteria in words, as the views say them; ids stay in --format json.
    assert.match(result.stdout, /^\| Negotiation \| AE \| 2 \| /m);
    assert.match(result.stdout, /\| 1 \| Bank Cendana \| 8\.4 \| growth potential \d+, /);
    assert.doesNotMatch(result.stdout, /closed_won|growth_potential|notice-passed/);
    assert.match(result.stdout, /\| USD \| USD 66,000 \| USD 330,000 \(USD 199,500\) \| USD 0 \(USD 0\) \| \*\*USD 265,500\*\* \|/);
    assert.match(result.stdout, /\| 1 \| Bank Cendana \| 8\.4 \|/);
  });

  it('writes JSON and CSV for a chosen period', () => {
    const json = JSON.parse(handoff(['report', '--dir', sample, '--today', '2026-11-22', '--period', '2027-Q1', '--format', 'json']).stdout);
    assert.deepEqual(json.period, { id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
    assert.deepEqual(json.renewals.map((r: { name: string }) => r.name), ['Satu Asuransi', 'Alpine Hotels', 'Øresund Bikes', 'Pelita Logistik', 'Thames Legal', 'Kraken Shipping', 'Lumen Health']);
    assert.deepEqual(json.forecast.expansion.map((o: { title: string }) => o.title), ['Enterprise plan', 'Analytics add-on']);
    const csv = handoff(['report', '--dir', sample, '--today', '2026-11-22', '--format', 'csv']).stdout;
    assert.match(csv, /^section,account,file,detail,date,currency,value,weighted,probability_or_score,owner\r\n/);
  });

  it('exits 2 on a bad --period or --format', () => {
    assert.equal(handoff(['report', '--dir', sample, '--period', 'Q4']).code, 2);
    assert.equal(handoff(['report', '--dir', sample, '--format', 'pdf']).code, 2);
  });
});
