// What the CLI prints from hostile files: a terminal line per line it means, controls shown as
// escapes (SPEC.md: hostile content never becomes code or markup).
import * as assert from 'node:assert/strict';
import { formatTable } from '../../src/cli/table';
import { ANSI_NAME, hasControl, hostile, random, shown } from '../unit/hostileText';
import { handoff, tempWorkspace } from './handoffProcess';

describe('hostile content on a terminal', () => {
  const dir = tempWorkspace({
    // A line break in a file name would forge a `check` line of its own.
    'accounts/ae/evil\naccounts/ae/fine.md:1:1: error: forged [x].md': '---\nname: Forged\nstage: negotiatoin\n---\n',
    'accounts/ae/ansi.md': `---\nname: ${JSON.stringify(ANSI_NAME)}\nstage: negotiation\nae: "\\e[5mdewi"\nregion: "\\u202eAPAC"\narr: 1000\ncurrency: "\\e[1mUSD"\nclose_date: 2026-12-01\n---\n`,
    'accounts/am/renew.md': `---\nname: ${JSON.stringify(ANSI_NAME)}\nstage: active\nam: "b\\rudi"\ncontract_end: 2026-12-15\n---\n`,
  });

  it('check: one line per problem, the file name and message with their controls shown as escapes', () => {
    const result = handoff(['check', '--dir', dir, '--today', '2026-11-22']);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, JSON.parse(handoff(['check', '--dir', dir, '--today', '2026-11-22', '--format', 'json']).stdout).problems.length);
    assert.ok(lines.includes("accounts/ae/evil\\naccounts/ae/fine.md:1:1: error: forged [x].md:3:8: error: stage 'negotiatoin' is not a stage of this team; did you mean 'negotiation'? [unknown-stage]"), result.stdout);
    assert.ok(!hasControl(result.stdout.replace(/\n/g, '')) && !hasControl(result.stderr.replace(/\n/g, '')));
  });

  it('list and renewals: every cell on its row, escapes instead of controls', () => {
    for (const args of [['list'], ['renewals'], ['list', '--format', 'text']]) {
      const result = handoff([...args, '--dir', dir, '--today', '2026-11-22']);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!hasControl(result.stdout.replace(/\n/g, '')), `${args.join(' ')}: ${JSON.stringify(result.stdout)}`);
      assert.ok(result.stdout.includes(shown(ANSI_NAME).slice(0, 30)), result.stdout);
    }
    assert.equal(handoff(['list', '--dir', dir]).stdout.trimEnd().split('\n').length, 2 + JSON.parse(handoff(['list', '--dir', dir, '--format', 'json']).stdout).accounts.length);
  });

  it('edit messages and refusals name the account with escapes', () => {
    const moved = handoff(['move', 'accounts/ae/ansi.md', 'proposal', '--dir', dir]);
    assert.equal(moved.code, 0, moved.stderr);
    assert.ok(!hasControl(moved.stdout.replace(/\n$/, '')), JSON.stringify(moved.stdout));
    const refused = handoff(['move', 'accounts/ae/ansi.md', 'active', '--dir', dir]);
    assert.equal(refused.code, 1);
    assert.ok(!hasControl(refused.stderr.replace(/\n$/, '')), JSON.stringify(refused.stderr));
    const missing = handoff(['move', 'accounts/ae/no\x1b[2Jsuch.md', 'proposal', '--dir', dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such account file: accounts\/ae\/no\\x1b\[2Jsuch\.md/);
  });

  it('property: a text table has a line per row, whatever the cells hold', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed);
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => [hostile(rnd), hostile(rnd), hostile(rnd)]);
      const table = formatTable(['A', 'B', 'C'], rows);
      assert.equal(table.split('\n').length, rows.length + 3, `seed ${seed}`);
      assert.ok(!hasControl(table.replace(/\n/g, '')), `seed ${seed}: ${JSON.stringify(table)}`);
      for (const row of rows) for (const cell of row) assert.ok(table.includes(shown(cell).trimEnd()), `seed ${seed}: ${JSON.stringify(cell)} shows`);
    }
  });
});

