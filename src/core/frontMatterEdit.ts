/**
 * Byte-exact edits of front-matter at the level of the source text: only the lines meant to change
 * do, and comments, quoting, key order, indentation, CRLF, a BOM and the body stay as they are.
 * (Re-serialising with a YAML library changed other lines in 936 of 1,000 real files.)
 */
import * as l10n from '@vscode/l10n';
import { splitFrontMatter, topLevelKeys, type FrontMatter, type KeyPosition, type KeyPositions } from './frontMatter';
import type { TextEdit } from './textEdit';
import { lineStartOffset } from './textPosition';

export class EditRefused extends Error {}

export interface FrontMatterSource {
  text: string;
  frontMatter: FrontMatter;
  keys: KeyPositions;
}

export function readFrontMatterSource(text: string): FrontMatterSource {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') throw new EditRefused(l10n.t('the file has no closed front-matter to edit; fix it first (handoff check shows why)'));
  return { text, frontMatter: split.frontMatter, keys: topLevelKeys(split.frontMatter) };
}

/** A scalar for a new value: plain where YAML reads it back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plain = /^[\p{L}\p{N}_][\p{L}\p{N}_.@+\-/ ]*$/u.test(value) && !/\s$/.test(value) && !/ #|: /.test(value);
  const ambiguous = /^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain && !ambiguous ? value : JSON.stringify(value);
}

/** Sets a top-level scalar key, keeping its quote style and inline comment; inserts it when missing. */
export function setScalar(source: FrontMatterSource, key: string, value: string, insertAfter: readonly string[] = []): TextEdit {
  const position = source.keys.get(key);
  if (!position) return insertLines(source, [`${key}: ${yamlScalar(value)}`], insertAfter);
  const lineStart = lineStartOffset(source.text, position.line);
  if (hasBlockChildren(source, position)) throw new EditRefused(l10n.t("'{0}' holds a list or a block here; change it by hand", key));
  const current = source.text.slice(lineStart + position.valueColumn, lineStart + position.valueEnd);
  if (/^[|>&*!]/.test(current)) throw new EditRefused(l10n.t("'{0}' is written as a block, anchor or tagged value; change it by hand", key));
  let newText: string;
  if (current.startsWith('"')) newText = JSON.stringify(value);
  else if (current.startsWith("'")) newText = `'${value.replace(/'/g, "''")}'`;
  else newText = yamlScalar(value);
  // `key:` with nothing after it needs the space YAML wants.
  if (current === '' && source.text[lineStart + position.valueColumn - 1] === ':') newText = ` ${newText}`;
  return { start: lineStart + position.valueColumn, end: lineStart + position.valueEnd, newText };
}

/** Replaces a top-level key and its indented block, or inserts it at the end of the front-matter. */
export function setBlock(source: FrontMatterSource, key: string, entries: readonly [string, string][]): TextEdit {
  const indent = ' '.repeat(detectIndent(source));
  const lines = [`${key}:`, ...entries.map(([name, value]) => `${indent}${name}: ${yamlScalar(value)}`)];
  const position = source.keys.get(key);
  if (!position) return insertLines(source, lines, []);
  const eol = source.frontMatter.eol;
  const start = lineStartOffset(source.text, position.line);
  const end = blockEnd(source, position);
  return { start, end, newText: lines.join(eol) + eol };
}

/** Appends Markdown to the body, after one blank line, in the file's own line endings. */
export function appendToBody(source: FrontMatterSource, markdown: string): TextEdit {
  const { text } = source;
  const eol = source.frontMatter.eol;
  const note = markdown.replace(/\r?\n/g, eol).replace(/(\r?\n)*$/, '') + eol;
  const body = text.slice(source.frontMatter.bodyStart);
  let separator: string;
  if (body.trim() === '') separator = text.endsWith('\n') ? eol : eol + eol;
  else if (text.endsWith(eol + eol) || text.endsWith('\n\n')) separator = '';
  else if (text.endsWith('\n')) separator = eol;
  else separator = eol + eol;
  return { start: text.length, end: text.length, newText: separator + note };
}

function insertLines(source: FrontMatterSource, lines: readonly string[], insertAfter: readonly string[]): TextEdit {
  const eol = source.frontMatter.eol;
  const anchor = insertAfter.map((k) => source.keys.get(k)).find((p): p is KeyPosition => p !== undefined);
  // After the anchor key's whole block, or before the closing fence.
  const offset = anchor ? blockEnd(source, anchor) : source.frontMatter.yamlStart + source.frontMatter.yaml.length;
  return { start: offset, end: offset, newText: lines.map((line) => line + eol).join('') };
}

