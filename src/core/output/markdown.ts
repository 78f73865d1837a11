/**
 * Text from files, written into Markdown (reports, the pull-request review, notes appended to an
 * account, tooltips) so that it renders as the same characters and nothing else: no HTML, link,
 * image, heading, list, table cell, emphasis, code, line or GitHub mention of its own.
 * CommonMark and GitHub Flavored Markdown; GitHub's reference links are handled too.
 */
import { visibleText } from './visibleText';

/** Letters and digits: what an underscore or an `@` must sit between to be part of a word. */
const WORD = /[\p{L}\p{N}]/u;

/** `&` begins a character reference only when one follows: `&amp;`, `&#60;`, `&#x3c;`. */
const REFERENCE = /^&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/;

/** U+2060 WORD JOINER: invisible, and it ends GitHub's `@name` and `#123` before they link. */
const JOINER = '\u2060';

/**
 * Inline text, safe anywhere a line of Markdown holds text — in a paragraph, a list item, a
 * heading, inside `**…**`, in a table cell, or at the start of a line of a template:
 * - controls, line breaks and bidi characters become visible escapes (`visibleText`), so the text
 *   stays on its line;
 * - `\` `` ` `` `*` `~` `[` `]` `|` `$` are backslash-escaped (emphasis, strikethrough, code spans,
 *   links and images, table cells, GitHub's math); `_` too, unless it joins two letters or digits
 *   (where it can never emphasise, so `closed_won` stays readable);
 * - `<` and `>` become `&lt;` `&gt;` (HTML, autolinks, block quotes), `&` becomes `&amp;` where it
 *   would begin a character reference;
 * - what would begin a block at the start of a line is escaped there — a `#` (heading), a `-` or
 *   `+` before a space (list), a run of `-` or `=` (thematic break, setext underline), the `.` or `)`
 *   of a number before a space (ordered list) — and spaces first or last become `&#32;` (so they
 *   neither indent a code block nor vanish); `8.4`, `-5` and `2026-12-01` stay as they are;
 * - in a comment or a report (`where` is 'comment', the default), `@name` at the start of a word and
 *   `#123` get a word joiner after the sign, so GitHub neither notifies a person or team nor links
 *   an issue (an e-mail address keeps its `@` as it is). In an account's own file (`'file'`) they
 *   stay as typed: GitHub links neither in a file it renders, and an invisible character in a
 *   team's notes would only make them harder to search.
 * Bare URLs stay as text; GitHub shows them as links to exactly what they say.
 */
export function markdownText(text: string, where: 'comment' | 'file' = 'comment'): string {
  const mentions = where === 'comment';
  const visible = visibleText(text);
  const escaped = visible.replace(/[\\`*~[\]|$<>&_@#]/g, (c, at: number) => {
    const before = visible[at - 1] ?? '';
    const after = visible[at + 1] ?? '';
    switch (c) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return REFERENCE.test(visible.slice(at, at + 40)) ? '&amp;' : '&';
      case '_':
        return WORD.test(before) && WORD.test(after) ? '_' : '\\_';
      case '@':
        return mentions && !WORD.test(before) && before !== '_' && /[A-Za-z0-9]/.test(after) ? `@${JOINER}` : '@';
      case '#':
        return mentions && /[0-9]/.test(after) ? `#${JOINER}` : '#';
      default:
        return `\\${c}`;
    }
  });
  const blockSafe = escaped.replace(/^(?:#|[-+](?=[ \t]|$)|[-=](?=[-= \t]*$))/, '\\$&').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
  return keepEdgeSpaces(blockSafe);
}

/** Spaces first or last as `&#32;` (counted by hand: ` +$` would retry at every space of a long run). */
function keepEdgeSpaces(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 0x20) start++;
  if (start === text.length) return '&#32;'.repeat(text.length);
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x20) end--;
  return '&#32;'.repeat(start) + text.slice(start, end) + '&#32;'.repeat(text.length - end);
}

/**
 * A code span (file names, paths): the text as written, in a fence of backticks longer than any
 * run inside it, padded with a space where it begins or ends with a backtick or a space (CommonMark
 * takes one off each side). Nothing inside a code span is Markdown or HTML — `<!--`, `<b>` and `*`
 * show as themselves — and GitHub links no mention in it. Controls become visible escapes, so
 * the span stays on its line. Not for table cells: GFM splits a row at a `|` even in a code span.
 */
export function markdownCode(text: string): string {
  const visible = visibleText(text);
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = visible === '' || /^[ `]|[ `]$/.test(visible) ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}

/** How a report or review names an account: `linkOf` gives the link to its file (a path), or undefined for plain text. */
export interface MarkdownLinks {
  linkOf?: (file: string) => string | undefined;
}

/**
 * A link people click in a preview: the text as `markdownText`, the destination `href` (a path,
 * `/` between its segments) with each segment percent-encoded, and `(` `)` too, so no character of
 * a file name ends the destination, adds a title or leaves the line. Lone surrogates become U+FFFD.
 */
export function markdownLink(text: string, href: string): string {
  // toWellFormed: lone surrogates to U+FFFD (encodeURIComponent throws on them), in one native pass.
  const destination = href
    .toWellFormed()
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')))
    .join('/');
  return `[${markdownText(text)}](${destination})`;
}
