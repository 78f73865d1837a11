/** The pipeline's commands: move, hand off, hand back, new and open account. Each one plans in the core and applies here. */
import * as vscode from 'vscode';
import { EditRefused } from '../../core/edit/editPlan';
import { planHandback, planHandoff, planMove } from '../../core/edit/handoff';
import { accountFileName, NEW_ACCOUNT_TEMPLATE, planNewAccount } from '../../core/edit/newAccount';
import { stageLabel, type Stage } from '../../core/model/stage';
import { regionOf } from '../../core/model/account';
import { isCalendarDay } from '../../core/model/calendarDay';
import { stageById, stageNameOf, stagesOf } from '../../core/model/teamConfig';
import { applyPlan, checkPath, readEditTarget, readTemplateFile } from '../workspace/accountEdits';
import { showNote } from '../editor/handoffNoteEditor';
import { pickAccount, pickFolder, pickPerson, pickStage } from './accountPicks';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { announce } from './notifications';
import { notificationText } from '../../core/output/notificationText';
import { failureDetail } from '../workspace/failure';

/** Shows an account that was just written where the user looks: the Pipeline reveals and selects it. */
export type RevealAccount = (folder: AccountFolder, file: string) => Promise<void>;

/** What a handoff writes when the file lacks it: the contract's dates (a command's third argument, for callers that ask no questions). */
interface ContractDates {
  contractStart?: string;
  contractEnd?: string;
}

export function registerPipelineCommands(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager, reveal: RevealAccount, log: vscode.LogOutputChannel): vscode.Disposable {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const dates = (value: unknown): ContractDates | undefined =>
    typeof value === 'object' && value !== null ? { contractStart: text((value as ContractDates).contractStart), contractEnd: text((value as ContractDates).contractEnd) } : undefined;
  // Written after a write succeeded, wherever it ran from: the walkthrough ticks its steps on them (`onContext:`).
  const done = (key: string) => vscode.commands.executeCommand('setContext', key, true).then(undefined, (error) => log.error(`Setting ${key} failed: ${failureDetail(error)}`));
  const shown = async (result: Written | undefined, key: string) => {
    if (!result) return undefined;
    announce(result.message);
    await done(result.step ?? key);
    await reveal(result.folder, result.file).catch((error) => log.debug(`Revealing ${result.file} in the Pipeline: ${failureDetail(error)}`));
    return result.uri;
  };
  return vscode.Disposable.from(
    commands.register('handoff.moveToStage', async (arg: unknown, stageId: unknown) => shown(await moveToStage(workspaces, calendar, arg, text(stageId)), 'handoff.walkthrough.moved')),
    commands.register('handoff.handOff', async (arg: unknown, to: unknown, contract: unknown) => shown(await handOff(workspaces, calendar, arg, text(to), dates(contract)), 'handoff.walkthrough.handedOff')),
    commands.register('handoff.handBack', async (arg: unknown, to: unknown, reason: unknown) => shown(await handBack(workspaces, calendar, arg, text(to), text(reason)), 'handoff.walkthrough.handedBack')),
    commands.register('handoff.newAccount', async (name: unknown) => {
      const uri = await newAccount(workspaces, calendar, text(name));
      if (uri) await done('handoff.walkthrough.accountCreated');
      return uri;
    }),
    commands.register('handoff.openAccount', async () => {
      const picked = await pickAccount(workspaces, undefined, vscode.l10n.t('Open an account'));
      if (picked) await vscode.window.showTextDocument(picked.folder.source.uriOf(picked.account.file));
    }),
  );
}

/** A write that succeeded: the file (where it is now) and one line saying what changed, for the status bar. */
interface Written {
  folder: AccountFolder;
  file: string;
  uri: vscode.Uri;
  message: string;
  /** The walkthrough step it completes when not the command's own (a move onto an AM stage is a handoff). */
  step?: string;
}

/** Moves to a stage of the account's role; a stage of the other role starts a handoff or a hand-back. */
async function moveToStage(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, stageId?: string): Promise<Written | undefined> {
  const ref = await resolveAccount(workspaces, arg, undefined, vscode.l10n.t('Move which account?'));
  if (!ref) return undefined;
  const { config } = ref.folder.store;
  const stage: Stage | undefined = stageId
    ? stageById(config, stageId)
    : await pickStage(stagesOf(config, ref.account.role), ref.account.stage, vscode.l10n.t('Move {0} to…', ref.account.name));
  if (!stage) {
    if (stageId) throw new EditRefused(vscode.l10n.t("'{0}' is not a stage of this team", stageId));
    return undefined;
  }
  if (stage.role !== ref.account.role) return stage.role === 'am' ? handOff(workspaces, calendar, ref) : handBack(workspaces, calendar, ref);
  const read = await readEditTarget(ref.folder, ref.account.file);
  const uri = await applyPlan(ref.folder, planMove(read.target, stage.id, config), read);
  const from = ref.account.stage ? stageNameOf(config, ref.account.stage) : vscode.l10n.t('no stage');
  const message = stage.id === ref.account.stage ? vscode.l10n.t('{0} is already in {1}', ref.account.name, stageLabel(stage)) : vscode.l10n.t('{0}: {1} → {2}', ref.account.name, from, stageLabel(stage));
  return { folder: ref.folder, file: ref.account.file, uri, message };
}

/**
 * Hands a won deal to an AM. Asked for (each skippable): the AM, and the contract's dates the file
 * lacks, since renewals are tracked from `contract_end`. A caller that names the AM (`to`) answers
 * for the dates too: its `contract` argument, else none.
 */
