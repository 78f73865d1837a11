/**
 * Recognises the plain front-matter nearly every account is written in — `key: value` lines, lists
 * of `- key: value` items, one-line quoted values, `[a, b]` lists, comments — in one linear pass.
 * On this subset the fast reader (js-yaml with YAML 1.2 core types) reads exactly what a YAML 1.2
 * parser reads; everything else (anchors, tags, block scalars, flow mappings, multi-line values,
 * tabs, unusual keys or characters) goes to the conformant parser. A "no" costs speed, never
 * correctness, so the subset stays small on purpose.
 */

/** Longer keys go to the conformant parser, which enforces YAML's 1024-character limit on implicit keys. */
const MAX_PLAIN_KEY = 128;

/** Keys the two readers could turn into different property names. */
const RESOLVED_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

export function isPlainYaml(yaml: string): boolean {
  // Open block levels: the indentation of each mapping or sequence that encloses the next line.
  const levels: number[] = [];
  // Whether the previous content line opened a nested block, and where its content started.
  let opener = false;
  let previousIndent = -1;
  let itemContent = -1;
  // The previous content line was a bare `-`: js-yaml lets its sequence swallow a `-` that dedents below it.
  let bare = false;
  let lineStart = 0;
  while (lineStart < yaml.length) {
    let lineEnd = yaml.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = yaml.length;
    let end = lineEnd;
    if (lineEnd < yaml.length && end > lineStart && yaml.charCodeAt(end - 1) === 0x0d) end--; // only CRLF: a lone CR at the end is no line break to `yaml`
    const ok = scanLine(yaml, lineStart, end);
    lineStart = lineEnd + 1;
    if (!ok) return false;
    if (line.indent === -1) continue; // blank or comment
    const { indent } = line;
    if (previousIndent === -1) {
      if (indent !== 0 || line.item) return false;
      levels.push(0);
    } else if (indent > previousIndent) {
      const continuesItem = itemContent !== -1 && indent === itemContent && !line.item;
      if (!opener && !continuesItem) return false;
      if (opener) levels.push(indent);
    } else {
      while (levels.length > 0 && levels[levels.length - 1] > indent) levels.pop();
      // A dedent lands on a level that is open, or on an item's key column; anything else is unusual.
      if (levels.length === 0 || (levels[levels.length - 1] !== indent && indent !== itemContent)) return false;
    }
    if (line.item && indent === previousIndent && levels[levels.length - 1] !== indent) return false;
    if (bare && line.item && indent < previousIndent) return false;
    bare = line.item && line.bare;
    opener = line.opener;
    previousIndent = indent;
    itemContent = line.item ? line.content : indent < itemContent ? -1 : itemContent;
  }
  return true;
}

/** The last line `scanLine` read (one object, reused: the guard allocates nothing per line). */
const line = {
  /** Column of the first character; -1 for a blank or comment line. */
  indent: -1,
  /** The line starts with `- `. */
  item: false,
  /** Column where an item's content starts (after `- `). */
  content: -1,
  /** The line ends with a key and no value (`contacts:`), or is a bare `-`: a nested block follows. */
  opener: false,
  /** The line is a bare `-` (an item with nothing after it). */
  bare: false,
};

function readLine(indent: number, item: boolean, content: number, opener: boolean, bare = false): true {
  line.bare = bare;
  line.indent = indent;
  line.item = item;
  line.content = content;
  line.opener = opener;
  return true;
}

/** Reads one line of the subset into `line`; false when the line is outside it. */
function scanLine(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  if (at === end || text.charCodeAt(at) === HASH) return safeComment(text, at, end) && readLine(-1, false, -1, false);
  const indent = at - start;
  let item = false;
  if (text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) {
    item = true;
    at++;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at === end) return readLine(indent, item, at - start, true, true);
    if (text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) return false; // `- - x`
  }
  const content = at - start;
  const keyEnd = scanKey(text, at, end);
  if (keyEnd !== -1) {
    at = keyEnd + 1;
    if (at < end && text.charCodeAt(at) !== SPACE) return false;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at === end || text.charCodeAt(at) === HASH) {
      return safeComment(text, at, end) && readLine(indent, item, content, true);
    }
  } else if (!item) {
    return false;
  }
  return scanValue(text, at, end) && readLine(indent, item, content, false);
}

