/** The note gate (`handoff.require_note`): a handed-off account's note with empty checklist items, reported on the note. */
import * as l10n from '@vscode/l10n';
import type { HandoffNote } from '../model/handoffNote';
import type { Problem } from '../model/problem';
import type { TeamConfig } from '../model/teamConfig';
import { emptyItems } from './noteRead';

/** `handoff-note-empty` on the first empty item, naming them all; undefined when the gate is off or nothing is empty. */
export function noteEmptyProblem(file: string, note: HandoffNote, config: TeamConfig): Problem | undefined {
  const gate = config.handoff.requireNote;
  if (gate === 'off' || note.empty.length === 0) return undefined;
  const [first] = note.empty;
  const names = note.empty.map((item) => item.label).join(', ');
  return {
    file,
    line: first.line,
    column: 1,
    endLine: first.line,
    endColumn: 1,
    severity: gate,
    code: 'handoff-note-empty',
    message: note.empty.length === 1 ? l10n.t('the handoff note has an empty item: {0}', names) : l10n.t('the handoff note has {0} empty items: {1}', note.empty.length, names),
  };
}

/**
 * The gate on a note written into the account's body, as handoffs before the note file did: the
 * last section whose heading says "Handoff note", up to the next heading of its level or above.
 */
export function bodyNoteProblem(file: string, body: string, bodyLine: number, config: TeamConfig): Problem | undefined {
  if (config.handoff.requireNote === 'off') return undefined;
  const lines = body.split('\n');
  let start = -1;
  let level = 0;
  for (let index = 0; index < lines.length; index++) {
    const heading = /^ {0,3}(#{1,6})[ \t]+.*handoff note/i.exec(lines[index]);
    if (heading) [start, level] = [index, heading[1].length];
  }
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && !(/^ {0,3}(#{1,6})[ \t]/.exec(lines[end]) && /^ {0,3}(#{1,6})/.exec(lines[end])![1].length <= level)) end++;
  // The heading itself is not an item: the section's lines after it.
  const empty = emptyItems(lines.slice(start + 1, end).join('\n'), bodyLine + start + 1);
  return noteEmptyProblem(file, { empty }, config);
}
