// The one write path in the core: edits planned on the YAML parser's positions, and the gate
// (`verifyEdit`) that refuses any draft that would change more than it says.
import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { planCheckup } from '../../src/core/edit/checkup';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { EditRefused, type EditTarget } from '../../src/core/edit/editPlan';
import { verifyEdit } from '../../src/core/edit/editVerify';
import { bytesOfText, hasEscapedBytes, textOfBytes } from '../../src/core/read/fileText';
import { readFrontMatterSource, setBlock, setScalar } from '../../src/core/edit/frontMatterEdit';
import { planHandback, planHandoff, planMove } from '../../src/core/edit/handoff';
import { planNewAccount } from '../../src/core/edit/newAccount';
import { planAddOpportunity } from '../../src/core/edit/addOpportunity';

const config = defaultConfig();

function target(text: string, file = 'accounts/ae/x.md'): EditTarget {
  const role = file.includes('/am/') ? 'am' : 'ae';
  const { account, problems } = readAccount(file, role, text, config);
  assert.ok(account, `the fixture must be readable: ${problems.map((p) => p.message)}`);
  return { file, role, text, name: account.name, stage: account.stage, data: account.data };
}

const refusedAs = (code: 'edit-refused' | 'edit-unsafe', pattern: RegExp) => (error: unknown) => error instanceof EditRefused && error.code === code && pattern.test(error.message);

