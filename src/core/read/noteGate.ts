/** The note gate (`handoff.require_note`): a handed-off account's note with empty checklist items, reported on the note. */
import * as l10n from '@vscode/l10n';
import type { HandoffNote } from '../model/handoffNote';
import type { Problem } from '../model/problem';
import type { TeamConfig } from '../model/teamConfig';

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