async function handOff(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, to?: string, contract?: ContractDates): Promise<Written | undefined> {
  const ref = await resolveAccount(workspaces, arg, 'ae', vscode.l10n.t('Hand off which deal?'));
  if (!ref) return undefined;
  const { config } = ref.folder.store;
  let force = false;
  if (ref.account.stage !== config.handoff.from) {
    const anyway = vscode.l10n.t('Hand Off Anyway');
    const question = vscode.l10n.t("{0} is in '{1}', not '{2}'. Hand it off to an AM anyway?", ref.account.name, ref.account.stage ? stageNameOf(config, ref.account.stage) : vscode.l10n.t('no stage'), stageNameOf(config, config.handoff.from));
    const answer = await vscode.window.showWarningMessage(notificationText(question), { modal: true }, anyway);
    if (answer !== anyway) return undefined;
    force = true;
  }
  const am = to ?? (await pickPerson(ref.folder, 'am', regionOf(ref.account), vscode.l10n.t('Hand off {0} to which AM?', ref.account.name)));
  if (!am) return undefined;
  const dates = contract ?? (to === undefined ? await askContractDates(ref.account.name, ref.account.data) : {});
  const read = await readEditTarget(ref.folder, ref.account.file, true);
  const template = await readTemplate(ref.folder);
  const plan = planHandoff(read.target, { to: am, today: calendar.today, template, force, noteText: read.note?.text, ...dates }, config);
  const uri = await applyPlan(ref.folder, plan, read);
  if (plan.note) await showNote(ref.folder.source.uriOf(plan.note.file));
  const message = vscode.l10n.t('{0} handed off to {1}: fill in the handoff note', ref.account.name, am);
  return { folder: ref.folder, file: plan.newFile, uri, message, step: 'handoff.walkthrough.handedOff' };
}

/** The contract dates the account lacks, each asked once (YYYY-MM-DD; Escape or empty skips it). */
async function askContractDates(name: string, data: Record<string, unknown>): Promise<ContractDates> {
  const ask = async (title: string, prompt: string, after?: string): Promise<string | undefined> => {
    const answer = await vscode.window.showInputBox({
      title,
      prompt,
      placeHolder: vscode.l10n.t('YYYY-MM-DD (empty: skip)'),
      validateInput: (value) => {
        const day = value.trim();
        if (day === '') return undefined;
        if (!isCalendarDay(day)) return vscode.l10n.t('A date written YYYY-MM-DD, such as 2027-12-31');
        return after && day < after ? vscode.l10n.t('The contract cannot end before it starts ({0})', after) : undefined;
      },
    });
    return answer?.trim() || undefined;
  };
  const start = isCalendarDay(data.contract_start)
    ? data.contract_start
    : await ask(vscode.l10n.t('Contract start of {0}', name), vscode.l10n.t('When does the contract start? Leave empty to skip.'));
  const end = isCalendarDay(data.contract_end)
    ? undefined
    : await ask(vscode.l10n.t('Contract end of {0}', name), vscode.l10n.t('When does the contract end? Renewals are tracked from this date. Leave empty to skip.'), start);
  return { contractStart: isCalendarDay(data.contract_start) ? undefined : start, contractEnd: end };
}

async function handBack(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, to?: string, reason?: string): Promise<Written | undefined> {
  const ref = await resolveAccount(workspaces, arg, 'am', vscode.l10n.t('Hand back which account?'));
  if (!ref) return undefined;
  const ae = to ?? (await pickPerson(ref.folder, 'ae', regionOf(ref.account), vscode.l10n.t('Hand {0} back to which AE?', ref.account.name)));
  if (!ae) return undefined;
  const why =
    reason ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Hand {0} back to {1}', ref.account.name, ae),
      prompt: vscode.l10n.t('Why does this account go back to an AE? (kept in the file)'),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Say why, in a few words') : undefined),
    }));
  if (!why) return undefined;
  const read = await readEditTarget(ref.folder, ref.account.file, true);
  const plan = planHandback(read.target, { to: ae, reason: why, today: calendar.today, noteText: read.note?.text }, ref.folder.store.config);
  const uri = await applyPlan(ref.folder, plan, read);
  return { folder: ref.folder, file: plan.newFile, uri, message: vscode.l10n.t('{0} handed back to {1}', ref.account.name, ae), step: 'handoff.walkthrough.handedBack' };
}

/** Creates `<root>/<ae>/<safe-name>.md` from `templates/account.md` or a starter; undoable, never overwrites. */
export async function newAccount(workspaces: AccountWorkspaces, calendar: Calendar, givenName?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(workspaces, vscode.l10n.t('New account in which folder?'));
  if (!folder) return undefined;
  const name =
    givenName ??
    (await vscode.window.showInputBox({ title: vscode.l10n.t('New Account'), prompt: vscode.l10n.t('The company name'), validateInput: (v) => (accountFileName(v) ? undefined : vscode.l10n.t('Type the company name')) }));
  if (!name?.trim()) return undefined;
  const template = await readTemplateFile(folder, NEW_ACCOUNT_TEMPLATE);
  const planned = planNewAccount(name, calendar.today, folder.store.config, template);
  await checkPath(folder, planned.file, 'absent');
  const uri = folder.source.uriOf(planned.file);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(planned.text) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new EditRefused(vscode.l10n.t('could not create {0}', planned.file));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The team's handoff template, or undefined for the built-in checklist; a configured template that cannot be read refuses the handoff. */
async function readTemplate(folder: AccountFolder): Promise<string | undefined> {
  const template = folder.store.config.handoff.template;
  if (template === null) return undefined;
  const text = await readTemplateFile(folder, template);
  if (text === undefined) throw new EditRefused(vscode.l10n.t("the handoff template {0} does not exist; create it, or set 'template: null' under 'handoff' in .handoff.yml for the built-in checklist; nothing was changed", template));
  return text;
}
