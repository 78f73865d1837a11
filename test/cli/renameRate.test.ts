// The rename rate: a handoff (and a hand-back) must show in git as a rename of the account file, at
// git's default 50 % similarity, whatever the account's size and the team's template. The account
// changes in its stage line (and a person it names already); the record and the note go to the
// handoff note (model/handoffNote.ts), which git shows as added, then modified.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planHandback, planHandoff } from '../../src/core/edit/handoff';
import { openWorkspace } from '../../src/cli/commandLine';
import { readEditTarget, readNoteTarget, readTemplate } from '../../src/cli/editTarget';
import { writePlanWithNote } from '../../src/node/editWriter';
import { handoff } from './handoffProcess';

/** git for the test, with nothing of the machine's config run (hooks, filters, line-ending conversion). */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', 'core.autocrlf=false', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe', maxBuffer: 16 * 1024 * 1024 });
}

const AES = ['dewi@example.com', 'rizky@example.com'];
const OTHER_AE = 'lena@example.com';

interface Spec {
  /** The file below the role folder: `apac/account-17.md`. */
  rest: string;
  text: string;
  /** The AE the file names, if any. */
  ae?: string;
}

function body(lines: number, seed: number): string[] {
  return Array.from({ length: lines }, (_, i) =>
    i === 0 ? `# Account ${seed}` : i % 7 === 1 ? '' : `- 2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')} — call ${i} with the champion about the rollout and the invoices`,
  );
}

/** AE accounts in `closed_won` from 4 to 300 lines: every size to 40, then every 5th; two shapes; CRLF, a BOM and a flow mapping. */
function accounts(): Spec[] {
  const sizes = [...Array.from({ length: 37 }, (_, i) => i + 4), ...Array.from({ length: 52 }, (_, i) => 45 + i * 5)];
  const specs: Spec[] = [];
  for (const size of sizes) {
    // A name and a stage only, the smallest account there is, then body lines to the size.
    const minimal = ['---', `name: Account ${size}`, 'stage: closed_won', '---', ...body(size - 4, size)];
    specs.push({ rest: `apac/account-${size}.md`, text: minimal.join('\n') + '\n' });
    if (size >= 8) {
      const ae = AES[size % 2];
      const full = ['---', `name: Account ${size} Full`, 'stage: closed_won', `ae: ${ae}`, `arr: ${size * 1000}`, 'currency: USD', 'close_date: 2026-11-18', '---', ...body(size - 8, size)];
      specs.push({ rest: `emea/full-${size}.md`, text: full.join('\n') + '\n', ae });
    }
  }
  for (const size of [4, 12, 60]) {
    const lines = ['---', `name: Account ${size} Windows`, 'stage: closed_won', '---', ...body(size - 4, size)];
    specs.push({ rest: `crlf/account-${size}.md`, text: lines.join('\r\n') + '\r\n' });
    specs.push({ rest: `bom/account-${size}.md`, text: '\ufeff' + ['---', `name: Account ${size} Bom`, 'stage: closed_won', '---', ...body(size - 4, size)].join('\n') + '\n' });
  }
  // A flow mapping holds every key in one line, which the stage change rewrites: it is a rename
  // once the file has a few more lines than that one (a body, or the mapping over several lines).
  specs.push({ rest: 'flow/one-line.md', text: ['---', `{name: Flow Account, stage: closed_won, ae: ${AES[0]}}`, '---', ...body(6, 3)].join('\n') + '\n', ae: AES[0] });
  specs.push({ rest: 'flow/lines.md', text: ['---', '{name: Flow Account Lines,', '  stage: closed_won,', `  ae: ${AES[1]}}`, '---'].join('\n') + '\n', ae: AES[1] });
  return specs;
}

/** A team template of about 3 KB, with the placeholders. */
const LONG_TEMPLATE = [
  '## Handoff: {{name}} — {{date}}',
  '',
  'From {{from}} (AE) to {{to}} (AM). Fill in every section before the kickoff call with {{name}}.',
  '',
  ...['Stakeholders', 'Why they bought', 'Success criteria', 'Promises made', 'Risks', 'Technical environment', 'Commercials', 'Implementation plan', 'Open questions'].flatMap((section) => [
    `### ${section}`,
    '',
    `<!-- ${section} of {{name}}: write what {{to}} needs to know; {{from}} knows the history. Be concrete: names, dates, numbers, and where the evidence is (e-mails, call notes, the contract). -->`,
    '',
    `- **${section}, first point:**`,
    `- **${section}, second point:**`,
    `- **${section}, who confirmed it:**`,
    '',
  ]),
  '---',
  '',
  '_Handed over on {{date}}; {{to}} owns {{name}} from today._',
  '',
].join('\n');

function workspace(template: boolean): { dir: string; specs: Spec[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-rename-'));
  const specs = accounts();
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  for (const spec of specs) write(`accounts/ae/${spec.rest}`, spec.text);
  if (template) {
    write('.handoff.yml', 'handoff:\n  template: templates/handoff-note.md\n');
    write('templates/handoff-note.md', LONG_TEMPLATE);
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return { dir, specs };
}

/** `git diff --cached -M --name-status` of everything, as [status letter, paths…]. */
function staged(dir: string): string[][] {
  git(dir, 'add', '-A');
  return git(dir, 'diff', '--cached', '-M', '--name-status')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [status, ...files] = line.split('\t');
      return [status[0], ...files];
    });
}

