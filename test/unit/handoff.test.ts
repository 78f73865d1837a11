import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { EditRefused, type EditTarget } from '../../src/core/edit/editPlan';
import { HANDOFF_CHECKLIST, moveToRole, planHandback, planHandoff, planMove } from '../../src/core/edit/handoff';
import { yamlScalar } from '../../src/core/edit/frontMatterEdit';
import { applyEdits } from '../../src/core/edit/textEdit';
import { readHandoffNote } from '../../src/core/read/noteRead';

const config = defaultConfig();

function target(file: string, text: string): EditTarget {
  const role = file.includes('/am/') ? 'am' : 'ae';
  const { account } = readAccount(file, role, text, config);
  assert.ok(account, 'the fixture must be readable');
  return { file, role, text, name: account.name, stage: account.stage, data: account.data };
}

const ACME = ['---', 'name: Acme Corp              # required', 'stage: negotiation           # a stage id', 'ae: dewi@example.com', 'tags: [fintech, expansion]', 'contacts:', '  - name: Sari Wijaya', '    role: champion', '---', '', '# Acme Corp', '', 'Notes.', ''].join('\n');

describe('planMove', () => {
  it('changes the stage line alone and keeps its inline comment', () => {
    const plan = planMove(target('accounts/ae/acme.md', ACME), 'closed_won', config);
    assert.equal(plan.newFile, 'accounts/ae/acme.md');
    assert.equal(applyEdits(ACME, plan.edits), ACME.replace('stage: negotiation           #', 'stage: closed_won           #'));
    assert.equal(plan.summary, 'Acme Corp: negotiation → closed_won');
  });

  it('keeps the quote style of the stage', () => {
    const text = ACME.replace('stage: negotiation', `stage: 'negotiation'`);
    assert.match(applyEdits(text, planMove(target('accounts/ae/acme.md', text), 'demo', config).edits), /^stage: 'demo'  /m);
    const double = ACME.replace('stage: negotiation', 'stage: "negotiation"');
    assert.match(applyEdits(double, planMove(target('accounts/ae/acme.md', double), 'demo', config).edits), /^stage: "demo"  /m);
  });

  it('adds a missing stage after the name', () => {
    const text = '---\nname: Acme\nae: x@y.z\n---\n';
    const plan = planMove({ ...target('accounts/ae/acme.md', '---\nname: Acme\nstage: demo\n---\n'), text, stage: undefined }, 'demo', config);
    assert.equal(applyEdits(text, plan.edits), '---\nname: Acme\nstage: demo\nae: x@y.z\n---\n');
  });

  it('refuses an unknown stage and a stage of the other role, naming the command that crosses', () => {
    const acme = target('accounts/ae/acme.md', ACME);
    assert.throws(() => planMove(acme, 'signed', config), (e: Error) => e instanceof EditRefused && /'signed' is not a stage of this team/.test(e.message));
    assert.throws(() => planMove(acme, 'onboarding', config), /hand it off to an AM \(handoff\)/);
    const globex = target('accounts/am/globex.md', '---\nname: Globex\nstage: active\n---\n');
    assert.throws(() => planMove(globex, 'demo', config), /hand it back to an AE \(handback\)/);
  });

  it('plans nothing when the account is already in that stage', () => {
    assert.deepEqual(planMove(target('accounts/ae/acme.md', ACME), 'negotiation', config).edits, []);
  });
});

