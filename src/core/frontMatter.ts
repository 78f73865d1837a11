/**
 * Splits an account file into BOM, fences, YAML and body, without parsing the YAML.
 * Costs about a microsecond per file; everything else builds on the offsets it returns.
 */
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

const TOP_LEVEL_KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#"'\-?:,[\]{}][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/;

/**
 * Finds the top-level keys with a line scan (no YAML parse): enough for the Problems panel and
 * CodeLens to know their line. Nested positions come from `locate.ts` when they are needed.
 */
export function topLevelKeys(frontMatter: FrontMatter): Map<string, KeyPosition> {
  const keys = new Map<string, KeyPosition>();
  const lines = frontMatter.yaml.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    const match = TOP_LEVEL_KEY.exec(line);
    if (!match) continue;
    const key = match[1] ?? match[2] ?? match[3];
    if (keys.has(key)) continue;
    const valueColumn = match[0].length;
    const valueEnd = scalarEnd(line, valueColumn);
    keys.set(key, {
      line: frontMatter.yamlLine + index,
      keyColumn: 0,
      keyEnd: match[0].lastIndexOf(':'),
      valueColumn,
      valueEnd: Math.max(valueColumn, valueEnd),
    });
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
