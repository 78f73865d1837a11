// Property test of the one write path: over generated account files with every trait that a line
// scanner or a re-serialising YAML library gets wrong — comments (some that look like keys), quoting,
// multi-line quoted and plain scalars, block scalars, flow and indented mappings, anchors and aliases,
// tags, explicit keys, tabs, CRLF, a BOM, unicode and bodies that are not UTF-8 — every edit either
// changes exactly what it means to, byte for byte, or is refused. Never a corrupted file.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { readAccount } from '../../src/core/read/accountRead';
import { planCheckup } from '../../src/core/edit/checkup';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { EditRefused, type EditPlan, type EditTarget } from '../../src/core/edit/editPlan';
import { bytesOfText, textOfBytes } from '../../src/core/read/fileText';
import { splitFrontMatter } from '../../src/core/read/frontMatter';
import { planHandoff, planMove } from '../../src/core/edit/handoff';
import { planAddOpportunity } from '../../src/core/edit/addOpportunity';
import { readHandoffNote } from '../../src/core/read/noteRead';
import type { Role } from '../../src/core/model/stage';

const config = defaultConfig();
const RUNS = 500;

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  bytes: Buffer;
  stage: string;
  /** The whole front-matter is one flow mapping `{…}`: keys can change in place but not be added. */
  flow: boolean;
  /** Another key is an alias of the stage's value: changing the stage would change it too. */
  stageShared: boolean;
  eol: string;
  bom: string;
  /** The body as bytes, which every edit must keep. */
  body: Buffer;
}

/** Body lines; a line given as parts mixes text with raw bytes (numbers) that are not UTF-8. */
const BODIES: (string | (string | number)[])[][] = [
  [''],
  ['# Notes', '', 'Catatan rapat: klien minta diskon.'],
  ['# Notes', '', '- one', '- two', '', '', ''],
  ['No trailing newline'],
  ['# Latin-1', '', ['R', 0xe9, 'sum', 0xe9, ' attached (not UTF-8)']],
  ['# Stray bytes', ['a', 0xff, 0xfe, 'b', 0xc3, ' c', 0xe2, 0x82]],
  ['---', 'a body line that looks like a fence', 'stage: not front-matter'],
];