describe('planHandoff', () => {
  const won = ACME.replace('stage: negotiation', 'stage: closed_won');

  it('moves the file to the same place under the AM folder, changes only its stage line, and writes the handoff record and the note to the handoff note', () => {
    const plan = planHandoff(target('accounts/ae/apac/acme.md', won), { to: 'budi@example.com', today: '2026-11-22' }, config);
    assert.equal(plan.newFile, 'accounts/am/apac/acme.md');
    const result = applyEdits(won, plan.edits);
    assert.equal(result, won.replace('stage: closed_won           #', 'stage: onboarding           #'));
    const after = readAccount(plan.newFile, 'am', result, config);
    // Valid; the new customer is only told its renewal is not tracked until someone writes contract_end.
    assert.deepEqual(after.problems.map((p) => [p.code, p.severity]), [['missing-contract-end', 'info']]);
    assert.equal(after.account?.data.am, undefined, 'the AM is read from the note, not added to the account');
    const note = plan.note;
    assert.ok(note);
    assert.equal(note.file, 'accounts/handoffs/apac/acme.md');
    assert.equal(note.exists, false);
    assert.equal(note.before, '---\n---\n');
    assert.equal(
      note.newText,
      ['---', 'handoff:', '  date: 2026-11-22', '  from: dewi@example.com', '  to: budi@example.com', '---', '', HANDOFF_CHECKLIST.replace('{{date}}', '2026-11-22').replace('{{from}}', 'dewi@example.com').replace('{{to}}', 'budi@example.com')].join('\n'),
    );
    assert.equal(applyEdits(note.before, note.edits), note.newText);
    const record = readHandoffNote(note.file, note.newText);
    assert.deepEqual(record.problems, []);
    assert.deepEqual(record.note?.handoff, { date: '2026-11-22', from: 'dewi@example.com', to: 'budi@example.com' });
    assert.deepEqual(record.note?.empty.map((item) => item.label), ['Stakeholders', 'Why they bought', 'Success criteria', 'Promises made', 'Risks', 'Technical environment']);
  });

  it('uses the team template with its placeholders, in the note', () => {
    const plan = planHandoff(target('accounts/ae/acme.md', won), { to: 'budi@example.com', today: '2026-11-22', template: '## Note for {{to}} on {{date}} ({{name}})\n{{unknown}}\n' }, config);
    assert.match(plan.note!.newText, /\n## Note for budi@example.com on 2026-11-22 \(Acme Corp\)\n\{\{unknown\}\}\n$/);
    assert.doesNotMatch(applyEdits(won, plan.edits), /Note for/);
  });

  it('replaces an existing am in the account, and an earlier handoff record in the note, instead of adding twice', () => {
    const text = won.replace('ae: dewi@example.com', 'ae: dewi@example.com\nam: old@example.com # previous AM');
    const noteText = ['---', 'handoff:', '  date: 2025-01-01', '  to: old@example.com', '# kept comment', 'handback:', '  date: 2025-06-01', '  to: dewi@example.com', '---', '', '## Handoff note — 2025-01-01', '', 'Earlier words.', ''].join('\n');
    const plan = planHandoff(target('accounts/ae/acme.md', text), { to: 'budi@example.com', today: '2026-11-22', noteText }, config);
    const result = applyEdits(text, plan.edits);
    assert.equal(result, text.replace('stage: closed_won           #', 'stage: onboarding           #').replace('am: old@example.com # previous AM', 'am: budi@example.com # previous AM'));
    const note = plan.note!;
    assert.equal(note.exists, true);
    assert.equal(note.before, noteText);
    assert.equal(note.newText.match(/^handoff:/gm)?.length, 1);
    assert.match(note.newText, /^---\nhandoff:\n  date: 2026-11-22\n  from: dewi@example.com\n  to: budi@example.com\n# kept comment\nhandback:\n  date: 2025-06-01\n/);
    assert.ok(note.newText.includes('\n## Handoff note — 2025-01-01\n\nEarlier words.\n'), 'the earlier note is kept');
    assert.match(note.newText, /Earlier words\.\n[\s\S]*## Handoff note — 2026-11-22\n/);
  });

  it('leaves an am that already names the new AM alone', () => {
    const text = won.replace('ae: dewi@example.com', 'ae: dewi@example.com\nam: budi@example.com');
    const plan = planHandoff(target('accounts/ae/acme.md', text), { to: 'budi@example.com', today: '2026-11-22' }, config);
    assert.equal(applyEdits(text, plan.edits), text.replace('stage: closed_won           #', 'stage: onboarding           #'));
  });

  it('refuses a deal that is not won unless forced, an AM account, and no AM', () => {
    const acme = target('accounts/ae/acme.md', ACME);
    assert.throws(() => planHandoff(acme, { to: 'budi@example.com', today: '2026-11-22' }, config), /is in 'negotiation', not 'closed_won'/);
    assert.equal(planHandoff(acme, { to: 'budi@example.com', today: '2026-11-22', force: true }, config).newFile, 'accounts/am/acme.md');
    assert.throws(() => planHandoff(target('accounts/am/acme.md', won.replace('closed_won', 'active')), { to: 'b', today: '2026-11-22' }, config), /already an AM account/);
    assert.throws(() => planHandoff(target('accounts/ae/acme.md', won), { to: '  ', today: '2026-11-22' }, config), /name the AM/);
  });

  it('writes the contract dates it is given after the deal dates, and refuses a date that is not one or an end before the start', () => {
    const text = won.replace('ae: dewi@example.com', 'ae: dewi@example.com\narr: 1000\nclose_date: 2026-11-01');
    const plan = planHandoff(target('accounts/ae/acme.md', text), { to: 'budi@example.com', today: '2026-11-22', contractStart: '2026-12-01', contractEnd: '2027-11-30' }, config);
    const result = applyEdits(text, plan.edits);
    assert.match(result, /^close_date: 2026-11-01\ncontract_start: 2026-12-01\ncontract_end: 2027-11-30\n/m);
    assert.equal(readAccount(plan.newFile, 'am', result, config).account?.data.contract_end, '2027-11-30');
    const acme = target('accounts/ae/acme.md', text);
    assert.throws(() => planHandoff(acme, { to: 'b@x.y', today: '2026-11-22', contractEnd: '2027-02-30' }, config), /contract_end must be a date written YYYY-MM-DD/);
    assert.throws(() => planHandoff(acme, { to: 'b@x.y', today: '2026-11-22', contractStart: '2027-01-01', contractEnd: '2026-12-31' }, config), /cannot end \(2026-12-31\) before it starts/);
    assert.doesNotMatch(applyEdits(text, planHandoff(acme, { to: 'b@x.y', today: '2026-11-22', contractEnd: '' }, config).edits), /contract_end/);
  });

  it('changes no deal key it was not asked to: probability, a close_date still ahead and next_step stay as written (SPEC: only the intended keys)', () => {
    const text = won.replace('ae: dewi@example.com', 'ae: dewi@example.com\nprobability: 80\nclose_date: "2026-12-15"\nnext_step: Send MSA');
    const result = applyEdits(text, planHandoff(target('accounts/ae/acme.md', text), { to: 'budi@example.com', today: '2026-11-22' }, config).edits);
    assert.match(result, /^probability: 80\nclose_date: "2026-12-15"\nnext_step: Send MSA$/m);
  });

  it('follows the team configuration: folders, stages and root', () => {
    const team = parseConfig('root: crm\nfolders: { ae: hunters, am: farmers }\nstages:\n  - { id: won, role: ae }\n  - { id: live, role: am }\nhandoff: { from: won, to: live }\n').config;
    const text = '---\nname: A\nstage: won\n---\n';
    const plan = planHandoff({ file: 'crm/hunters/eu/a.md', role: 'ae', text, name: 'A', stage: 'won', data: {} }, { to: 'b@x.y', today: '2026-11-22' }, team);
    assert.equal(plan.newFile, 'crm/farmers/eu/a.md');
    assert.match(applyEdits(text, plan.edits), /^stage: live$/m);
  });
});

describe('planHandback', () => {
  const globex = ['---', 'name: Globex', 'stage: active', 'ae: dewi@example.com', 'am: budi@example.com', '---', 'Body'].join('\r\n');

  it('moves the file back, returns to the stage before the won stage, changes the AE it names, and records why in the handoff note', () => {
    const plan = planHandback(target('accounts/am/emea/globex.md', globex), { to: 'lena@example.com', reason: 'New business unit wants a separate deal', today: '2026-11-22' }, config);
    assert.equal(plan.newFile, 'accounts/ae/emea/globex.md');
    assert.equal(applyEdits(globex, plan.edits), ['---', 'name: Globex', 'stage: negotiation', 'ae: lena@example.com', 'am: budi@example.com', '---', 'Body'].join('\r\n'));
    const note = plan.note!;
    assert.equal(note.file, 'accounts/handoffs/emea/globex.md');
    assert.equal(note.exists, false);
    // A new note takes the account's line endings.
    assert.equal(
      note.newText,
      ['---', 'handback:', '  date: 2026-11-22', '  from: budi@example.com', '  to: lena@example.com', '  reason: New business unit wants a separate deal', '---', '', '## Hand-back note — 2026-11-22', '', 'From budi@example.com back to lena@example.com: New business unit wants a separate deal', ''].join('\r\n'),
    );
  });

  it('adds the hand-back to the note of the handoff, naming the AM the note handed it to when the account names none', () => {
    const text = ['---', 'name: Globex', 'stage: active', 'ae: dewi@example.com', '---', 'Body', ''].join('\n');
    const handedOff = planHandoff(target('accounts/ae/globex.md', text.replace('active', 'closed_won')), { to: 'budi@example.com', today: '2026-01-10' }, config).note!.newText;
    const plan = planHandback(target('accounts/am/globex.md', text), { to: 'dewi@example.com', reason: 'Upsell', today: '2026-11-22', noteText: handedOff }, config);
    assert.equal(applyEdits(text, plan.edits), text.replace('stage: active', 'stage: negotiation'), 'the same AE: only the stage changes');
    const note = plan.note!;
    assert.equal(note.exists, true);
    assert.match(note.newText, /^---\nhandoff:\n  date: 2026-01-10\n  from: dewi@example.com\n  to: budi@example.com\nhandback:\n  date: 2026-11-22\n  from: budi@example.com\n  to: dewi@example.com\n  reason: Upsell\n---\n/);
    assert.ok(note.newText.includes(handedOff.slice(handedOff.indexOf('## Handoff note'))), 'the handoff note stays');
    assert.match(note.newText, /\n## Hand-back note — 2026-11-22\n\nFrom budi@example.com back to dewi@example.com: Upsell\n$/);
  });

  it('takes a chosen AE stage and refuses an AM stage, an AE account and a missing reason', () => {
    const t = target('accounts/am/globex.md', globex);
    assert.match(applyEdits(globex, planHandback(t, { to: 'l', reason: 'r', today: '2026-11-22', stage: 'qualification' }, config).edits), /stage: qualification/);
    assert.throws(() => planHandback(t, { to: 'l', reason: 'r', today: '2026-11-22', stage: 'active' }, config), /not an AE stage/);
    assert.throws(() => planHandback(t, { to: 'l', reason: ' ', today: '2026-11-22' }, config), /say why/);
    assert.throws(() => planHandback(target('accounts/ae/acme.md', ACME), { to: 'l', reason: 'r', today: '2026-11-22' }, config), /already an AE account/);
  });
});

describe('yamlScalar and moveToRole', () => {
  it('writes plain scalars where YAML reads them back as the same text, and quotes the rest', () => {
    assert.equal(yamlScalar('budi@example.com'), 'budi@example.com');
    assert.equal(yamlScalar('2026-11-22'), '2026-11-22');
    assert.equal(yamlScalar('Budi Santoso'), 'Budi Santoso');
    for (const tricky of ['true', 'no', '12', '1e3', 'a: b', 'x #y', '@home', '- item', 'null', '', 'trailing ']) {
      assert.equal(yamlScalar(tricky), JSON.stringify(tricky), tricky);
    }
  });

  it('maps a path between the role folders and refuses one outside them', () => {
    assert.equal(moveToRole('accounts/ae/a/b/c.md', 'am', config), 'accounts/am/a/b/c.md');
    assert.throws(() => moveToRole('docs/c.md', 'am', config), EditRefused);
  });
});
