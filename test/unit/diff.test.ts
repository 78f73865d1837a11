import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { diffAccounts } from '../../src/core/insight/diff';
import { diffToJson, diffToMarkdown } from '../../src/core/output/reviewFormats';

const config = defaultConfig();
const roleOf = (file: string) => (file.startsWith('accounts/ae/') ? 'ae' : file.startsWith('accounts/am/') ? 'am' : undefined);
const file = (path: string, name: string, stage: string, arr = 1000) => ({ file: path, text: `---\nname: ${name}\nstage: ${stage}\narr: ${arr}\ncurrency: USD\n---\n` });

describe('diffAccounts', () => {
  const before = [file('accounts/ae/a.md', 'A', 'closed_won'), file('accounts/ae/b.md', 'B', 'demo'), file('accounts/ae/c.md', 'C', 'demo'), file('accounts/am/d.md', 'D', 'active'), file('accounts/am/e.md', 'E', 'at_risk', 5000)];
  const after = [file('accounts/am/a.md', 'A', 'onboarding'), file('accounts/ae/b.md', 'B', 'proposal', 3000), file('accounts/ae/new.md', 'New', 'prospecting', 7000), file('accounts/ae/x/d.md', 'D', 'negotiation'), file('accounts/am/e.md', 'E', 'at_risk', 5000)];
  const diff = diffAccounts(before, after, new Map([['accounts/am/d.md', 'accounts/ae/x/d.md']]), roleOf, config);

  it('finds handoffs both ways (by git rename, or by the same place under the other folder), stage moves, added, removed and value changes', () => {
    assert.deepEqual(diffToJson(diff), {
      handoffs: [
        { from: 'accounts/ae/a.md', to: 'accounts/am/a.md', name: 'A' },
        { from: 'accounts/am/d.md', to: 'accounts/ae/x/d.md', name: 'D' },
      ],
      stage_changes: [{ file: 'accounts/ae/b.md', name: 'B', from: 'demo', to: 'proposal' }],
      added: [{ file: 'accounts/ae/new.md', name: 'New', stage: 'prospecting', role: 'ae', arr: 7000, currency: 'USD' }],
      removed: [{ file: 'accounts/ae/c.md', name: 'C', stage: 'demo', role: 'ae', arr: 1000, currency: 'USD' }],
      value_changes: [{ file: 'accounts/ae/b.md', name: 'B', currency: 'USD', from: 1000, to: 3000 }],
    });
  });

  it('writes a pull-request comment with a one-line summary', () => {
    const markdown = diffToMarkdown(diff, 'main', 'feature', config);
    assert.match(markdown, /^### Handoff review: main → feature\n\n\*\*2 handoffs, 1 stage move, 1 new account, 1 removed account, \+USD 8K pipeline\*\*\n/);
    assert.match(markdown, /- \*\*A\*\* AE → AM: `accounts\/ae\/a.md` → `accounts\/am\/a.md`/);
    assert.match(markdown, /- \*\*D\*\* AM → AE \(hand-back\)/);
    assert.match(markdown, /- \*\*B\*\*: USD 1,000 → USD 3,000/);
  });

  it('names stages in the review as people read them, the team\'s own labels included; the JSON keeps ids', () => {
    const markdown = diffToMarkdown(diff, 'main', 'feature', config);
    assert.match(markdown, /- \*\*B\*\*: Demo → Proposal\n/);
    assert.match(markdown, /- \*\*New\*\* \(Prospecting, USD 7,000\)/);
    const labelled = { ...config, stages: config.stages.map((s) => (s.id === 'proposal' ? { ...s, label: 'Quote sent' } : s)) };
    assert.match(diffToMarkdown(diff, 'main', 'feature', labelled), /- \*\*B\*\*: Demo → Quote sent\n/);
    assert.deepEqual(diffToJson(diff).stage_changes, [{ file: 'accounts/ae/b.md', name: 'B', from: 'demo', to: 'proposal' }]);
  });

  it('says so when nothing changed', () => {
    assert.match(diffToMarkdown(diffAccounts(before, before, new Map(), roleOf, config), 'a', 'b', config), /\*\*0 handoffs, 0 stage moves, 0 new accounts, 0 removed accounts\*\*\n\nNo account changed\./);
  });
});
