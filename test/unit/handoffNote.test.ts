// The handoff note (model/handoffNote.ts): which checklist items are still empty (read/noteRead.ts),
// the note gate that reports them (read/noteGate.ts, `handoff.require_note`), and the index that
// joins each account with its note (index/store.ts).
import * as assert from 'node:assert/strict';
import { HANDOFF_CHECKLIST, planHandoff } from '../../src/core/edit/handoff';
import { AccountStore } from '../../src/core/index/store';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { emptyItems, readHandoffNote } from '../../src/core/read/noteRead';
import { noteEmptyProblem } from '../../src/core/read/noteGate';
import { readAccount } from '../../src/core/read/accountRead';
import { accountText, MemorySource } from './memorySource';

const CHECKLIST = HANDOFF_CHECKLIST.replace('{{date}}', '2026-11-22').replace('{{from}}', 'dewi@example.com').replace('{{to}}', 'budi@example.com');
const LABELS = ['Stakeholders', 'Why they bought', 'Success criteria', 'Promises made', 'Risks', 'Technical environment'];
const labels = (body: string) => emptyItems(body, 0).map((item) => item.label);

describe('emptyItems: the checklist items nobody has written in yet', () => {
  it('the built-in checklist: all six empty, their hints being comments, at their lines', () => {
    assert.deepEqual(
      emptyItems(CHECKLIST, 0).map((item) => [item.label, item.line]),
      LABELS.map((label, index) => [label, index + 5]),
    );
    // Below the front-matter: lines count from the body's first line.
    assert.deepEqual(emptyItems(CHECKLIST, 10)[0], { label: 'Stakeholders', line: 15 });
  });

  it('an item with text after the comment, or instead of it, is filled', () => {
    const filled = CHECKLIST.replace('- **Stakeholders:** <!-- who signs, who uses it, who can block it -->', '- **Stakeholders:** <!-- who signs, who uses it, who can block it --> Sari (champion), Agus (CFO, signs)').replace(
      '<!-- competitors, politics, budget, churn signals -->',
      'budget for Q1 not approved yet',
    );
    assert.deepEqual(labels(filled), ['Why they bought', 'Success criteria', 'Promises made', 'Technical environment']);
  });

  it('an item filled on indented lines under it is filled; a blank line, then the next item, is not', () => {
    const body = ['- **Stakeholders:**', '  - Sari Wijaya, champion', '  - Agus, CFO: signs', '- **Risks:**', '', '- **Promises made:**', '', '    a discount of 10 % for two years', '- **Success criteria:**', 'Not indented: the next paragraph, not the item', ''].join('\n');
    assert.deepEqual(labels(body), ['Risks', 'Success criteria']);
  });

  it('the plain and underscore forms of an item, and an item that is text, not a label', () => {
    assert.deepEqual(labels('- Risks:\n* __Promises made:__ <!-- hint -->\n+ Budget: 10k\n- a line with no colon\n'), ['Risks', 'Promises made']);
  });

  it('heading-style templates: a heading with nothing but blank lines and comments before the next heading of its level is empty', () => {
    const body = ['## Handoff note', '', '### Risks', '', '<!-- competitors, politics -->', '', '### Promises made', '', 'A discount of 10 %.', '', '### Open questions', ''].join('\n');
    assert.deepEqual(labels(body), ['Risks', 'Open questions']);
    // A heading whose subsection has text is not empty; the section above a filled subsection neither.
    assert.deepEqual(labels('### Risks\n\n#### Budget\n\nNot approved.\n'), []);
    assert.deepEqual(labels('### Risks\n\nBudget.\n\n### Stakeholders\n'), ['Stakeholders']);
  });

  it('items and headings inside a code fence are text', () => {
    const body = ['- **Risks:** churn', '```markdown', '- **Stakeholders:**', '### Promises made', '```', '~~~~', '- **Why they bought:**', '~~~', '- still in the fence:', '~~~~', '- **Success criteria:**', ''].join('\n');
    assert.deepEqual(labels(body), ['Success criteria']);
  });

  it('a comment over several lines, and one never closed, leave the item empty and the line numbers right', () => {
    const body = ['- **Stakeholders:** <!-- who signs,', '  who uses it,', '  who can block it -->', '- **Risks:**', '<!--', 'all commented out', '-->', '- **Promises made:** <!-- never closed', '  still a comment'].join('\n');
    assert.deepEqual(emptyItems(body, 0).map((item) => [item.label, item.line]), [['Stakeholders', 1], ['Risks', 4], ['Promises made', 8]]);
  });

  it('CRLF: the same items at the same lines', () => {
    assert.deepEqual(emptyItems(CHECKLIST.replace(/\n/g, '\r\n'), 0), emptyItems(CHECKLIST, 0));
    assert.deepEqual(labels('- **Risks:** budget\r\n- **Stakeholders:**\r\n  Sari\r\n- **Promises made:**\r\n'), ['Promises made']);
  });
});