/** Every account a rename from one role folder to the other, every note `noteStatus`, and nothing else. */
function assertRenamed(dir: string, rests: string[], from: 'ae' | 'am', to: 'ae' | 'am', noteStatus: 'A' | 'M'): void {
  const changes = staged(dir);
  const expected = rests.flatMap((rest) => [['R', `accounts/${from}/${rest}`, `accounts/${to}/${rest}`], [noteStatus, `accounts/handoffs/${rest}`]]);
  const key = (change: string[]) => change.slice(1).join(' → ');
  const sort = (list: string[][]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const notRenamed = rests.filter((rest) => !changes.some((c) => c[0] === 'R' && c[1] === `accounts/${from}/${rest}` && c[2] === `accounts/${to}/${rest}`));
  assert.deepEqual(notRenamed, [], `${notRenamed.length} of ${rests.length} accounts are not shown as renames`);
  assert.deepEqual(sort(changes), sort(expected));
}

async function handOffAll(dir: string, specs: Spec[]): Promise<void> {
  const store = await openWorkspace(dir);
  const template = store.config.handoff.template === null ? undefined : readTemplate(dir, store.config.handoff.template);
  for (const spec of specs) {
    const file = `accounts/ae/${spec.rest}`;
    const { target, before } = readEditTarget(dir, file, store);
    const note = readNoteTarget(dir, file, store);
    assert.equal(note, undefined, `${file}: no handoff note yet`);
    const plan = planHandoff(target, { to: 'budi@example.com', today: '2026-11-22', template }, store.config);
    writePlanWithNote(dir, plan, before, undefined);
  }
}

async function handBackAll(dir: string, specs: Spec[]): Promise<void> {
  const store = await openWorkspace(dir);
  for (const [index, spec] of specs.entries()) {
    const file = `accounts/am/${spec.rest}`;
    const { target, before } = readEditTarget(dir, file, store);
    const note = readNoteTarget(dir, file, store);
    assert.ok(note, `${file}: its handoff note`);
    // The AE it names (the same person takes it back); every third to another AE, whose name then replaces it.
    const to = index % 3 === 0 ? OTHER_AE : (spec.ae ?? AES[0]);
    const plan = planHandback(target, { to, reason: 'A new deal for the APAC fleet', today: '2026-11-23', noteText: note.text }, store.config);
    writePlanWithNote(dir, plan, before, note.before);
  }
}

describe('the rename rate: git shows every handoff and hand-back as a rename (50 % similarity)', function () {
  for (const [title, template] of [
    ['the built-in checklist', false],
    ['a 3 KB team template', true],
  ] as const) {
    it(`accounts of 4 to 300 lines, with ${title}: 100 % renames, the notes added, then modified by the hand-back`, async () => {
      assert.ok(!template || Buffer.byteLength(LONG_TEMPLATE) > 2800, `the template is ${Buffer.byteLength(LONG_TEMPLATE)} bytes`);
      const { dir, specs } = workspace(template);
      const rests = specs.map((spec) => spec.rest);
      assert.ok(specs.length > 170, `${specs.length} accounts`);
      await handOffAll(dir, specs);
      assertRenamed(dir, rests, 'ae', 'am', 'A');
      // The account changed in its stage line alone; the note holds the record.
      const small = specs.find((spec) => spec.rest === 'apac/account-4.md')!;
      assert.equal(fs.readFileSync(path.join(dir, 'accounts/am', small.rest), 'utf8'), small.text.replace('stage: closed_won', 'stage: onboarding'));
      assert.match(fs.readFileSync(path.join(dir, 'accounts/handoffs', small.rest), 'utf8'), /^---\nhandoff:\n  date: 2026-11-22\n  to: budi@example.com\n---\n/);
      git(dir, 'commit', '-q', '-m', 'handoffs');

      await handBackAll(dir, specs);
      assertRenamed(dir, rests, 'am', 'ae', 'M');
      const other = specs.find((spec, index) => spec.ae !== undefined && index % 3 === 0)!;
      assert.match(fs.readFileSync(path.join(dir, 'accounts/ae', other.rest), 'utf8'), new RegExp(`\\nstage: negotiation\\nae: ${OTHER_AE}\\n`), 'handed back to another AE');
    });
  }

  it('three handoffs through the handoff command: renames, the notes added', () => {
    const { dir, specs } = workspace(true);
    const chosen = ['apac/account-4.md', 'crlf/account-4.md', 'emea/full-300.md'];
    assert.ok(chosen.every((rest) => specs.some((spec) => spec.rest === rest)));
    for (const rest of chosen) {
      const result = handoff(['handoff', `accounts/ae/${rest}`, '--to', 'budi@example.com', '--today', '2026-11-22', '--dir', dir]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.split('\n')[1], `Handoff note: accounts/handoffs/${rest}`);
    }
    assertRenamed(dir, chosen, 'ae', 'am', 'A');
  });
});
