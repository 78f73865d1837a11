import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { planCheckup, suggestedHealth } from '../../src/core/edit/checkup';
import { planAddOpportunity } from '../../src/core/edit/addOpportunity';
import { defaultConfig } from '../../src/core/model/teamConfig';
import type { EditTarget } from '../../src/core/edit/editPlan';
import { applyEdits } from '../../src/core/edit/textEdit';

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
    assert.throws(() => planCheckup(target(text), { ...checkup, health: 0 }), /health is a whole number/);
  });

  it('suggests the satisfaction as health only when it differs', () => {
    assert.equal(suggestedHealth(3, 6), 6);
    assert.equal(suggestedHealth(undefined, 6), 6);
    assert.equal(suggestedHealth(6, 6), undefined);
  });

  it('sets health in the same edit when asked: one plan, one undo, written as a number', () => {
    const text = ['---', 'name: Globex', 'stage: active', 'health: 3 # from the QBR', 'last_contact: 2026-10-01', '---', '# Globex', ''].join('\n');
    const plan = planCheckup(target(text), { ...checkup, satisfaction: 6, health: 6 });
    const result = applyEdits(text, plan.edits);
    assert.equal(result, text.replace('health: 3 #', 'health: 6 #').replace('last_contact: 2026-10-01', 'last_contact: 2026-11-22') + '\n## Check-ups\n\n- 2026-11-22 — QBR went well; wants SSO (satisfaction 6/10)\n');
    assert.equal(readAccount('accounts/am/g.md', 'am', result, config).account?.data.health, 6);
    assert.equal(plan.summary, 'Globex: check-up logged (6/10), health set to 6');
  });

  it('adds a missing health after the stage, next to a missing last_contact', () => {
    const text = ['---', 'name: Globex', 'stage: active', '---', ''].join('\n');
    const result = applyEdits(text, planCheckup(target(text), { ...checkup, health: 8 }).edits);
    assert.equal(result.split('---')[1], '\nname: Globex\nstage: active\nlast_contact: 2026-11-22\nhealth: 8\n');
  });
});

describe('planAddOpportunity', () => {
  const opportunity = { type: 'upsell' as const, title: 'Enterprise plan', value: 30000, stage: 'proposal', closeDate: '2027-03-31' };

  it('appends to an existing block list in its own indentation, keeping everything else', () => {
    const text = ['---', 'name: Globex', 'stage: active', 'opportunities:', '    - type: cross-sell   # first', '      title: BI', '      value: 5000', 'tags: [a]', '---', ''].join('\n');
    const result = applyEdits(text, planAddOpportunity(target(text), opportunity, config).edits);
    assert.equal(result, text.replace('      value: 5000\n', '      value: 5000\n    - type: upsell\n      title: Enterprise plan\n      value: 30000\n      stage: proposal\n      close_date: 2027-03-31\n'));
    // Reads back without an error (information such as missing-contract-end aside).
    assert.deepEqual(readAccount('accounts/am/g.md', 'am', result, config).problems.filter((p) => p.severity !== 'info'), []);
  });

  it('creates the list when it is missing or empty', () => {
    const missing = '---\nname: Globex\nstage: active\n---\n';
    assert.equal(applyEdits(missing, planAddOpportunity(target(missing), opportunity, config).edits), '---\nname: Globex\nstage: active\nopportunities:\n  - type: upsell\n    title: Enterprise plan\n    value: 30000\n    stage: proposal\n    close_date: 2027-03-31\n---\n');
    const empty = '---\r\nname: Globex\r\nstage: active\r\nopportunities: []\r\n---\r\n';
    const result = applyEdits(empty, planAddOpportunity(target(empty), opportunity, config).edits);
    assert.equal(result, '---\r\nname: Globex\r\nstage: active\r\nopportunities:\r\n  - type: upsell\r\n    title: Enterprise plan\r\n    value: 30000\r\n    stage: proposal\r\n    close_date: 2027-03-31\r\n---\r\n');
  });

  it('refuses an AE account, an AM stage and a bad date', () => {
    const text = '---\nname: Globex\nstage: active\n---\n';
    assert.throws(() => planAddOpportunity(target(text), { ...opportunity, stage: 'active' }, config), /AE stages/);
    assert.throws(() => planAddOpportunity(target(text), { ...opportunity, closeDate: '2027-02-30' }, config), /calendar day/);
    const deal = '---\nname: Acme\nstage: demo\n---\n';
    const ae = { ...target(text), role: 'ae' as const, text: deal };
    assert.throws(() => planAddOpportunity(ae, opportunity, config), /expansion belongs to AM accounts/);
  });
});
