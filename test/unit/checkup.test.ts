import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/account';
import { planCheckup } from '../../src/core/checkup';
import { defaultConfig } from '../../src/core/config';
import type { EditTarget } from '../../src/core/handoff';
import { applyEdits } from '../../src/core/textEdit';

const config = defaultConfig();

function target(text: string): EditTarget {
  const { account } = readAccount('accounts/am/g.md', 'am', text, config);
  return { file: 'accounts/am/g.md', role: 'am', text, name: account!.name, stage: account!.stage, data: account!.data };
}

const checkup = { today: '2026-11-22', outcome: 'QBR went well; wants SSO', satisfaction: 8 };

describe('planCheckup', () => {
  it('sets last_contact in place and adds the entry at the end of the Check-ups section', () => {
    const text = ['---', 'name: Globex', 'stage: active', 'last_contact: 2026-10-01 # from CRM', 'health: 7', '---', '# Globex', '', '## Check-ups', '', '- 2026-10-01 — kickoff (satisfaction 7/10)', '', '## Notes', '', 'Other.', ''].join('\n');
    const result = applyEdits(text, planCheckup(target(text), checkup).edits);
    assert.equal(
      result,
      text
        .replace('last_contact: 2026-10-01 # from CRM', 'last_contact: 2026-11-22 # from CRM')
        .replace('(satisfaction 7/10)\n', '(satisfaction 7/10)\n- 2026-11-22 — QBR went well; wants SSO (satisfaction 8/10)\n'),
    );
  });

  it('creates the section and the key when they are missing, in CRLF', () => {
    const text = ['---', 'name: Globex', 'stage: active', 'health: 7', '---', '# Globex', 'Notes.'].join('\r\n');
    const result = applyEdits(text, planCheckup(target(text), checkup).edits);
    assert.equal(result, ['---', 'name: Globex', 'stage: active', 'health: 7', 'last_contact: 2026-11-22', '---', '# Globex', 'Notes.', '', '## Check-ups', '', '- 2026-11-22 — QBR went well; wants SSO (satisfaction 8/10)', ''].join('\r\n'));
  });

  it('finds the section at any heading level and ignores headings inside code fences', () => {
    const text = ['---', 'name: G', 'stage: active', '---', '```', '# Check-ups', '```', '### check-ups', '- old', '### Next', ''].join('\n');
    const result = applyEdits(text, planCheckup(target(text), checkup).edits);
    assert.match(result, /### check-ups\n- old\n- 2026-11-22 — QBR went well; wants SSO \(satisfaction 8\/10\)\n### Next\n$/);
  });

  it('refuses an empty or multi-line outcome and a satisfaction outside 1–10', () => {
    const text = '---\nname: G\nstage: active\n---\n';
    assert.throws(() => planCheckup(target(text), { ...checkup, outcome: ' ' }), /say in a line/);
    assert.throws(() => planCheckup(target(text), { ...checkup, outcome: 'a\nb' }), /one line/);
    assert.throws(() => planCheckup(target(text), { ...checkup, satisfaction: 11 }), /1 to 10/);
    assert.throws(() => planCheckup(target(text), { ...checkup, satisfaction: 7.5 }), /1 to 10/);
  });
});
