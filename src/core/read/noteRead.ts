/** Reading a handoff note: the record of the latest handoff and hand-back, and the checklist items still empty. */
import * as l10n from '@vscode/l10n';
import type { HandoffNote, NoteItem } from '../model/handoffNote';
import type { Problem } from '../model/problem';
import { isRecord } from '../model/record';
import { MAX_FRONT_MATTER_CHARS, splitFrontMatter } from './frontMatter';
import { FrontMatterError, parseFrontMatterYaml } from './safeYaml';

export interface NoteRecord {
  file: string;
  /** Undefined when the note's front-matter cannot be read (its problem says why). */
  note?: HandoffNote;
  problems: Problem[];
}

export function readHandoffNote(file: string, fileText: string): NoteRecord {
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const split = splitFrontMatter(text);
  // A note written by hand, without front-matter, is a note all the same: it records no move.
  if (split.kind !== 'ok') return { file, note: { empty: emptyItems(text, 0) }, problems: [] };
  const { frontMatter } = split;
  const problem = (line: number, message: string): NoteRecord => ({
    file,
    problems: [{ file, line: line + 1, column: 1, endLine: line + 1, endColumn: 1, severity: 'error', code: 'yaml-syntax', message }],
  });
  if (frontMatter.language !== '' && frontMatter.language !== 'yaml' && frontMatter.language !== 'yml') {
    return problem(0, l10n.t("front-matter written in '{0}' is refused: Handoff reads YAML only and never runs code from a file; start the file with a plain '---' line", frontMatter.language));
  }
  if (frontMatter.yaml.length > MAX_FRONT_MATTER_CHARS) return problem(0, l10n.t('the front-matter of this handoff note is too large to read'));
  let data: unknown;
  try {
    data = parseFrontMatterYaml(frontMatter.yaml);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return problem(frontMatter.yamlLine + error.line, error.message);
  }
  const record = (key: string) => (isRecord(data) && isRecord(data[key]) ? data[key] : undefined);
  const bodyLine = lineOf(text, frontMatter.bodyStart);
  return { file, note: { handoff: record('handoff'), handback: record('handback'), empty: emptyItems(text.slice(frontMatter.bodyStart), bodyLine) }, problems: [] };
}

/**
 * The checklist items of a note's body with nothing written in them. An item is a list item that
 * names its subject and a colon (`- **Risks:**`, `- Risks:`), empty when only spaces or an HTML
 * comment (the built-in checklist's hints) follow it, on its line and on lines indented under it;
 * or a heading with nothing but blank lines and comments before the next heading of its level or
 * above. Code blocks are text, never items.
 */
export function emptyItems(body: string, firstLine: number): NoteItem[] {
  // Comments become spaces, line breaks kept, so lines keep their numbers.
  const lines = body.replace(/<!--[\s\S]*?(-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' ')).split('\n').map((line) => line.replace(/\r$/, ''));
  const items: NoteItem[] = [];
  let fence: string | undefined;
  const code = lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return true;
    }
    if (marker) fence = marker;
    return marker !== undefined;
  });
  const blank = (index: number) => lines[index].trim() === '';
  for (let index = 0; index < lines.length; index++) {
    if (code[index]) continue;
    const line = lines[index];
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      let next = index + 1;
      while (next < lines.length && (code[next] ? false : blank(next))) next++;
      const nextHeading = next < lines.length && !code[next] ? /^ {0,3}(#{1,6})[ \t]/.exec(lines[next]) : null;
      if (next >= lines.length || (nextHeading && nextHeading[1].length <= level)) items.push({ label: plainLabel(heading[2]), line: firstLine + index + 1 });
      continue;
    }
    const item = /^( {0,3})[-*+][ \t]+(\*\*|__)?([^*_:\n][^:\n]*?)(\*\*|__)?:(\*\*|__)?[ \t]*(.*)$/.exec(line);
    if (!item || item[6].trim() !== '') continue;
    let next = index + 1;
    let filled = false;
    for (; next < lines.length; next++) {
      if (blank(next)) continue;
      const indent = /^[ \t]*/.exec(lines[next])![0].length;
      if (indent > item[1].length + 1) filled = true;
      break;
    }
    if (!filled) items.push({ label: plainLabel(item[3]), line: firstLine + index + 1 });
  }
  return items;
}

function plainLabel(text: string): string {
  return text.replace(/[*_`]/g, '').trim();
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}
