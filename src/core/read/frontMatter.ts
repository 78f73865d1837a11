/**
 * Splits an account file into BOM, fences, YAML and body, without parsing the YAML.
 * Costs about a microsecond per file; everything else builds on the offsets it returns.
 */
/** Front-matter larger than this is refused (real accounts have a few KB); a large body is fine. */
export const MAX_FRONT_MATTER_CHARS = 512 * 1024;

export interface FrontMatter {
  /** The text had a UTF-8 byte order mark (offsets below count it as one character). */
  bom: boolean;
  /** The line ending of the opening fence: the file's own. */
  eol: '\n' | '\r\n';
  /** What follows `---` on the opening fence (`js` in `---js`), lower-cased; empty for YAML. */
  language: string;
  /** The YAML between the fences. */
  yaml: string;
  /** Offset of the YAML's first character in the text. */
  yamlStart: number;
  /** 0-based line of the YAML's first line in the file. */
  yamlLine: number;
  /** Offset of the body (the character after the closing fence's line ending). */
  bodyStart: number;
}

export type SplitResult =
  | { kind: 'ok'; frontMatter: FrontMatter }
  | { kind: 'none' }
  | { kind: 'unclosed'; language: string };

const FENCE = /^---([^\r\n]*?)[ \t]*(\r?\n|$)/;

export function splitFrontMatter(text: string): SplitResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  const open = FENCE.exec(text.slice(start, start + 256));
  if (!open || open[1].startsWith('-')) return { kind: 'none' };
  const language = open[1].trim().toLowerCase();
  const yamlStart = start + open[0].length;
  if (open[2] === '') return { kind: 'unclosed', language };
  // The closing fence is `---` or `...` alone on a line.
  let lineStart = yamlStart;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') {
      return {
        kind: 'ok',
        frontMatter: {
          bom,
          eol: open[2] as '\n' | '\r\n',
          language,
          yaml: text.slice(yamlStart, lineStart),
          yamlStart,
          yamlLine: 1,
          bodyStart: newline === -1 ? text.length : newline + 1,
        },
      };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { kind: 'unclosed', language };
}

/** Where a top-level key of the front-matter stands: 0-based line in the file, columns of key and value. */
export interface KeyPosition {
  line: number;
  keyColumn: number;
  keyEnd: number;
  valueColumn: number;
  valueEnd: number;
}

/**
 * A top-level `key:` at the start of a line: a quoted key (`"a b":`), or a plain one that does not
 * start like a list item, a comment, a flow collection or an explicit key and holds no `:` or `#`;
 * then `:` followed by a blank or the end of the line. A hand scanner, linear in the line's length
 * whatever it holds (a regular expression for this backtracked quadratically on a long run of blanks).
 */
function topLevelKey(line: string): { name: string; keyEnd: number; valueColumn: number } | undefined {
  const first = line[0];
  if (first === undefined) return undefined;
  let name: string;
  let colon: number;
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, 1);
    if (close === -1) return undefined;
    name = line.slice(1, close);
    colon = skipBlanks(line, close + 1);
    if (line[colon] !== ':') return undefined;
  } else {
    if (/[\s#?:,[\]{}]/u.test(first)) return undefined;
    if (first === '-' && (line.length < 2 || /[\s:#]/u.test(line[1]))) return undefined;
    colon = line.indexOf(':');
    if (colon === -1) return undefined;
    const hash = line.indexOf('#');
    if (hash !== -1 && hash < colon) return undefined;
    let end = colon;
    while (isBlank(line[end - 1])) end--;
    name = line.slice(0, end);
  }
  if (colon + 1 < line.length && !isBlank(line[colon + 1])) return undefined;
  return { name, keyEnd: colon, valueColumn: skipBlanks(line, colon + 1) };
}

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

function skipBlanks(line: string, from: number): number {
  let index = from;
  while (isBlank(line[index])) index++;
  return index;
}

/**
 * The top-level keys of one front-matter and where they stand, kept compact (names shared across
 * accounts, four numbers a key in one array) because the index holds one for every account.
 */
export class KeyPositions {
  constructor(
    private readonly names: string[] = [],
    private readonly numbers: number[] = [],
  ) {}

  /** Rebuilds positions that crossed a thread or a cache as plain data. */
  static revive(plain: { names: string[]; numbers: number[] }): KeyPositions {
    return new KeyPositions(plain.names.map(intern), plain.numbers);
  }

  add(name: string, line: number, keyEnd: number, valueColumn: number, valueEnd: number): void {
    if (this.names.includes(name)) return;
    this.names.push(name);
    this.numbers.push(line, keyEnd, valueColumn, valueEnd);
  }

  get(name: string): KeyPosition | undefined {
    const index = this.names.indexOf(name);
    if (index === -1) return undefined;
    const [line, keyEnd, valueColumn, valueEnd] = this.numbers.slice(index * 4, index * 4 + 4);
    return { line, keyColumn: 0, keyEnd, valueColumn, valueEnd };
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  /** What crosses a thread or goes into a cache: plain data that `revive` reads back. */
  toJSON(): { names: string[]; numbers: number[] } {
    return { names: this.names, numbers: this.numbers };
  }

  /** Key names in the order the file has them. */
  keys(): string[] {
    return [...this.names];
  }
}

/**
 * Finds the top-level keys with a line scan (no YAML parse): enough for the Problems panel and
 * CodeLens to know their line. Nested positions come from `locate.ts` when they are needed.
 */
export function topLevelKeys(frontMatter: FrontMatter): KeyPositions {
  const keys = new KeyPositions();
  const lines = frontMatter.yaml.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    const key = topLevelKey(line);
    if (!key) continue;
    keys.add(intern(key.name), frontMatter.yamlLine + index, key.keyEnd, key.valueColumn, Math.max(key.valueColumn, scalarEnd(line, key.valueColumn)));
  }
  return keys;
}

/** Where a one-line value ends: after its closing quote, or before a trailing comment and spaces. */
function scalarEnd(line: string, start: number): number {
  const quote = line[start];
  if (quote === '"' || quote === "'") {
    for (let index = start + 1; index < line.length; index++) {
      if (line[index] === '\\' && quote === '"') index++;
      else if (line[index] === quote && quote === "'" && line[index + 1] === "'") index++;
      else if (line[index] === quote) return index + 1;
    }
  }
  const comment = line.slice(start).search(/(^|[ \t])#/);
  return (comment === -1 ? line : line.slice(0, start + comment)).trimEnd().length;
}

const interned = new Map<string, string>();

/**
 * One shared copy of each key name. A key sliced from a file's text would keep that whole text
 * alive for as long as the index holds the key: measured at several KB per account.
 */
export function intern(key: string): string {
  let shared = interned.get(key);
  if (shared === undefined) {
    shared = (JSON.parse(JSON.stringify(key)) as string);
    if (interned.size < 10_000) interned.set(shared, shared);
  }
  return shared;
}