/** One account file from a seed; `stageOverride` renders the very same file with another stage id. */
function generate(seed: number, stageOverride?: string): Generated {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const maybe = (p = 0.5) => rnd() < p;
  const comment = () => (maybe(0.4) ? `${pick([' ', '  ', '\t', '      '])}# ${pick(['catatan', 'stage: lost', 'TODO ✓', '«quoted»', 'am: nobody'])}` : '');
  const quote = (value: string) => pick([value, `"${value}"`, `'${value}'`]);
  const picked = pick(['prospecting', 'qualification', 'demo', 'proposal', 'negotiation', 'closed_won']);
  const stage = stageOverride ?? picked;
  const flow = maybe(0.15);
  const stageStyle = pick(['plain', 'plain', 'quoted', 'tag', 'anchor', 'shared', 'explicit', 'anchoredKey', 'tab']);
  const eol = maybe() ? '\r\n' : '\n';
  const bom = maybe(0.3) ? '\ufeff' : '';
  const name = quote(pick(['Acme Corp', 'PT Maju Jaya Tbk', 'Øresund Bikes', 'Kopi Nusantara', '株式会社テスト']));
  let yamlLines: string[];
  let stageShared = false;
  if (flow) {
    const stageEntry = stageStyle === 'tag' ? `stage: !!str ${stage}` : stageStyle === 'shared' ? `stage: &st ${stage}` : `stage: ${quote(stage)}`;
    stageShared = stageStyle === 'shared';
    const entries = [`name: ${name}`, stageEntry, `ae: ${pick(['dewi@example.com', '"rizky@example.com"'])}`, `arr: ${pick(['120000', '0'])}`, `tags: [${pick(['fintech, expansion', 'a'])}]`, `scores: {growth_potential: 8, strategic_fit: 6}`];
    if (stageShared) entries.push('last_stage: *st');
    const separator = pick([', ', `,${eol}  `]);
    yamlLines = [`{${entries.join(separator)}}`];
  } else {
    const stageLines: string[] = (() => {
      switch (stageStyle) {
        case 'quoted':
          return [`stage: ${pick([`"${stage}"`, `'${stage}'`])}${comment()}`];
        case 'tag':
          return [`stage: !!str ${stage}${comment()}`];
        case 'anchor':
          return [`stage: &st ${stage}${comment()}`];
        case 'shared':
          stageShared = true;
          return [`stage: &st ${stage}`];
        case 'explicit':
          return ['? stage', `: ${quote(stage)}${comment()}`];
        case 'anchoredKey':
          return [`&k stage: ${stage}${comment()}`];
        case 'tab':
          return [`stage:\t${stage}\t# tabbed`];
        default:
          return [`stage: ${stage}${comment()}`];
      }
    })();
    const nested = pick(['', '  ', '    ']);
    const entries: string[][] = [
      [`name: ${name}${comment()}`],
      stageLines,
      [`ae: ${pick(['dewi@example.com', '"rizky@example.com"'])}${comment()}`],
      [`arr: ${pick(['120000', '45_000', '9.5e4', '0'])}${comment()}`],
      [`close_date: ${pick(['2026-12-15', "'2027-01-31'"])}${comment()}`],
      maybe() ? [`tags: [${pick(['fintech,expansion', ' fintech , expansion ', 'a'])}]${comment()}`] : ['tags:', '- fintech', '-   expansion'],
      ['contacts:', `${nested}- name: Sari Wijaya${comment()}`, `${nested}  role: champion`],
      pick([
        ['next_step: >', '  Send the MSA redlines and a very long explanation that a YAML library would happily', '  re-wrap at eighty columns.'],
        ['next_step: "call them', '  stage: tomorrow"'],
        ["next_step: 'ask the CFO", "  am: who signs'"],
        ['next_step: call them back', '  and ask about the stage'],
        ['next_step: |', '  stage: lost', '  am: nobody'],
        [`next_step: ${quote('Send MSA redlines')}`],
      ]),
      maybe() ? ['scores: { growth_potential: 8,  strategic_fit: 6 }'] : ['scores:', '  growth_potential: 8', '  strategic_fit:   6'],
      maybe() ? [pick(['# stage: prospecting', '#am: nobody@example.com', '# a full-line comment between keys'])] : [],
      maybe() ? ['custom_field: &anchor kept', 'other_field: *anchor'] : [],
      maybe(0.3) ? ['region:\tAPAC'] : [],
      stageShared ? ['last_stage: *st'] : [],
    ];
    const rest = entries.slice(2, -1).sort(() => rnd() - 0.5);
    const indent = pick(['', '', '', '  ', '    ']);
    yamlLines = [entries[0], entries[1], ...rest, entries[entries.length - 1]].flat().map((line) => (line.startsWith('#') ? line : indent + line));
  }
  const bytesOf = (line: string | (string | number)[]) => Buffer.concat((Array.isArray(line) ? line : [line]).map((part) => (typeof part === 'number' ? Buffer.of(part) : Buffer.from(part, 'utf8'))));
  const body = Buffer.concat(pick(BODIES).map((line, index, lines) => Buffer.concat([bytesOf(line), Buffer.from(index < lines.length - 1 ? eol : '')])));
  const head = Buffer.from(bom + ['---', ...yamlLines, '---', ''].join(eol), 'utf8');
  return { bytes: Buffer.concat([head, body]), stage, flow, stageShared, eol, bom, body };
}

function targetOf(file: string, role: Role, text: string): EditTarget | undefined {
  const { account } = readAccount(file, role, text, config);
  return account && { file, role, text, name: account.name, stage: account.stage, data: account.data };
}

