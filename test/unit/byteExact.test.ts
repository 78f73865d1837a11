// Property test: over generated account files with every trait that re-serialising YAML breaks
// (comments, quoting, flow and block lists, folded text, CRLF, BOM, unicode, odd spacing), an edit
// changes only the lines it means to.
import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/account';
import { defaultConfig } from '../../src/core/config';
import { planHandoff, planMove, type EditTarget } from '../../src/core/handoff';
import { applyEdits } from '../../src/core/textEdit';

const config = defaultConfig();
const RUNS = 400;

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

function generate(seed: number) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const maybe = (p = 0.5) => rnd() < p;
  const comment = () => (maybe(0.4) ? `${' '.repeat(1 + Math.floor(rnd() * 8))}# ${pick(['catatan', 'note: keep', 'TODO ✓', '«quoted»'])}` : '');
  const quote = (value: string) => pick([value, `"${value}"`, `'${value}'`]);
  const stage = pick(['prospecting', 'qualification', 'demo', 'proposal', 'negotiation', 'closed_won']);
  const entries: string[][] = [
    [`name: ${quote(pick(['Acme Corp', 'PT Maju Jaya Tbk', 'Øresund Bikes', 'Kopi Nusantara', '株式会社テスト']))}${comment()}`],
    [`stage: ${quote(stage)}${comment()}`],
    [`ae: ${pick(['dewi@example.com', '"rizky@example.com"'])}${comment()}`],
    [`arr: ${pick(['120000', '45_000', '9.5e4', '0'])}${comment()}`],
    [`close_date: ${pick(['2026-12-15', "'2027-01-31'"])}${comment()}`],
    maybe() ? [`tags: [${pick(['fintech,expansion', ' fintech , expansion ', 'a'])}]${comment()}`] : ['tags:', '- fintech', '-   expansion'],
    ((indent) => ['contacts:', `${indent}- name: Sari Wijaya${comment()}`, `${indent}  role: champion`])(pick(['', '  ', '    '])),
    maybe() ? ['next_step: >', '  Send the MSA redlines and a very long explanation that a YAML library would happily', '  re-wrap at eighty columns.'] : [`next_step: ${quote('Send MSA redlines')}`],
    maybe() ? ['scores: { growth_potential: 8,  strategic_fit: 6 }'] : ['scores:', '  growth_potential: 8', '  strategic_fit:   6'],
    maybe() ? ['# a full-line comment between keys'] : [],
    maybe() ? ['custom_field: &anchor kept', 'other_field: *anchor'] : [],
  ];
  const head = entries.slice(0, 2);
  const rest = entries.slice(2).sort(() => rnd() - 0.5);
  const yamlLines = [...head, ...rest].flat();
  const eol = maybe() ? '\r\n' : '\n';
  const bom = maybe(0.3) ? '\ufeff' : '';
  const body = pick(['', '# Notes\n\nCatatan rapat: klien minta diskon.', '# Notes\n\n- one\n- two\n\n\n', 'No trailing newline']);
  const text = bom + ['---', ...yamlLines, '---', ...body.split('\n')].join(eol);
  return { text, stage, eol, bom };
}

function lines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r?\n/);
}

function targetOf(file: string, text: string): EditTarget {
  const { account, problems } = readAccount(file, 'ae', text, config);
  assert.ok(account, `unreadable: ${problems.map((p) => p.message)}`);
  return { file, role: 'ae', text, name: account.name, stage: account.stage, data: account.data };
}

function assertSameFileTraits(before: string, after: string, eol: string, bom: string) {
  assert.equal(after.startsWith('\ufeff'), bom !== '', 'BOM kept');
  if (eol === '\r\n') assert.equal(/(^|[^\r])\n/.test(after), false, 'no bare LF in a CRLF file');
  else assert.equal(after.includes('\r'), false, 'no CR in an LF file');
  assert.ok(after.length > 0 && before.length > 0);
}

describe('byte-exact edits (property test)', () => {
  it(`a stage move changes exactly one line, in ${RUNS} generated files`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { text, stage, eol, bom } = generate(seed);
      const next = stage === 'demo' ? 'proposal' : 'demo';
      const after = applyEdits(text, planMove(targetOf('accounts/ae/x.md', text), next, config).edits);
      const a = lines(text);
      const b = lines(after);
      assert.equal(b.length, a.length, `seed ${seed}: line count`);
      const changed = a.map((line, i) => (line === b[i] ? -1 : i)).filter((i) => i >= 0);
      assert.equal(changed.length, 1, `seed ${seed}: changed lines ${changed}`);
      assert.equal(b[changed[0]].replace(next, stage), a[changed[0]], `seed ${seed}: only the stage id changed on its line`);
      assertSameFileTraits(text, after, eol, bom);
      assert.equal(readAccount('accounts/ae/x.md', 'ae', after, config).account?.stage, next);
    }
  });

  it(`a handoff keeps every other line, in order, in ${RUNS} generated files`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { text, stage, eol, bom } = generate(seed);
      const plan = planHandoff(targetOf('accounts/ae/x.md', text), { to: 'budi@example.com', today: '2026-11-22', force: true }, config);
      const after = applyEdits(text, plan.edits);
      assertSameFileTraits(text, after, eol, bom);
      const a = lines(text);
      const b = lines(after);
      const stageLine = a.findIndex((line) => line.startsWith('stage:'));
      assert.equal(b[stageLine].replace('onboarding', stage), a[stageLine], `seed ${seed}: stage line`);
      // Every original line survives, in order; what is left over is exactly what a handoff adds.
      const added: string[] = [];
      let cursor = 0;
      for (const [i, line] of a.entries()) {
        if (i === stageLine) {
          cursor++;
          continue;
        }
        while (cursor < b.length && b[cursor] !== line) added.push(b[cursor++]);
        assert.ok(cursor < b.length, `seed ${seed}: lost line ${JSON.stringify(line)}`);
        cursor++;
      }
      added.push(...b.slice(cursor));
      const expected = [/^am: budi@example.com$/, /^handoff:$/, /^ +date: 2026-11-22$/, /^ +from: /, /^ +to: budi@example.com$/, /^## Handoff note — 2026-11-22$/, /^From /, ...Array(6).fill(/^- \*\*/)];
      const nonBlank = added.filter((line) => line.trim() !== '');
      assert.equal(nonBlank.length, expected.length, `seed ${seed}: added ${JSON.stringify(added)}`);
      nonBlank.forEach((line, i) => assert.match(line, expected[i], `seed ${seed}`));
      assert.ok(added.length - nonBlank.length <= 4, `seed ${seed}: blank lines added ${added.length - nonBlank.length}`);
      const record = readAccount(plan.newFile, 'am', after, config);
      assert.equal(record.account?.data.am, 'budi@example.com', `seed ${seed}`);
      assert.deepEqual(record.account?.data.handoff, { date: '2026-11-22', from: record.account?.data.ae, to: 'budi@example.com' });
    }
  });
});
