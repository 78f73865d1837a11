/**
 * Byte-exact edits of front-matter, planned on the positions the YAML parser gives (`yamlDocument.ts`),
 * never on a line scan: only the text of the keys meant to change does, and comments, quoting, key
 * order, indentation, CRLF, a BOM and the body stay as they are. (Re-serialising with a YAML library
 * changed other lines in 936 of 1,000 real files.) What cannot be edited in place — a value that is an
 * alias, a block scalar, a new key in a flow mapping — is refused; `editVerify.ts` checks the result.
 */
import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type ParsedNode } from 'yaml';
import { EditRefused } from './editPlan';
import { splitFrontMatter, type FrontMatter } from '../read/frontMatter';
import type { TextEdit } from './textEdit';
import { dataOf, parseYamlDocument, YamlDocumentError } from '../read/yamlDocument';

/** One top-level key of the front-matter; offsets are in the file's text. */
export interface FrontMatterEntry {
  key: string;
  /**
   * The entry's text: from its line's start to the start of the line after its value's last line
   * (in a flow mapping, key to value). Comment lines and blank lines after it are not part of it.
   */
  start: number;
  end: number;
  /** The parsed value, with offsets in the YAML (add `yamlStart`); null for `key:` with no value node. */
  value: ParsedNode | null;
}

export interface FrontMatterSource {
  text: string;
  frontMatter: FrontMatter;
  /** The YAML as parsed (positions are offsets in the YAML); its data is YAML 1.2's reading. */
  document: Document.Parsed;
  entries: FrontMatterEntry[];
  /** The front-matter is one flow mapping `{…}`: values can change in place, keys cannot be added. */
  flow: boolean;
  /** The top-level keys' indentation, and one step further in. */
  indent: string;
  nested: string;
}

const unsafe = (message: string) => new EditRefused(message, 'edit-unsafe');

export function readFrontMatterSource(text: string): FrontMatterSource {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') throw new EditRefused(l10n.t('the file has no closed front-matter to edit; fix it first (handoff check shows why)'));
  const frontMatter = split.frontMatter;
  let document;
  try {
    document = parseYamlDocument(frontMatter.yaml);
  } catch (error) {
    if (!(error instanceof YamlDocumentError)) throw error;
    throw unsafe(l10n.t('the front-matter is not valid YAML 1.2 (line {0}: {1}); fix it first, nothing was changed (edit-unsafe)', frontMatter.yamlLine + error.line + 1, error.message));
  }
  const contents = document.contents;
  if (contents === null) return { text, frontMatter, document, entries: [], flow: false, indent: '', nested: '  ' };
  if (!isMap(contents)) throw unsafe(l10n.t("the front-matter is not 'key: value' fields; nothing was changed (edit-unsafe)"));
  const at = (offset: number) => frontMatter.yamlStart + offset;
  const flow = contents.flow === true;
  const entries: FrontMatterEntry[] = [];
  for (const pair of contents.items) {
    const key = pair.key as ParsedNode | null;
    if (!isScalar(key) || !key.range) continue;
    const value = (pair.value as ParsedNode | null) ?? null;
    // range[1] ends the value itself; range[2] would run on over the comments and blank lines after it.
    const end = at((value?.range ?? key.range)[1]);
    entries.push({
      key: String(key.value),
      start: flow ? at(key.range[0]) : lineStart(text, at(key.range[0])),
      end: flow ? end : nextLineStart(text, end, at(frontMatter.yaml.length)),
      value,
    });
  }
  const first = entries[0];
  const indent = flow || !first ? '' : /^[ \t]*/.exec(text.slice(first.start))![0];
  return { text, frontMatter, document, entries, flow, indent, nested: indent + ' '.repeat(nestingStep(text, frontMatter, entries, indent.length)) };
}