describe('edits planned on the parser', () => {
  it('sets a key written with no value, keeping the space YAML wants and a comment after it', () => {
    assert.equal(planMove(target('---\nname: A\nstage:\nae: x\n---\n'), 'demo', config).newText, '---\nname: A\nstage: demo\nae: x\n---\n');
    assert.equal(planMove(target('---\nname: A\nstage:   # pick one\n---\n'), 'demo', config).newText, '---\nname: A\nstage:   demo # pick one\n---\n');
    assert.equal(planMove(target('---\nname: A\n? stage\n:\n---\n'), 'demo', config).newText, '---\nname: A\n? stage\n: demo\n---\n');
  });

  it('replaces a multi-line value with its one-line successor', () => {
    const text = '---\nname: A\nstage: "demo\n  "\nam: x\n---\n';
    const { account } = readAccount('accounts/ae/x.md', 'ae', text, config);
    assert.equal(account?.stage, 'demo ');
    assert.equal(planMove(target(text), 'proposal', config).newText, '---\nname: A\nstage: "proposal"\nam: x\n---\n');
  });

  it('refuses a value written as a block scalar, and one that is an alias', () => {
    assert.throws(() => planMove(target('---\nname: A\nstage: |-\n  demo\n---\n'), 'proposal', config), refusedAs('edit-refused', /'stage' is written as a block/));
    assert.throws(() => planMove(target('---\nname: A\nfirst: &s demo\nstage: *s\n---\n'), 'proposal', config), refusedAs('edit-unsafe', /'stage' is an alias of another value here \(\*s\)/));
  });

  it('refuses front-matter that YAML 1.2 does not accept, naming the line, as the index does', () => {
    const text = '---\nname: A\nnote: "call\nstage: x"\nstage: demo\n---\n';
    assert.deepEqual(readAccount('accounts/ae/x.md', 'ae', text, config).problems.map((p) => [p.code, p.line]), [['yaml-syntax', 3]]);
    const unread: EditTarget = { file: 'accounts/ae/x.md', role: 'ae', text, name: 'A', stage: 'demo', data: { name: 'A', stage: 'demo' } };
    assert.throws(() => planMove(unread, 'proposal', config), refusedAs('edit-unsafe', /not valid YAML 1\.2 \(line 3: Missing closing "quote/));
  });

  it('adds a block at the mapping\'s own indentation and nesting step (the handoff note), and changes only the stage of the account', () => {
    const text = '---\n    name: A\n    stage: closed_won\n    scores:\n        fit: 8\n---\n';
    const plan = planHandoff(target(text), { to: 'budi@example.com', today: '2026-11-23', noteText: '---\n    scores:\n        fit: 8\n---\n' }, config);
    assert.equal(plan.newText, text.replace('stage: closed_won', 'stage: onboarding'));
    assert.match(plan.note!.newText, /^---\n {4}scores:\n {8}fit: 8\n {4}handoff:\n {8}date: 2026-11-23\n {8}to: budi@example.com\n---\n/);
  });

  it('replaces a handoff block that is there already, and leaves a comment after it', () => {
    const text = '---\nname: A\nstage: closed_won\nae: d@example.com\n---\n';
    const noteText = '---\nhandoff:\n  date: 2025-01-01\n  to: old@example.com\n# kept\nhandback:\n  date: 2025-06-01\n---\n';
    const plan = planHandoff(target(text), { to: 'budi@example.com', today: '2026-11-23', noteText }, config);
    assert.match(plan.note!.newText, /^---\nhandoff:\n {2}date: 2026-11-23\n {2}from: d@example.com\n {2}to: budi@example.com\n# kept\nhandback:\n {2}date: 2025-06-01\n---\n/);
  });

  it('keeps the comments and blank lines after a block it replaces, and after a block it inserts behind', () => {
    const text = '---\nname: Acme\nstage: closed_won\nae: dewi@example.com\n---\n';
    const noteText = '---\nhandoff:\n  date: 2025-01-01\n  # to: tbd\n\n# Contacts\ncontacts: []\n---\n';
    const plan = planHandoff(target(text), { to: 'budi@example.com', today: '2026-11-23', noteText }, config);
    assert.match(plan.note!.newText, /^---\nhandoff:\n {2}date: 2026-11-23\n {2}from: dewi@example.com\n {2}to: budi@example.com\n {2}# to: tbd\n\n# Contacts\ncontacts: \[\]\n---\n/);
    const back = planHandback(target('---\nname: Acme\nstage: active\n---\n', 'accounts/am/x.md'), { to: 'dewi@example.com', reason: 'r', today: '2026-11-24', noteText: plan.note!.newText }, config);
    assert.match(back.note!.newText, /^---\nhandoff:\n {2}date: 2026-11-23\n {2}from: dewi@example.com\n {2}to: budi@example.com\n {2}# to: tbd\n\n# Contacts\ncontacts: \[\]\nhandback:\n {2}date: 2026-11-24\n {2}from: budi@example.com\n/);
  });

  it('edits a file with as many aliases as the index reads (the readers share one budget)', () => {
    const text = `---\nname: A\nstage: demo\nx: &a 1\nl: [${Array(1500).fill('*a').join(', ')}]\n---\n`;
    assert.equal(planMove(target(text), 'proposal', config).newText, text.replace('stage: demo', 'stage: proposal'));
  });

  it('takes the AE it names in the handoff block from the YAML 1.2 reading', () => {
    const text = '---\nstage: closed_won\nname: &n\n  Acme\nae: *n\n---\n';
    assert.match(planHandoff(target(text), { to: 'budi@example.com', today: '2026-11-23' }, config).note!.newText, /\nhandoff:\n {2}date: 2026-11-23\n {2}from: Acme\n/);
  });

  it('appends to a list in its own dash style, and turns `[]` into a block list', () => {
    const item = { type: 'upsell' as const, title: 'Plan B', value: 10, stage: 'proposal', closeDate: '2027-01-01' };
    const spaced = '---\nname: G\nstage: active\nopportunities:\n-   type: cross-sell\n    title: A\n---\n';
    assert.match(planAddOpportunity(target(spaced, 'accounts/am/g.md'), item, config).newText, /\n {4}title: A\n- {3}type: upsell\n {4}title: Plan B\n {4}value: 10\n/);
    const empty = '---\nname: G\nstage: active\nopportunities: [] # none yet\n---\n';
    assert.equal(
      planAddOpportunity(target(empty, 'accounts/am/g.md'), item, config).newText,
      '---\nname: G\nstage: active\nopportunities:\n  - type: upsell\n    title: Plan B\n    value: 10\n    stage: proposal\n    close_date: 2027-01-01 # none yet\n---\n',
    );
    assert.throws(() => planAddOpportunity(target('---\nname: G\nstage: active\nopportunities: [{type: upsell}]\n---\n', 'accounts/am/g.md'), item, config), refusedAs('edit-unsafe', /not a block list/));
  });

  it('refuses to add keys to a flow mapping, and says so', () => {
    const text = '---\n{name: G, stage: active}\n---\n';
    assert.throws(() => planCheckup(target(text, 'accounts/am/g.md'), { today: '2026-11-23', outcome: 'ok', satisfaction: 7 }), refusedAs('edit-unsafe', /flow mapping/));
    assert.equal(planMove(target(text, 'accounts/am/g.md'), 'at_risk', config).newText, '---\n{name: G, stage: at_risk}\n---\n');
  });

  it('quotes a value that YAML would read as something else, in a flow mapping too', () => {
    const text = '---\n{name: G, stage: closed_won, ae: d}\n---\n';
    const source = readFrontMatterSource(text);
    assert.equal(setScalar(source, 'ae', 'x, y').newText, '"x, y"');
    assert.equal(setScalar(source, 'ae', 'true').newText, '"true"');
    assert.equal(setScalar(source, 'ae', '0o17').newText, '"0o17"');
  });
});

describe('the gate every edit passes (verifyEdit)', () => {
  const text = '---\nname: A # the name\nstage: demo\nalias: &a shared\nother: *a\n---\n# Body\n';
  const t = () => target(text);
  const source = () => readFrontMatterSource(text);
  const draft = (edits: { start: number; end: number; newText: string }[], extra: object = {}) => ({ newFile: t().file, edits, changes: [{ key: 'stage', set: 'proposal' }], summary: 's', ...extra });
  const at = (needle: string) => text.indexOf(needle);

  it('lets through an edit that changes exactly the intended key', () => {
    const plan = verifyEdit(t(), draft([setScalar(source(), 'stage', 'proposal')]));
    assert.equal(plan.newText, text.replace('stage: demo', 'stage: proposal'));
  });

  it('refuses an edit that changes another key, or the text of one, even when it reads the same', () => {
    assert.throws(() => verifyEdit(t(), draft([{ start: at('demo'), end: at('demo') + 4, newText: 'proposal' }, { start: at('A #'), end: at('A #') + 1, newText: 'B' }])), refusedAs('edit-unsafe', /text of 'name'/));
    assert.throws(() => verifyEdit(t(), draft([{ start: at('shared'), end: at('shared') + 6, newText: 'proposal' }], { changes: [{ key: 'alias', set: 'proposal' }] })), refusedAs('edit-unsafe', /'other' would change too/));
    assert.throws(() => verifyEdit(t(), draft([{ start: at(' # the'), end: at(' # the') + 9, newText: '' }, setScalar(source(), 'stage', 'proposal')])), refusedAs('edit-unsafe', /text of 'name'/));
  });

  it('refuses an edit whose result does not read as intended', () => {
    assert.throws(() => verifyEdit(t(), draft([{ start: at('demo'), end: at('demo') + 4, newText: 'proposal: x' }])), refusedAs('edit-unsafe', /not read as YAML|would not read as intended/));
    assert.throws(() => verifyEdit(t(), draft([{ start: at('demo'), end: at('demo') + 4, newText: 'negotiation' }])), refusedAs('edit-unsafe', /'stage' would not read as intended/));
  });

  it('refuses an edit of the fences or the body that was not meant, and mixed line endings', () => {
    assert.throws(() => verifyEdit(t(), draft([{ start: 0, end: 3, newText: '+++' }])), refusedAs('edit-unsafe', /fences/));
    assert.throws(() => verifyEdit(t(), draft([setScalar(source(), 'stage', 'proposal'), { start: text.length, end: text.length, newText: 'more\n' }])), refusedAs('edit-unsafe', /body/));
    const crlf = text.replace(/\n/g, '\r\n');
    const end = crlf.indexOf('---', 3);
    assert.throws(() => verifyEdit(target(crlf), { ...draft([{ start: end, end, newText: 'handoff: b\n' }]), changes: [{ key: 'handoff', set: 'b' }] }), refusedAs('edit-unsafe', /line endings/));
    assert.equal(verifyEdit(target(crlf), { ...draft([setBlock(readFrontMatterSource(crlf), 'handoff', [['to', 'b']])]), changes: [{ key: 'handoff', set: { to: 'b' } }] }).newText.includes('handoff:\r\n  to: b\r\n'), true);
  });

  it('refuses an insertion in the middle of another key, or of a comment line between keys', () => {
    assert.throws(() => verifyEdit(t(), draft([setScalar(source(), 'stage', 'proposal'), { start: at('other') + 2, end: at('other') + 2, newText: 'x' }])), refusedAs('edit-unsafe', /text of 'other'/));
    const commented = '---\nname: A\n# a note between keys\nstage: demo\n---\n';
    const middle = commented.indexOf('note');
    assert.throws(() => verifyEdit(target(commented), draft([{ start: middle, end: middle, newText: 'stage: x\n' }], { changes: [{ key: 'stage', set: 'x' }] })), refusedAs('edit-unsafe', /outside the keys/));
  });
});

describe('bytes that are not UTF-8 (fileText)', () => {
  it('round-trips any bytes exactly', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) & 0xff;
    for (let run = 0; run < 300; run++) {
      const bytes = Uint8Array.from({ length: 1 + (run % 40) }, () => (run % 3 === 0 ? next() : [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xed, 0xa0, 0x80][next() % 14]));
      assert.deepEqual(bytesOfText(textOfBytes(bytes)), bytes, `run ${run}: ${Buffer.from(bytes).toString('hex')}`);
    }
  });

  it('decodes valid UTF-8 as usual and marks the rest', () => {
    assert.equal(textOfBytes(Buffer.from('\ufeffRésumé €😀', 'utf8')), '\ufeffRésumé €😀');
    assert.equal(hasEscapedBytes(textOfBytes(Buffer.from('Résumé 😀', 'utf8'))), false);
    const latin1 = textOfBytes(Buffer.from('R\xe9sum\xe9', 'latin1'));
    assert.equal(hasEscapedBytes(latin1), true);
    assert.equal(Buffer.from(bytesOfText(latin1)).toString('latin1'), 'R\xe9sum\xe9');
  });
});

describe('a new account (planNewAccount)', () => {
  it('writes any company name as one YAML value, verified', () => {
    for (const name of ['Acme: "East" #1', "O'Brien & Sons", 'true', '- dash', 'PT Maju Jaya (Tbk.)']) {
      const planned = planNewAccount(name, '2026-11-23', config);
      assert.equal(readAccount(planned.file, 'ae', planned.text, config).account?.name, name, planned.text);
    }
    assert.equal(planNewAccount('PT Maju Jaya (Tbk.)', '2026-11-23', config).file, 'accounts/ae/pt-maju-jaya-tbk.md');
  });

  it("fills the team's template, inside its quotes too, and refuses one that does not give the account", () => {
    const quoted = planNewAccount('Say "hi"', '2026-11-23', config, '---\nname: "{{name}}"\nstage: {{stage}}\nsource: web\n---\n# {{name}}\n');
    assert.equal(quoted.text, '---\nname: "Say \\"hi\\""\nstage: prospecting\nsource: web\n---\n# Say "hi"\n');
    assert.throws(() => planNewAccount('Acme', '2026-11-23', config, '---\nname: Fixed Name\nstage: {{stage}}\n---\n'), refusedAs('edit-unsafe', /does not give an account named 'Acme'/));
    assert.throws(() => planNewAccount('a\nb', '2026-11-23', config), EditRefused);
  });
});
