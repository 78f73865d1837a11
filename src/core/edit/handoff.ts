/**
 * The edits of the pipeline, planned once for the tree, the palette, CodeLens and the CLI alike:
 * a stage move, the AE → AM handoff and the AM → AE hand-back. A plan is text edits on the file as
 * read plus, for a handoff, its new path; callers apply it (one WorkspaceEdit, or fs) or refuse.
 */
import * as l10n from '@vscode/l10n';
import { isCalendarDay, type CalendarDay } from '../model/calendarDay';
import { roleFolder, stageById, stagesOf, type TeamConfig } from '../model/teamConfig';
import { EditRefused, unchangedPlan, type EditPlan, type EditTarget, type NotePlan } from './editPlan';
import { noteFileOf } from '../model/handoffNote';
import { readHandoffNote } from '../read/noteRead';
import { verifyEdit } from './editVerify';
import { appendToBody, readFrontMatterSource, setBlock, setScalar, valueOf } from './frontMatterEdit';
import { markdownText } from '../output/markdown';
import { roleLabel, type Role, type Stage } from '../model/stage';
import type { TextEdit } from './textEdit';

export function planMove(target: EditTarget, stageId: string, config: TeamConfig): EditPlan {
  const stage = findStage(stageId, config);
  if (stage.role !== target.role) {
    const how = target.role === 'ae' ? l10n.t('hand it off to an AM (handoff)') : l10n.t('hand it back to an AE (handback)');
    throw new EditRefused(
      l10n.t("'{stage}' is an {stageRole} stage and {name} is an {role} account: to cross over, {how}", { stage: stage.id, stageRole: roleLabel(stage.role), name: target.name, role: roleLabel(target.role), how }),
    );
  }
  if (target.stage === stage.id) return unchangedPlan(target, l10n.t('{0} is already in {1}', target.name, stage.id));
  return planSetStage(target, stage.id, l10n.t('{0}: {1} → {2}', target.name, target.stage ?? l10n.t('(no stage)'), stage.id));
}

/** Sets `stage:` alone: a move, or the quick fix of a misspelt stage. */
export function planSetStage(target: EditTarget, stageId: string, summary: string): EditPlan {
  const source = readFrontMatterSource(target.text);
  return verifyEdit(target, { source, newFile: target.file, edits: [setScalar(source, 'stage', stageId, ['name'])], changes: [{ key: 'stage', set: stageId }], summary });
}

export interface HandoffOptions {
  /** The AM who takes the account over. */
  to: string;
  today: CalendarDay;
  /** The note: the team's template, or the built-in checklist when undefined. */
  template?: string;
  /** Hand off from a stage other than the configured `handoff.from`. */
  force?: boolean;
  /** The contract's dates, written when given (renewal tracking starts from `contract_end`). */
  contractStart?: string;
  contractEnd?: string;
  /** The text of the account's handoff note when it has one already (handed off before, or back). */
  noteText?: string;
}

/**
 * The handoff: the account moves to the AM folder with its `stage:` line changed (and its `am:` line,
 * when it names an AM already); the `handoff:` record and the note go to its handoff note, created
 * or added to. So the account file changes by a line or two, and git shows the move as a rename
 * whatever the account's size and the template's (model/handoffNote.ts).
 */
export function planHandoff(target: EditTarget, options: HandoffOptions, config: TeamConfig): EditPlan {
  if (target.role !== 'ae') throw new EditRefused(l10n.t('{0} is already an AM account ({1})', target.name, target.file));
  const to = requirePerson(options.to, 'AM');
  if (target.stage !== config.handoff.from && !options.force) {
    throw new EditRefused(l10n.t("{0} is in '{1}', not '{2}': win the deal first, or hand it off anyway (--force)", target.name, target.stage ?? l10n.t('no stage'), config.handoff.from));
  }
  const source = readFrontMatterSource(target.text);
  const from = stringOf(valueOf(source, 'ae'));
  const fields = { name: target.name, date: options.today, from: from || 'the AE', to };
  const block: [string, string][] = [['date', options.today], ...(from ? [['from', from] as [string, string]] : []), ['to', to]];
  // The contract's dates were asked for: one that cannot be set in place is refused, saying why.
  const dates: [DateKey, string, TextEdit][] = contractDates(target, options).map(([key, day]) => [key, day, setScalar(source, key, day, DATE_ANCHORS[key])]);
  const renamesAm = valueOf(source, 'am') !== undefined && valueOf(source, 'am') !== to;
  const edits = [setScalar(source, 'stage', config.handoff.to, ['name']), ...(renamesAm ? [setScalar(source, 'am', to)] : []), ...dates.map(([, , edit]) => edit)];
  const plan = verifyEdit(target, {
    source,
    newFile: moveToRole(target.file, 'am', config),
    edits: dedupe(edits),
    changes: [{ key: 'stage', set: config.handoff.to }, ...(renamesAm ? [{ key: 'am', set: to }] : []), ...dates.map(([key, set]) => ({ key, set }))],
    summary: l10n.t('{0} handed off to {1} ({2})', target.name, to, config.handoff.to),
  });
  return { ...plan, note: planNote(target, options.noteText, 'handoff', block, fillTemplate(options.template ?? HANDOFF_CHECKLIST, fields), config) };
}