describe('readHandoffNote', () => {
  it('reads the handoff and hand-back records and counts lines from the top of the file', () => {
    const text = `---\nhandoff:\n  date: 2026-11-22\n  from: dewi@example.com\n  to: budi@example.com\nhandback:\n  date: 2026-12-01\n  to: dewi@example.com\n---\n\n${CHECKLIST}`;
    const record = readHandoffNote('accounts/handoffs/a.md', text);
    assert.deepEqual(record.problems, []);
    assert.deepEqual(record.note?.handoff, { date: '2026-11-22', from: 'dewi@example.com', to: 'budi@example.com' });
    assert.deepEqual(record.note?.handback, { date: '2026-12-01', to: 'dewi@example.com' });
    assert.equal(record.note?.empty[0].line, text.split('\n').findIndex((line) => line.startsWith('- **Stakeholders:**')) + 1);
  });

  it('a note written by hand without front-matter is a note recording no move; broken YAML is a problem at its line', () => {
    assert.deepEqual(readHandoffNote('n.md', '- **Risks:**\n').note, { empty: [{ label: 'Risks', line: 1 }] });
    const broken = readHandoffNote('n.md', '---\nhandoff:\n  to: "budi\n---\n');
    assert.equal(broken.note, undefined);
    assert.deepEqual(broken.problems.map((p) => [p.code, p.severity]), [['yaml-syntax', 'error']]);
  });
});

describe('the note gate (handoff.require_note)', () => {
  const note = readHandoffNote('accounts/handoffs/a.md', `---\nhandoff:\n  to: budi@example.com\n---\n\n${CHECKLIST}`).note!;

  it('warning by default, error or off as the team says, naming the empty items at the first one', () => {
    const gate = (yaml: string) => noteEmptyProblem('accounts/handoffs/a.md', note, parseConfig(yaml).config);
    const warning = gate('');
    assert.deepEqual(warning && [warning.file, warning.line, warning.severity, warning.code], ['accounts/handoffs/a.md', 10, 'warning', 'handoff-note-empty']);
    assert.equal(warning?.message, `the handoff note has 6 empty items: ${LABELS.join(', ')}`);
    assert.equal(gate('handoff:\n  require_note: error\n')?.severity, 'error');
    assert.equal(gate('handoff:\n  require_note: off\n'), undefined);
    assert.equal(gate('handoff:\n  require_note: false\n'), undefined, "YAML 1.1's false means off");
    const one = noteEmptyProblem('n.md', { empty: [{ label: 'Risks', line: 3 }] }, defaultConfig());
    assert.equal(one?.message, 'the handoff note has an empty item: Risks');
    assert.equal(noteEmptyProblem('n.md', { empty: [] }, defaultConfig()), undefined);
  });

  it('a require_note that is none of the three is reported, and warning stands in', () => {
    const { config, problems } = parseConfig('handoff:\n  require_note: always\n');
    assert.equal(config.handoff.requireNote, 'warning');
    assert.match(problems.map((p) => p.message).join('\n'), /'handoff.require_note' must be off, warning or error/);
  });

  it('the index reports a note only while its account is an AM account', async () => {
    const noteText = `---\nhandoff:\n  to: budi@example.com\n---\n\n${CHECKLIST}`;
    const source = new MemorySource({ 'accounts/ae/a.md': accountText({ name: 'A', stage: 'closed_won' }), 'accounts/handoffs/a.md': noteText, 'accounts/handoffs/gone.md': noteText });
    const store = new AccountStore(source);
    await store.load();
    assert.deepEqual(store.problemsOf('accounts/handoffs/a.md'), [], 'still an AE account (handed back): no gate');
    assert.deepEqual(store.problemsOf('accounts/handoffs/gone.md'), [], 'no account at all: no gate');
    source.files.delete('accounts/ae/a.md');
    source.write('accounts/am/a.md', accountText({ name: 'A', stage: 'onboarding', contract_end: '2027-11-30' }));
    await store.refresh(['accounts/ae/a.md', 'accounts/am/a.md']);
    assert.deepEqual(store.problemsOf('accounts/handoffs/a.md').map((p) => [p.code, p.line, p.severity]), [['handoff-note-empty', 10, 'warning']]);
    assert.deepEqual(store.problems().filter((p) => p.code === 'handoff-note-empty').map((p) => p.file), ['accounts/handoffs/a.md']);
  });
});

