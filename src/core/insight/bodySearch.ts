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
  const body = split.kind === 'ok' ? fileText.slice(split.frontMatter.bodyStart) : fileText;
  const lower = body.toLocaleLowerCase();
  // Most searches are one word: the copy without line breaks is made only for a phrase.
  return needle.includes(' ') ? collapse(lower).includes(needle) : lower.includes(needle);
}

/** White space (line breaks, tabs, runs of blanks) as one space, so a phrase wrapped over two lines is found (one character class: linear). */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ');
}