/** Where a date the handoff adds goes when the file lacks it: after the first of its neighbours the file has, else at the end of the front-matter. */
type DateKey = 'contract_start' | 'contract_end';

const DATE_ANCHORS: Record<DateKey, string[]> = {
  contract_start: ['close_date', 'arr', 'currency', 'am', 'ae'],
  contract_end: ['contract_start', 'close_date', 'arr', 'currency', 'am', 'ae'],
};

/**
 * The contract's dates a handoff writes, when given, checked. No other deal key changes (SPEC.md:
 * only the intended keys): `probability` (an AM account counts fully whatever it says), a
 * `close_date` still ahead (the AE's record) and `next_step` (the AM's to replace) stay as written.
 */
function contractDates(target: EditTarget, options: HandoffOptions): [DateKey, string][] {
  const day = (key: 'contract_start' | 'contract_end', value: string | undefined): ['contract_start' | 'contract_end', string][] => {
    if (value === undefined || value.trim() === '') return [];
    if (!isCalendarDay(value.trim())) throw new EditRefused(l10n.t("{0} must be a date written YYYY-MM-DD, not '{1}'", key, value));
    return [[key, value.trim()]];
  };
  const dates: [DateKey, string][] = [...day('contract_start', options.contractStart), ...day('contract_end', options.contractEnd)];
  const start = dates.find(([key]) => key === 'contract_start')?.[1] ?? (isCalendarDay(target.data.contract_start) ? target.data.contract_start : undefined);
  const end = dates.find(([key]) => key === 'contract_end')?.[1];
  if (start && end && end < start) throw new EditRefused(l10n.t('the contract cannot end ({0}) before it starts ({1})', end, start));
  return dates;
}

export interface HandbackOptions {
  /** The AE who takes the account back. */
  to: string;
  reason: string;
  today: CalendarDay;
  /** The AE stage it returns to; by default the stage before `handoff.from`. */
  stage?: string;
  /** The text of the account's handoff note, when it has one. */
  noteText?: string;
}

export function planHandback(target: EditTarget, options: HandbackOptions, config: TeamConfig): EditPlan {
  if (target.role !== 'am') throw new EditRefused(l10n.t('{0} is already an AE account ({1})', target.name, target.file));
  const to = requirePerson(options.to, 'AE');
  const reason = options.reason.trim();
  if (reason === '') throw new EditRefused(l10n.t('say why the account goes back to an AE (--reason)'));
  const stage = options.stage ? findStage(options.stage, config) : defaultHandbackStage(config);
  if (stage.role !== 'ae') throw new EditRefused(l10n.t("'{0}' is not an AE stage", stage.id));
  const source = readFrontMatterSource(target.text);
  // The AM giving it back: named in the account, else by the handoff that brought it (its note).
  const from = stringOf(valueOf(source, 'am')) || stringOf(options.noteText === undefined ? undefined : readHandoffNote('', options.noteText).note?.handoff?.to);
  const block: [string, string][] = [['date', options.today], ...(from ? [['from', from] as [string, string]] : []), ['to', to], ['reason', reason]];
  const renamesAe = valueOf(source, 'ae') !== undefined && valueOf(source, 'ae') !== to;
  const plan = verifyEdit(target, {
    source,
    newFile: moveToRole(target.file, 'ae', config),
    edits: dedupe([setScalar(source, 'stage', stage.id, ['name']), ...(renamesAe ? [setScalar(source, 'ae', to)] : [])]),
    changes: [{ key: 'stage', set: stage.id }, ...(renamesAe ? [{ key: 'ae', set: to }] : [])],
    summary: l10n.t('{0} handed back to {1} ({2})', target.name, to, stage.id),
  });
  const note = `## Hand-back note — ${markdownText(options.today, 'file')}\n\nFrom ${from ? markdownText(from, 'file') : 'the AM'} back to ${markdownText(to, 'file')}: ${markdownText(reason, 'file')}\n`;
  return { ...plan, note: planNote(target, options.noteText, 'handback', block, note, config) };
}