/** The offset just after a top-level key's last line, its value's nested lines included (not trailing blanks or comments). */
function blockEnd(source: FrontMatterSource, position: KeyPosition): number {
  const { text, frontMatter } = source;
  const yamlEnd = frontMatter.yamlStart + frontMatter.yaml.length;
  let end = nextLine(text, lineStartOffset(text, position.line), yamlEnd);
  for (let offset = end; offset < yamlEnd; offset = nextLine(text, offset, yamlEnd)) {
    const lineEnd = text.indexOf('\n', offset);
    const line = text.slice(offset, lineEnd === -1 ? yamlEnd : lineEnd).replace(/\r$/, '');
    if (isNestedLine(line)) end = nextLine(text, offset, yamlEnd);
    else if (line.trim() !== '' && !/^[ \t]*#/.test(line)) break;
  }
  return end;
}

/** A line that belongs to the value above it: indented content, or a list item at column 0. */
function isNestedLine(line: string): boolean {
  return (/^[ \t]+\S/.test(line) && !/^[ \t]+#/.test(line)) || /^-(\s|$)/.test(line);
}

function nextLine(text: string, offset: number, limit: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 || newline >= limit ? limit : newline + 1;
}

function hasBlockChildren(source: FrontMatterSource, position: KeyPosition): boolean {
  const start = lineStartOffset(source.text, position.line);
  return blockEnd(source, position) > nextLine(source.text, start, source.frontMatter.yamlStart + source.frontMatter.yaml.length);
}

/** The indentation the file uses for nested lines: the smallest one it has (2 when it has none). */
function detectIndent(source: FrontMatterSource): number {
  let smallest = Infinity;
  for (const match of source.frontMatter.yaml.matchAll(/^( +)\S/gm)) smallest = Math.min(smallest, match[1].length);
  return Number.isFinite(smallest) ? smallest : 2;
}

/**
 * Adds a line at the end of a body section (`## Check-ups`, any heading level, any case), before the
 * blank lines that separate it from what follows; creates the section at the end when it is missing.
 */
export function appendToSection(source: FrontMatterSource, heading: string, line: string): TextEdit {
  const { text } = source;
  const eol = source.frontMatter.eol;
  const wanted = heading.toLowerCase();
  const headingPattern = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
  let offset = source.frontMatter.bodyStart;
  let level = 0;
  let lastContentEnd = -1;
  let inFence = false;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, newline === -1 ? text.length : newline).replace(/\r$/, '');
    if (/^(```|~~~)/.test(content)) inFence = !inFence;
    const match = inFence ? null : headingPattern.exec(content);
    if (level > 0 && match && match[1].length <= level) break;
    if (match && level === 0 && match[2].toLowerCase() === wanted) {
      level = match[1].length;
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
 * Appends a mapping to a top-level block list (`opportunities:`), in the list's own indentation;
 * creates the list when the key is missing or holds an empty flow list (`[]`).
 */
export function appendListItem(source: FrontMatterSource, key: string, entries: readonly [string, string | number][]): TextEdit {
  const eol = source.frontMatter.eol;
  const position = source.keys.get(key);
  const render = (dash: string, rest: string) =>
    entries.map(([name, value], index) => `${index === 0 ? dash : rest}${name}: ${typeof value === 'number' ? String(value) : yamlScalar(value)}`).join(eol) + eol;
  const unit = ' '.repeat(detectIndent(source));
  if (!position) return insertLines(source, [`${key}:`, render(`${unit}- `, `${unit}  `).slice(0, -eol.length)], []);
  const lineStart = lineStartOffset(source.text, position.line);
  const inline = source.text.slice(lineStart + position.valueColumn, lineStart + position.valueEnd);
  if (inline === '[]') {
    return { start: lineStart + position.valueColumn - 1, end: lineStart + position.valueEnd, newText: `${eol}${render(`${unit}- `, `${unit}  `).slice(0, -eol.length)}` };
  }
  if (inline !== '' || !hasBlockChildren(source, position)) throw new EditRefused(l10n.t("'{0}' is not a block list here; add the item by hand", key));
  const firstItem = /^([ \t]*)-[ \t]+/m.exec(source.text.slice(nextLine(source.text, lineStart, source.text.length)));
  const dash = firstItem ? firstItem[0] : `${unit}- `;
  const rest = ' '.repeat(dash.length);
  const end = blockEnd(source, position);
  return { start: end, end, newText: render(dash, rest) };
}
