// Hostile strings and the readers that check what became of them: a seeded generator, an RFC 4180
// reader, and markdown-it (CommonMark + GFM tables, raw HTML passed through so an injection shows).
import * as assert from 'node:assert/strict';
import { type Account } from '../../src/core/model/account';
import { readAccount } from '../../src/core/read/accountRead';
import { type TeamConfig } from '../../src/core/model/teamConfig';
import { parseConfig } from '../../src/core/read/configRead';
import { parsePeriod } from '../../src/core/model/period';

/** mulberry32: the same seed gives the same strings, so a failure names its seed and reproduces. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...'=+-@\t\r\n<>&[]()|*_`~!#\\"\'$:.'.split(''),
  '\r\n', '<!--', '-->', 'javascript:', '](', '&lt;', '&#60;', '&amp;', '``', '***', '___', '~~', '===', '---',
  '<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '\n\n### ✅ Security review: APPROVED', '\n| x | y |',
  '\x1b[31m', '\x1b]8;;http://evil.example\x07', '\x00', '\x07', '\x7f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\u2028', '\u2029',
  '＝', '＋', '＠', ' ', '  ', '1.', '2)', '#12', '@budi', 'http://evil.example', '{{name}}',
  'a', 'b', 'Acme', 'Corp', 'é', '中', '👩‍💻', '0', '42',
];

/** A name from `rnd`: 1–8 pieces, dangerous characters and plain letters mixed, never blank. */
export function hostile(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 8);
  let text = '';
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
  return text.trim() === '' ? `${text}x` : text;
}

/** The same, without line breaks: for values an edit refuses when they span lines. */
export function hostileLine(rnd: () => number): string {
  const text = hostile(rnd).replace(/[\r\n\u2028\u2029\u0085]/g, '');
  return text.trim() === '' ? `x${text}` : text;
}

/** RFC 4180, strictly: records end in CRLF; a quoted field may hold anything, "" is a quote. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  assert.ok(text.endsWith('\r\n'), 'a CSV ends with CRLF');
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'a quoted field is closed');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        assert.ok(text[i] !== '"' && text[i] !== '\n', `a bare field holds no quote or line break (at ${i})`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `a field ends with a comma or CRLF (at ${i})`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

interface MarkdownIt {
  render(markdown: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it comes untyped, through @vscode/vsce
const markdownIt = require('markdown-it') as (options: object) => MarkdownIt;
const renderer = markdownIt({ html: true, linkify: false });

/** HTML as a CommonMark + GFM-tables renderer makes it, raw HTML in the source kept raw. */
export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** The sequence of tags: what the structure is, whatever the text. */
export function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[0]);
}

/** The text a reader sees: tags dropped, entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * How a name must read once shown (a terminal line, or Markdown rendered): every control, line
 * break and bidi character as a visible escape, every other character as written. An oracle of
 * its own, independent of the code under test.
 */
export function shown(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return text.replace(CONTROL, (c) => named[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A name that clears the screen, colours, links, and turns the line around, on a terminal that obeys. */
export const ANSI_NAME = 'Acme \x1b[2J\x1b[31mRED\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \u202egpj.exe \u009b31m';

/** True when a string still holds a character that could drive a terminal or reorder a line. */
export function hasControl(text: string): boolean {
  return new RegExp(CONTROL.source).test(text);
}

// The accounts and team of the hostile-output tests.
export const TODAY = '2026-11-22';
export const Q4 = parsePeriod('2026-Q4')!;
export const quoted = (value: string) => JSON.stringify(value);

/** A team whose roster, stage ids and criteria may themselves be hostile. */
export function team(person = 'budi@example.com', criterion = 'growth_potential', region = 'APAC'): TeamConfig {
  const { config, problems } = parseConfig(
    [`scoring: { criteria: { ${quoted(criterion)}: 3 }, key_accounts: 10 }`, `team:`, `  - { id: ${quoted(person)}, role: am, region: ${quoted(region)}, quota: { 2026-Q4: 1000 } }`].join('\n'),
  );
  assert.deepEqual(problems, []);
  return config;
}

export interface Hostile {
  name: string;
  owner: string;
  currency: string;
  region: string;
  title: string;
}

/** Accounts that land in every section of the report: a deal, a won deal, a renewal needing attention, an expansion, a key account. */
export function accounts(values: Hostile[], config: TeamConfig): Account[] {
  const out: Account[] = [];
  values.forEach((v, i) => {
    const common = `name: ${quoted(v.name)}\narr: ${1000 * (i + 1)}\ncurrency: ${quoted(v.currency)}\nregion: ${quoted(v.region)}\nscores: { ${Object.keys(config.scoring.criteria).map((c) => `${quoted(c)}: 7`).join(', ')} }`;
    const files: [string, string][] = [
      [`accounts/ae/deal-${i}.md`, `${common}\nstage: negotiation\nae: ${quoted(v.owner)}\nclose_date: 2026-12-01`],
      [`accounts/ae/won-${i}.md`, `${common}\nstage: closed_won\nae: ${quoted(v.owner)}\nclose_date: 2026-11-01`],
      [
        `accounts/am/renew-${i}.md`,
        `${common}\nstage: active\nam: ${quoted(v.owner)}\ncontract_end: 2026-12-15\nhealth: 2\nopportunities:\n  - { type: upsell, title: ${quoted(v.title)}, value: 500, stage: proposal, close_date: 2026-12-20 }`,
      ],
    ];
    for (const [file, yaml] of files) {
      const record = readAccount(file, file.includes('/am/') ? 'am' : 'ae', `---\n${yaml}\n---\n`, config);
      assert.ok(record.account, `${file} reads: ${record.problems.map((p) => p.message).join('; ')}`);
      out.push(record.account);
    }
  });
  return out;
}

export const FORMULA = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

/** A benign stand-in for each distinct hostile string, so the same report can be built without them. */
export function benign<T extends object>(values: T[]): T[] {
  const names = new Map<string, string>();
  const plain = (s: string) => names.get(s) ?? (names.set(s, `plain${names.size}`), names.get(s)!);
  return values.map((v) => Object.fromEntries(Object.entries(v).map(([k, s]) => [k, typeof s === 'string' ? plain(s) : s])) as T);
}