/** A new note's text before its first record: empty front-matter, in the account's line endings. */
function newNoteText(target: EditTarget): string {
  const eol = /\r\n/.test(target.text.slice(0, target.text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  return `---${eol}---${eol}`;
}

/** The account's note with the move's record (`handoff:` or `handback:`) set and its note appended; created when `text` is undefined. */
function planNote(target: EditTarget, text: string | undefined, key: 'handoff' | 'handback', block: [string, string][], markdown: string, config: TeamConfig): NotePlan {
  const file = noteFileOf(target.file, config);
  if (file === undefined) throw new EditRefused(l10n.t('{0} is not in an account folder', target.file));
  const noteTarget: EditTarget = { file, role: target.role, text: text ?? newNoteText(target), name: target.name, stage: undefined, data: {} };
  let source;
  try {
    source = readFrontMatterSource(noteTarget.text);
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    throw new EditRefused(l10n.t("the handoff note {0} cannot take the record of this move: {1}; start it with two '---' lines", file, error.message), error.code);
  }
  const plan = verifyEdit(noteTarget, {
    source,
    newFile: file,
    edits: dedupe([setBlock(source, key, block), appendToBody(source, markdown)]),
    changes: [{ key, set: Object.fromEntries(block) }],
    body: true,
    summary: file,
  });
  return { ...plan, exists: text !== undefined, before: noteTarget.text };
}

/** The same relative place under the other role's folder: `accounts/ae/apac/x.md` → `accounts/am/apac/x.md`. */
export function moveToRole(file: string, role: Role, config: TeamConfig): string {
  const other: Role = role === 'ae' ? 'am' : 'ae';
  const prefix = `${roleFolder(config, other)}/`;
  if (!file.startsWith(prefix)) throw new EditRefused(l10n.t('{0} is not in the {1} folder ({2})', file, roleLabel(other), prefix));
  return `${roleFolder(config, role)}/${file.slice(prefix.length)}`;
}

/** The built-in note: each item's hint is a comment, so an item is empty until someone writes after it (read/noteRead.ts). */
export const HANDOFF_CHECKLIST = `## Handoff note — {{date}}

From {{from}} (AE) to {{to}} (AM).

- **Stakeholders:** <!-- who signs, who uses it, who can block it -->
- **Why they bought:** <!-- the problem, in their words -->
- **Success criteria:** <!-- what "working" means to them, and by when -->
- **Promises made:** <!-- discounts, features, dates, people -->
- **Risks:** <!-- competitors, politics, budget, churn signals -->
- **Technical environment:** <!-- systems, integrations, security requirements -->
`;

/**
 * `{{name}}`, `{{date}}`, `{{from}}`, `{{to}}` in a Markdown template (a note, a new account's
 * body): each value written as `markdownText`, so a name shows as written and adds no markup; the
 * template's own text is kept as written, and so is a `{{key}}` without a value.
 */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (Object.hasOwn(fields, key) ? markdownText(fields[key], 'file') : match));
}

function findStage(id: string, config: TeamConfig): Stage {
  const stage = stageById(config, id);
  if (!stage) throw new EditRefused(l10n.t("'{0}' is not a stage of this team; stages are: {1}", id, config.stages.map((s) => s.id).join(', ')));
  return stage;
}

function defaultHandbackStage(config: TeamConfig): Stage {
  const aeStages = stagesOf(config, 'ae');
  const index = aeStages.findIndex((s) => s.id === config.handoff.from);
  const before = aeStages.slice(0, index === -1 ? aeStages.length : index).reverse().find((s) => !s.closed);
  return before ?? aeStages[0];
}

function requirePerson(person: string, role: string): string {
  const trimmed = person.trim();
  if (trimmed === '') throw new EditRefused(l10n.t('name the {0} who takes the account (their e-mail)', role));
  if (/[\r\n]/.test(trimmed)) throw new EditRefused(l10n.t('the {0} must be one line', role));
  return trimmed;
}

/** Two inserts at the same place (say `am` and `handoff` both before the fence) become one, in order. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const same = result.find((e) => e.start === edit.start && e.end === edit.end && e.start === e.end);
    if (same) same.newText += edit.newText;
    else result.push({ ...edit });
  }
  return result;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
