/** `handoff move`, `handoff handoff` and `handoff handback`: the extension's edits, from a terminal. */
import { EditRefused, type EditPlan, type EditTarget } from '../core/edit/editPlan';
import { planHandback, planHandoff, planMove } from '../core/edit/handoff';
import type { AccountStore } from '../core/index/store';
import { visibleText } from '../core/output/visibleText';
import { writePlanWithNote } from '../node/editWriter';
import { readEditTarget, readNoteTarget, readTemplate, resolveAccountFile } from './editTarget';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError, type CommonOptions } from './commandLine';

export const MOVE_HELP = `Usage: handoff move FILE STAGE [options]

Moves an account to another stage of its role, changing the 'stage:' line alone (an inline
comment stays). A stage of the other role is refused: crossing from AE to AM is 'handoff',
from AM to AE 'handback'. Exits 1 when the edit is refused (nothing is changed).

${COMMON_HELP}`;

export const HANDOFF_HELP = `Usage: handoff handoff FILE --to AM [--force] [--contract-start DAY] [--contract-end DAY] [options]

Hands a won deal to an Account Manager: moves the file from the AE folder to the same place
under the AM folder and sets its 'stage' to the team's handoff stage (and 'am', where the file
names an AM already). The 'handoff:' record (date, from, to) and the note (the team's template
or the built-in checklist) go to the account's handoff note, <root>/handoffs/<same path>,
created or added to; the AM is read from there. The account file changes by a line, so git
shows the handoff as a rename.
Refused (exit 1, nothing changed) unless the account is in the team's won stage (--force
hands it off anyway), when the destination file exists, or when the team's template
cannot be read as a regular file inside the workspace (a link, a folder, missing).

  --to AM       the Account Manager taking over (their e-mail)
  --force       hand off from any AE stage
  --contract-start DAY, --contract-end DAY
                the contract's dates (YYYY-MM-DD), written as contract_start and
                contract_end; renewals are tracked from contract_end.

${COMMON_HELP}`;

export const HANDBACK_HELP = `Usage: handoff handback FILE --to AE --reason TEXT [--stage S] [options]

Hands an AM account back to an Account Executive: moves the file to the AE folder and sets
'stage' (by default the stage before the won stage) and 'ae' where the file names another AE.
The 'handback:' record (date, from, to, reason) and a hand-back note go to the account's
handoff note. Exits 1 when refused (nothing changed).

  --to AE         the Account Executive taking it back (their e-mail)
  --reason TEXT   why (kept in the file and the note)
  --stage S       the AE stage it returns to

${COMMON_HELP}`;

async function runEdit(args: string[], help: string, extra: Parameters<typeof parseCommand>[1], arity: number, plan: (store: AccountStore, options: CommonOptions, target: EditTarget, values: Record<string, unknown>, positionals: string[], noteText: string | undefined) => EditPlan): Promise<number> {
  const { values, positionals } = parseCommand(args, extra, true);
  if (values.help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (positionals.length !== arity) throw new UsageError(`expected ${arity === 1 ? 'FILE' : 'FILE STAGE'}, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
  const options = commonOptions(values);
  const store = await openWorkspace(options.dir);
  const file = resolveAccountFile(options.dir, positionals[0], store);
  try {
    const { target, before } = readEditTarget(options.dir, file, store);
    const note = readNoteTarget(options.dir, file, store);
    const result = plan(store, options, target, values, positionals, note?.text);
    if (result.edits.length > 0 || result.newFile !== result.file) writePlanWithNote(options.dir, result, before, note?.before);
    if (options.format === 'json') printJson({ file: result.file, new_file: result.newFile, changed: result.edits.length > 0 || result.newFile !== result.file, summary: result.summary, ...(result.note && { note: result.note.file }) });
    else {
      process.stdout.write(visibleText(`${result.summary}${result.newFile !== result.file ? ` (${result.file} → ${result.newFile})` : ''}`) + '\n');
      if (result.note) process.stdout.write(visibleText(`Handoff note: ${result.note.file}`) + '\n');
    }
    return 0;
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    if (options.format === 'json') printJson({ refused: { code: error.code, message: error.message } });
    process.stderr.write(`Refused: ${visibleText(error.message)}\n`);
    return 1;
  }
}

export function runMove(args: string[]): Promise<number> {
  return runEdit(args, MOVE_HELP, {}, 2, (store, _options, target, _values, positionals) => planMove(target, positionals[1], store.config));
}

export function runHandoff(args: string[]): Promise<number> {
  const extra = { to: { type: 'string' }, force: { type: 'boolean' }, 'contract-start': { type: 'string' }, 'contract-end': { type: 'string' } } as const;
  return runEdit(args, HANDOFF_HELP, extra, 1, (store, options, target, values, _positionals, noteText) => {
    if (typeof values.to !== 'string') throw new UsageError('--to AM is required: the Account Manager taking over');
    return planHandoff(target, { to: values.to, today: options.today, force: values.force === true, contractStart: text(values['contract-start']), contractEnd: text(values['contract-end']), template: store.config.handoff.template === null ? undefined : readTemplate(options.dir, store.config.handoff.template), noteText }, store.config);
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function runHandback(args: string[]): Promise<number> {
  const extra = { to: { type: 'string' }, reason: { type: 'string' }, stage: { type: 'string' } } as const;
  return runEdit(args, HANDBACK_HELP, extra, 1, (store, options, target, values, _positionals, noteText) => {
    if (typeof values.to !== 'string') throw new UsageError('--to AE is required: the Account Executive taking it back');
    if (typeof values.reason !== 'string') throw new UsageError('--reason is required: why the account goes back');
    return planHandback(target, { to: values.to, reason: values.reason, today: options.today, stage: values.stage as string | undefined, noteText }, store.config);
  });
}