/** The plan, or undefined when it was refused; any other error fails the test. */
function attempt(plan: () => EditPlan): EditPlan | undefined {
  try {
    return plan();
  } catch (error) {
    if (error instanceof EditRefused) return undefined;
    throw error;
  }
}

/** Both readers' data of a text's front-matter. */
function readings(text: string): Record<string, unknown>[] {
  const split = splitFrontMatter(text);
  assert.equal(split.kind, 'ok');
  if (split.kind !== 'ok') return [];
  const document = parseDocument(split.frontMatter.yaml, { version: '1.2', schema: 'core' });
  assert.deepEqual(document.errors, []);
  const index = readAccount('accounts/ae/x.md', 'ae', text, config).account?.data;
  assert.ok(index, 'the index reads the result');
  return [document.toJS() as Record<string, unknown>, index];
}

/** The result reads as the old data with exactly `changes`, keeps the BOM, the line endings and the body's bytes. */
function assertEditedRight(seed: number, generated: Generated, plan: EditPlan, changes: (before: Record<string, unknown>) => Record<string, unknown>) {
  const before = readings(textOfBytes(generated.bytes));
  const after = readings(plan.newText);
  after.forEach((data, reader) => assert.deepEqual(data, changes(before[reader]), `seed ${seed}, reader ${reader}`));
  assert.equal(plan.newText.startsWith('\ufeff'), generated.bom !== '', `seed ${seed}: BOM kept`);
  const split = splitFrontMatter(plan.newText);
  assert.equal(split.kind === 'ok' && split.frontMatter.eol, generated.eol, `seed ${seed}: line endings`);
  if (split.kind !== 'ok') return;
  const yaml = split.frontMatter.yaml;
  assert.equal(generated.eol === '\r\n' ? /(^|[^\r])\n/.test(yaml) : yaml.includes('\r'), false, `seed ${seed}: one kind of line ending`);
  const bytes = Buffer.from(bytesOfText(plan.newText));
  const bodyStart = Buffer.from(bytesOfText(plan.newText.slice(0, split.frontMatter.bodyStart))).length;
  assert.deepEqual(bytes.subarray(bodyStart, bodyStart + generated.body.length), generated.body, `seed ${seed}: body bytes kept`);
}