describe('the index joins each account with its handoff note', () => {
  const handedOff = () => {
    const text = accountText({ name: 'Acme', stage: 'closed_won', ae: 'dewi@example.com' });
    const { account } = readAccount('accounts/ae/apac/acme.md', 'ae', text, defaultConfig());
    const plan = planHandoff({ file: 'accounts/ae/apac/acme.md', role: 'ae', text, name: account!.name, stage: account!.stage, data: account!.data }, { to: 'budi@example.com', today: '2026-11-22' }, defaultConfig());
    return { account: plan.newText, note: plan.note!.newText };
  };

  it('after a handoff the AM account has its AM and handoff record from the note, and the note\'s file', async () => {
    const { account, note } = handedOff();
    const store = new AccountStore(new MemorySource({ 'accounts/am/apac/acme.md': account, 'accounts/handoffs/apac/acme.md': note, 'accounts/ae/other.md': accountText({ name: 'Other', stage: 'demo' }) }));
    await store.load();
    const acme = store.accounts().find((a) => a.file === 'accounts/am/apac/acme.md');
    assert.equal(acme?.data.am, 'budi@example.com');
    assert.deepEqual(acme?.data.handoff, { date: '2026-11-22', from: 'dewi@example.com', to: 'budi@example.com' });
    assert.equal(acme?.note, 'accounts/handoffs/apac/acme.md');
    assert.deepEqual(store.account('accounts/am/apac/acme.md'), acme);
    // The raw record is the file alone.
    assert.equal(store.get('accounts/am/apac/acme.md')?.account?.data.am, undefined);
    assert.equal(store.get('accounts/am/apac/acme.md')?.account?.note, undefined);
    assert.equal(store.noteOf('accounts/am/apac/acme.md')?.file, 'accounts/handoffs/apac/acme.md');
    assert.deepEqual([...store.noteFiles()], ['accounts/handoffs/apac/acme.md']);
    assert.equal(store.isNote('accounts/handoffs/apac/acme.md'), true);
    assert.equal(store.isNote('accounts/am/apac/acme.md'), false);
    const other = store.accounts().find((a) => a.file === 'accounts/ae/other.md');
    assert.equal(other?.note, undefined);
    assert.equal(other?.data.am, undefined);
  });

  it('an am written in the account file wins over the note', async () => {
    const { account, note } = handedOff();
    const store = new AccountStore(new MemorySource({ 'accounts/am/apac/acme.md': account.replace('ae: dewi@example.com', 'ae: dewi@example.com\nam: sofia@example.com'), 'accounts/handoffs/apac/acme.md': note }));
    await store.load();
    assert.equal(store.account('accounts/am/apac/acme.md')?.data.am, 'sofia@example.com');
    assert.equal(store.account('accounts/am/apac/acme.md')?.data.handoff !== undefined, true);
  });

  it('a note changed on disk (a refresh) changes the account, and announces both', async () => {
    const { account, note } = handedOff();
    const source = new MemorySource({ 'accounts/am/apac/acme.md': account, 'accounts/handoffs/apac/acme.md': note });
    const store = new AccountStore(source);
    await store.load();
    const changes: { changed: string[]; removed: string[] }[] = [];
    store.onDidChange((change) => changes.push(change));
    source.write('accounts/handoffs/apac/acme.md', note.replace(/to: budi@example.com/, 'to: sofia@example.com'));
    await store.refresh(['accounts/handoffs/apac/acme.md']);
    assert.equal(store.accounts().find((a) => a.file === 'accounts/am/apac/acme.md')?.data.am, 'sofia@example.com');
    assert.deepEqual(changes.map((c) => [...c.changed].sort()), [['accounts/am/apac/acme.md', 'accounts/handoffs/apac/acme.md']]);
    // Deleted: the account reads as its file alone.
    source.files.delete('accounts/handoffs/apac/acme.md');
    await store.refresh(['accounts/handoffs/apac/acme.md']);
    const acme = store.account('accounts/am/apac/acme.md');
    assert.equal(acme?.data.am, undefined);
    assert.equal(acme?.note, undefined);
    assert.deepEqual(changes[1], { changed: ['accounts/am/apac/acme.md'], removed: ['accounts/handoffs/apac/acme.md'], configChanged: false });
  });

  it('a hand-back: the AE account takes its AE from the note\'s hand-back when the file names none', async () => {
    const note = '---\nhandoff:\n  to: budi@example.com\nhandback:\n  date: 2026-12-01\n  from: budi@example.com\n  to: lena@example.com\n---\n';
    const store = new AccountStore(new MemorySource({ 'accounts/ae/acme.md': accountText({ name: 'Acme', stage: 'negotiation' }), 'accounts/handoffs/acme.md': note }));
    await store.load();
    const acme = store.account('accounts/ae/acme.md');
    assert.equal(acme?.data.ae, 'lena@example.com');
    assert.equal(acme?.data.am, undefined, 'an AE account does not take the AM of an earlier handoff');
  });
});