/** A top-level key's value as YAML 1.2 reads it (the index's reader misreads a few corners), or undefined. */
export function valueOf(source: FrontMatterSource, key: string): unknown {
  try {
    const data = dataOf(source.document);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A scalar for a new value: plain where YAML reads it back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  // Plain when it starts with no indicator, holds no flow indicator, quote or `: `/` #`, and is not a number, bool or null.
  const plain = /^[\p{L}\p{N}_(][\p{L}\p{M}\p{N}_.@+\-/ ()'&!?%=;$*~:#]*$/u.test(value) && !/\s$/.test(value) && !/: |:$| #/.test(value);
  const ambiguous = /^(true|false|null|yes|no|on|off|y|n|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[\da-f_]+|0o[0-7_]+|0b[01_]+|\.inf|\.nan)$/i.test(value);
  return plain && !ambiguous ? value : JSON.stringify(value);
}

/**
 * Sets a top-level scalar key, keeping its quote style, tag, anchor and inline comment; inserts it when
 * missing. A number is written as a plain number (a quoted value becomes plain, or it would read as text).
 */
export function setScalar(source: FrontMatterSource, key: string, value: string | number, insertAfter: readonly string[] = []): TextEdit {
  const entry = entryOf(source, key);
  const plainNumber = typeof value === 'number' ? String(value) : undefined;
  if (!entry) return insertEntry(source, [`${key}: ${plainNumber ?? yamlScalar(value as string)}`], insertAfter);
  const node = editableScalar(entry);
  const [start, end] = [source.frontMatter.yamlStart + node.range![0], source.frontMatter.yamlStart + node.range![1]];
  if (start === end) {
    // `key:` with no value: the value goes after the colon, with the spaces YAML wants around it.
    const before = source.text[start - 1] === ':' ? ' ' : '';
    const after = source.text[start] === '#' ? ' ' : '';
    return { start, end, newText: `${before}${plainNumber ?? yamlScalar(value as string)}${after}` };
  }
  if (plainNumber !== undefined) return { start, end, newText: plainNumber };
  value = value as string;
  let newText: string;
  if (node.type === Scalar.QUOTE_DOUBLE) newText = JSON.stringify(value);
  else if (node.type === Scalar.QUOTE_SINGLE) newText = `'${value.replace(/'/g, "''")}'`;
  else newText = yamlScalar(value);
  return { start, end, newText };
}

/** Replaces a top-level key and its nested block, or adds it at the end of the front-matter. */
export function setBlock(source: FrontMatterSource, key: string, entries: readonly [string, string][]): TextEdit {
  const eol = source.frontMatter.eol;
  const lines = [`${source.indent}${key}:`, ...entries.map(([name, value]) => `${source.nested}${name}: ${yamlScalar(value)}`)];
  const entry = entryOf(source, key);
  if (!entry) return insertEntry(source, lines.map((line) => line.slice(source.indent.length)), []);
  if (source.flow) throw refuseFlow(key);
  return { start: entry.start, end: entry.end, newText: lines.join(eol) + eol };
}

/**
 * Appends a mapping to a top-level block list (`opportunities:`), in the list's own indentation;
 * creates the list when the key is missing, empty, or holds an empty flow list (`[]`).
 */
export function appendListItem(source: FrontMatterSource, key: string, fields: readonly [string, string | number][]): TextEdit {
  const eol = source.frontMatter.eol;
  const render = (dash: string, rest: string) => fields.map(([name, value], index) => `${index === 0 ? dash : rest}${name}: ${typeof value === 'number' ? String(value) : yamlScalar(value)}`);
  const fresh = render(`${source.nested}- `, `${source.nested}  `);
  const entry = entryOf(source, key);
  if (!entry) return insertEntry(source, [`${key}:`, ...fresh.map((line) => line.slice(source.indent.length))], []);
  if (source.flow) throw refuseFlow(key);
  const node = entry.value;
  const yamlStart = source.frontMatter.yamlStart;
  const notAList = () => unsafe(l10n.t("'{0}' is not a block list here; add the item by hand, nothing was changed (edit-unsafe)", key));
  if (node === null || (isScalar(node) && node.value === null && node.source === '')) return { start: entry.end, end: entry.end, newText: fresh.map((line) => line + eol).join('') };
  if (!isSeq(node) || !node.range) throw notAList();
  if (node.flow) {
    if (node.items.length > 0 || node.anchor || node.tag) throw notAList();
    // `key: []` becomes `key:` and the list below it.
    const colon = source.text.lastIndexOf(':', yamlStart + node.range[0]);
    if (colon < entry.start || source.text.slice(colon + 1, yamlStart + node.range[0]).trim() !== '') throw notAList();
    return { start: colon + 1, end: yamlStart + node.range[1], newText: eol + fresh.join(eol) };
  }
  const dashAt = yamlStart + node.range[0];
  const dashColumn = dashAt - lineStart(source.text, dashAt);
  const firstItem = node.items[0] as Node | undefined;
  const contentAt = firstItem?.range ? yamlStart + firstItem.range[0] : dashAt + 2;
  const contentColumn = lineStart(source.text, contentAt) === lineStart(source.text, dashAt) ? contentAt - lineStart(source.text, dashAt) : dashColumn + 2;
  const dash = `${' '.repeat(dashColumn)}-${' '.repeat(Math.max(1, contentColumn - dashColumn - 1))}`;
  return { start: entry.end, end: entry.end, newText: render(dash, ' '.repeat(dash.length)).map((line) => line + eol).join('') };
}

/** Appends Markdown to the body, after one blank line, in the file's own line endings. */
export function appendToBody(source: FrontMatterSource, markdown: string): TextEdit {
  const { text } = source;
  const eol = source.frontMatter.eol;
  const note = withoutTrailingNewlines(markdown.replace(/\r?\n/g, eol)) + eol;
  const body = text.slice(source.frontMatter.bodyStart);
  let separator: string;
  if (body.trim() === '') separator = text.endsWith('\n') ? eol : eol + eol;
  else if (text.endsWith(eol + eol) || text.endsWith('\n\n')) separator = '';
  else if (text.endsWith('\n')) separator = eol;
  else separator = eol + eol;
  return { start: text.length, end: text.length, newText: separator + note };
}

/**
 * Adds a line at the end of a body section (`## Check-ups`, any heading level, any case), before the
 * blank lines that separate it from what follows; creates the section at the end when it is missing.
 */
export function appendToSection(source: FrontMatterSource, heading: string, line: string): TextEdit {
  const { text } = source;
  const eol = source.frontMatter.eol;
  const wanted = heading.toLowerCase();
  let offset = source.frontMatter.bodyStart;
  let level = 0;
  let lastContentEnd = -1;
  let inFence = false;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, newline === -1 ? text.length : newline).replace(/\r$/, '');
    if (/^(```|~~~)/.test(content)) inFence = !inFence;
    const match = inFence ? undefined : headingOf(content);
    if (level > 0 && match && match.level <= level) break;
    if (match && level === 0 && match.text.toLowerCase() === wanted) {
      level = match.level;
      lastContentEnd = end;
    } else if (level > 0 && content.trim() !== '') {
      lastContentEnd = end;
    }
    offset = end;
  }
  if (level === 0) return appendToBody(source, `## ${heading}${eol}${eol}${line}${eol}`);
  const atEnd = lastContentEnd === text.length && !text.endsWith('\n');
  return { start: lastContentEnd, end: lastContentEnd, newText: atEnd ? `${eol}${line}` : `${line}${eol}` };
}

/**
 * An ATX heading (`## Check-ups ##`): its level and its text without the closing hashes and blanks.
 * The trailing part is trimmed by hand: a pattern like `(.*?)[ \t#]*$` backtracks quadratically on
 * a long run of blanks or hashes.
 */
export function headingOf(line: string): { level: number; text: string } | undefined {
  const open = /^(#{1,6})[ \t]/.exec(line);
  if (!open) return undefined;
  let start = open[0].length;
  while (line[start] === ' ' || line[start] === '\t') start++;
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '#')) end--;
  return { level: open[1].length, text: line.slice(start, end) };
}

/** `text` without the line breaks at its end (a loop: `(\r?\n)*$` is quadratic on a long run of them). */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (text[end - 1] === '\n') end -= text[end - 2] === '\r' ? 2 : 1;
  return text.slice(0, end);
}

function entryOf(source: FrontMatterSource, key: string): FrontMatterEntry | undefined {
  return source.entries.find((entry) => entry.key === key);
}

/** The value of an entry as a scalar that can be replaced in place, or a refusal saying why not. */
function editableScalar(entry: FrontMatterEntry): Scalar {
  const node = entry.value;
  if (isAlias(node)) throw unsafe(l10n.t("'{0}' is an alias of another value here (*{1}); change it by hand, nothing was changed (edit-unsafe)", entry.key, node.source));
  if (node === null || !isScalar(node) || !node.range) throw new EditRefused(l10n.t("'{0}' holds a list or a block here; change it by hand", entry.key));
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) throw new EditRefused(l10n.t("'{0}' is written as a block (| or >); change it by hand", entry.key));
  return node;
}

/** New top-level lines (given without the mapping's indentation) after the first anchor key present, or at the end. */
function insertEntry(source: FrontMatterSource, lines: readonly string[], insertAfter: readonly string[]): TextEdit {
  if (source.flow) throw refuseFlow(lines[0].slice(0, lines[0].indexOf(':')));
  const eol = source.frontMatter.eol;
  const anchor = insertAfter.map((key) => entryOf(source, key)).find((entry) => entry !== undefined);
  const offset = anchor ? anchor.end : source.frontMatter.yamlStart + source.frontMatter.yaml.length;
  return { start: offset, end: offset, newText: lines.map((line) => source.indent + line + eol).join('') };
}

function refuseFlow(key: string): EditRefused {
  return unsafe(l10n.t("the front-matter is one flow mapping '{…}', which Handoff does not add keys to; write it as 'key: value' lines to change '{0}'; nothing was changed (edit-unsafe)", key));
}

/** How far nested blocks are indented past their key: the file's own habit, else 2. */
function nestingStep(text: string, frontMatter: FrontMatter, entries: readonly FrontMatterEntry[], indent: number): number {
  let step = Infinity;
  for (const { value } of entries) {
    if (!value?.range || !(isMap(value) || isSeq(value)) || value.flow) continue;
    const at = frontMatter.yamlStart + value.range[0];
    const column = at - lineStart(text, at);
    if (column > indent) step = Math.min(step, column - indent);
  }
  return Number.isFinite(step) ? step : 2;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number, limit: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= limit ? limit : newline + 1;
}
