/**
 * Text from files on one line, with nothing invisible that acts: every control character (C0, DEL,
 * C1 — ESC starts the terminal's escape sequences, CR and LF forge lines), the line and paragraph
 * separators and the bidirectional formatting characters (which reorder what a line shows) is
 * written as a visible escape: `\n`, `\r`, `\t`, `\x1b`, `\u202e`. Everything else stays as written;
 * a backslash already in the text is not doubled, so `\n` may also have been typed.
 *
 * The CLI writes every string from data through it (the terminal's format); `markdown.ts` starts
 * from it.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED = new Map([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]);

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED.get(c) ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