/** The offset of the `:` after a plain key (`[A-Za-z_][A-Za-z0-9_-]*`), or -1. */
function scanKey(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (!(isLetter(first) || first === 0x5f)) return -1;
  let at = start + 1;
  while (at < end && at - start <= MAX_PLAIN_KEY) {
    const code = text.charCodeAt(at);
    if (code === COLON) break;
    if (!(isLetter(code) || isDigit(code) || code === 0x5f || code === DASH)) return -1;
    at++;
  }
  if (at >= end || text.charCodeAt(at) !== COLON || at - start > MAX_PLAIN_KEY) return -1;
  // Only short keys starting with n, N, t, T, f, F or _ can be one of them.
  return at - start <= 9 && /[nNtTfF_]/.test(text[start]) && RESOLVED_KEYS.has(text.slice(start, at)) ? -1 : at;
}

/** A one-line value: double- or single-quoted, a `[a, b]` list, or a plain scalar; then an optional comment. */
function scanValue(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  let at: number;
  if (first === 0x22) at = scanQuoted(text, start, end, 0x22);
  else if (first === 0x27) at = scanQuoted(text, start, end, 0x27);
  else if (first === 0x5b) at = scanFlowList(text, start, end);
  else {
    // The plain scalar runs to the line's end or to a comment it has checked.
    const stop = scanPlain(text, start, end, false);
    return stop === end || (stop !== -1 && text.charCodeAt(stop) === HASH);
  }
  if (at === -1) return false;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  if (at === end) return true;
  // A comment needs a space before it, which the loop above has passed.
  return text.charCodeAt(at) === HASH && text.charCodeAt(at - 1) === SPACE && safeComment(text, at, end);
}

/** The offset after the closing quote; -1 for escapes, a quote left open, or unusual characters. */
function scanQuoted(text: string, start: number, end: number, quote: number): number {
  for (let at = start + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === quote) {
      if (quote === 0x27 && text.charCodeAt(at + 1) === 0x27 && at + 1 < end) {
        at++;
        continue;
      }
      return at + 1;
    }
    if (code === 0x5c && quote === 0x22) return -1;
    if ((code < 0x20 || code >= 0x7f) && !isPlainCharacter(text, at)) return -1;
    if (code >= 0xd800 && code <= 0xdbff) at++;
  }
  return -1;
}

/** `[a, b c, 1]`: plain items without quotes, nesting or flow indicators; the offset after `]`. */
function scanFlowList(text: string, start: number, end: number): number {
  let at = start + 1;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  if (text.charCodeAt(at) === 0x5d && at < end) return at + 1;
  for (;;) {
    const itemEnd = scanPlain(text, at, end, true);
    if (itemEnd === -1 || itemEnd === at) return -1;
    at = itemEnd;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at >= end) return -1;
    const code = text.charCodeAt(at);
    if (code === 0x5d) return at + 1;
    if (code !== 0x2c) return -1;
    at++;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
  }
}

/**
 * A plain scalar from `start`: the offset where it ends (a comment or the line's end; in a flow
 * list, a `,` or `]`), or -1 when it holds something the subset leaves to the conformant parser.
 */
function scanPlain(text: string, start: number, end: number, inFlow: boolean): number {
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  const signed = (first === DASH || first === 0x2b) && start + 1 < end && (isDigit(second) || second === 0x2e);
  if (!(isLetter(first) || isDigit(first) || signed || first === 0x5f || first === 0x2e || first === 0x28 || first === 0x2f || first === 0x24 || first === 0x7e || first >= 0x80)) return -1;
  let at = start;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === COLON) {
      // `: ` would start a mapping inside the value; `:x` (a URL, a time) is part of it.
      if (at + 1 === end || text.charCodeAt(at + 1) === SPACE || inFlow) return -1;
    } else if (code === HASH) {
      if (text.charCodeAt(at - 1) === SPACE) return safeComment(text, at, end) ? at : -1;
      if (inFlow) return -1;
    } else if (inFlow && (code === 0x2c || code === 0x5d)) {
      return at;
    } else if (inFlow && (code === 0x5b || code === 0x7b || code === 0x7d || code === 0x22 || code === 0x27)) {
      return -1;
    } else if ((code < 0x20 || code >= 0x7f) && !isPlainCharacter(text, at)) {
      return -1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      at++;
    }
  }
  return at;
}

/** A comment may say anything printable; control characters and the like go to the conformant parser. */
function safeComment(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x20 && code < 0x7f) continue;
    if (!isPlainCharacter(text, at)) return false;
    if (code >= 0xd800 && code <= 0xdbff) at++;
  }
  return true;
}

/**
 * Printable as YAML 1.2 means it, minus what readers disagree on: no tabs or control characters, no
 * DEL or C1 controls, no line or paragraph separators, no byte order mark, no lone surrogates (the
 * stand-ins for bytes that are not UTF-8) and no noncharacters.
 */
function isPlainCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x7f) return code >= 0x20;
  if (code < 0xa0) return false;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(at + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return code !== 0x2028 && code !== 0x2029 && code !== 0xfeff && code !== 0xfffe && code !== 0xffff;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