describe('the one write path (property test over generated files)', () => {
  it(`a stage move gives exactly the file with the other stage, or is refused only where it must be, in ${RUNS} files`, () => {
    let moved = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const generated = generate(seed);
      const next = generated.stage === 'demo' ? 'proposal' : 'demo';
      const target = targetOf('accounts/ae/x.md', 'ae', textOfBytes(generated.bytes));
      if (!target) continue; // the index cannot read it (a YAML 1.1 habit of js-yaml): the CLI refuses it untouched
      const plan = attempt(() => planMove(target, next, config));
      if (generated.stageShared) {
        assert.equal(plan, undefined, `seed ${seed}: moving a shared stage would move its alias too`);
        continue;
      }
      assert.ok(plan, `seed ${seed}: refused\n${textOfBytes(generated.bytes)}`);
      assert.deepEqual(Buffer.from(bytesOfText(plan.newText)), generate(seed, next).bytes, `seed ${seed}`);
      moved++;
    }
    assert.ok(moved > RUNS * 0.75, `only ${moved} of ${RUNS} files were moved`);
  });

  it(`a handoff changes only the account's stage line and writes its record and note to the handoff note, or is refused only where it must be (shared stage), in ${RUNS} files`, () => {
    let handedOff = 0;
    let flows = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const generated = generate(seed);
      const target = targetOf('accounts/ae/x.md', 'ae', textOfBytes(generated.bytes));
      if (!target) continue;
      const plan = attempt(() => planHandoff(target, { to: 'budi@example.com', today: '2026-11-22', force: true }, config));
      if (generated.stageShared) {
        assert.equal(plan, undefined, `seed ${seed}: handing off a shared stage would change its alias too: must be refused`);
        continue;
      }
      assert.ok(plan, `seed ${seed}: refused\n${textOfBytes(generated.bytes)}`);
      assert.equal(plan.newFile, 'accounts/am/x.md');
      // The account: exactly the same file with the handoff stage, byte for byte (a flow mapping too: the stage changes in place).
      assert.deepEqual(Buffer.from(bytesOfText(plan.newText)), generate(seed, 'onboarding').bytes, `seed ${seed}`);
      // The note: created, in the account's line endings, read by both readers as the record of the handoff.
      const note = plan.note;
      assert.ok(note, `seed ${seed}: no handoff note`);
      assert.equal(note.file, 'accounts/handoffs/x.md');
      assert.equal(note.exists, false);
      const split = splitFrontMatter(note.newText);
      assert.ok(split.kind === 'ok', `seed ${seed}: the note has front-matter`);
      assert.equal(split.frontMatter.eol, generated.eol, `seed ${seed}: the note's line endings`);
      assert.equal(generated.eol === '\r\n' ? /(^|[^\r])\n/.test(note.newText) : note.newText.includes('\r'), false, `seed ${seed}: one kind of line ending in the note`);
      const record = { date: '2026-11-22', from: target.data.ae, to: 'budi@example.com' };
      const document = parseDocument(split.frontMatter.yaml, { version: '1.2', schema: 'core' });
      assert.deepEqual(document.errors, []);
      assert.deepEqual(document.toJS(), { handoff: record }, `seed ${seed}: the note's front-matter`);
      const read = readHandoffNote(note.file, note.newText);
      assert.deepEqual(read.problems, []);
      assert.deepEqual(read.note?.handoff, record, `seed ${seed}: the index reads the record`);
      assert.equal(read.note?.empty.length, 6, `seed ${seed}: the built-in checklist, all empty`);
      if (generated.flow) flows++;
      handedOff++;
    }
    assert.ok(handedOff > RUNS * 0.75, `only ${handedOff} of ${RUNS} files were handed off`);
    assert.ok(flows > RUNS * 0.05, `only ${flows} flow mappings were handed off`);
  });

  it(`a check-up and an upsell change only last_contact, opportunities and the body, or are refused in a flow mapping, in ${RUNS} files`, () => {
    let edited = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const generated = generate(seed);
      const target = targetOf('accounts/am/x.md', 'am', textOfBytes(generated.bytes));
      if (!target) continue;
      const checkup = attempt(() => planCheckup(target, { today: '2026-11-22', outcome: 'QBR: wants SSO', satisfaction: 8 }));
      const upsell = attempt(() => planAddOpportunity(target, { type: 'upsell', title: 'Enterprise: plan "B"', value: 30000, stage: 'proposal', closeDate: '2027-03-31' }, config));
      if (generated.flow) {
        assert.equal(checkup, undefined, `seed ${seed}: a check-up adds last_contact to a flow mapping`);
        assert.equal(upsell, undefined, `seed ${seed}: an upsell adds opportunities to a flow mapping`);
        continue;
      }
      assert.ok(checkup && upsell, `seed ${seed}: refused\n${textOfBytes(generated.bytes)}`);
      assertEditedRight(seed, generated, checkup, (before) => ({ ...before, last_contact: '2026-11-22' }));
      assert.match(checkup.newText, /- 2026-11-22 — QBR: wants SSO \(satisfaction 8\/10\)/);
      assertEditedRight(seed, generated, upsell, (before) => ({
        ...before,
        opportunities: [{ type: 'upsell', title: 'Enterprise: plan "B"', value: 30000, stage: 'proposal', close_date: '2027-03-31' }],
      }));
      edited++;
    }
    assert.ok(edited > RUNS * 0.6, `only ${edited} of ${RUNS} files were edited`);
  });
});
