/**
 * Free-text search in an account's notes (the Markdown body), read from the file when a search
 * runs: the index keeps front-matter only, and bodies would double its memory (1–5 KB an account).
 */
import { splitFrontMatter } from '../read/frontMatter';

/** What a search looks for: trimmed, lower case, runs of white space as one space. */
export function searchNeedle(text: string): string {
  return collapse(text.trim().toLocaleLowerCase());
}

/** Whether the body of an account file's text holds `needle` (a `searchNeedle`), ignoring case and line breaks. */
export function bodyContains(fileText: string, needle: string): boolean {
  if (needle === '') return true;
  const split = splitFrontMatter(fileText);
  const body = (split.kind === 'ok' ? fileText.slice(split.frontMatter.bodyStart) : fileText).toLocaleLowerCase();
  // Most searches are one word; a phrase is matched as if each run of white space were one space.
  return needle.includes(' ') ? holdsPhrase(body, needle) : body.includes(needle);
}

/**
 * Knuth–Morris–Pratt over the body read with each run of white space as one space: one pass, no
 * copy of the body (a copy of a long note made of thousands of pieces costs more than the search).
 */
function holdsPhrase(body: string, needle: string): boolean {
  const fallback = new Array<number>(needle.length).fill(0);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fallback[k - 1];
    if (needle[i] === needle[k]) k++;
    fallback[i] = k;
  }
  let matched = 0;
  let blank = false;
  for (let i = 0; i < body.length; i++) {
    let c = body.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (space && blank) continue;
    blank = space;
    if (space) c = 32;
    while (matched > 0 && needle.charCodeAt(matched) !== c) matched = fallback[matched - 1];
    if (needle.charCodeAt(matched) === c) matched++;
    if (matched === needle.length) return true;
  }
  return false;
}

/** White space (line breaks, tabs, runs of blanks) as one space, so a phrase wrapped over two lines is found (one character class: linear). */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ');
}
