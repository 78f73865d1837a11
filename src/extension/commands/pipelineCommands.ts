/** The pipeline's commands: move, hand off, hand back, new and open account. Each one plans in the core and applies here. */
import * as vscode from 'vscode';
import { EditRefused } from '../../core/edit/editPlan';
import { planHandback, planHandoff, planMove } from '../../core/edit/handoff';
import { accountFileName, NEW_ACCOUNT_TEMPLATE, planNewAccount } from '../../core/edit/newAccount';
import type { Stage } from '../../core/model/stage';
import { regionOf } from '../../core/model/account';
import { stageById, stagesOf } from '../../core/model/teamConfig';
import { applyPlan, checkPath, readEditTarget, readTemplateFile } from '../workspace/accountEdits';
import { pickAccount, pickFolder, pickPerson, pickStage } from './accountPicks';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { inform } from './notifications';
import { notificationText } from '../../core/output/notificationText';

export function registerPipelineCommands(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return vscode.Disposable.from(
    commands.register('handoff.moveToStage', (arg: unknown, stageId: unknown) => moveToStage(workspaces, calendar, arg, text(stageId))),
    commands.register('handoff.handOff', (arg: unknown, to: unknown) => handOff(workspaces, calendar, arg, text(to))),
    commands.register('handoff.handBack', (arg: unknown, to: unknown, reason: unknown) => handBack(workspaces, calendar, arg, text(to), text(reason))),
    commands.register('handoff.newAccount', (name: unknown) => newAccount(workspaces, calendar, text(name))),
    commands.register('handoff.openAccount', async () => {
      const picked = await pickAccount(workspaces, undefined, vscode.l10n.t('Open an account'));
      if (picked) await vscode.window.showTextDocument(picked.folder.source.uriOf(picked.account.file));
    }),
  );
}

/** Moves to a stage of the account's role; a stage of the other role starts a handoff or a hand-back. */
export async function moveToStage(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, stageId?: string): Promise<vscode.Uri | undefined> {
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
  return applyPlan(ref.folder, planMove(read.target, stage.id, config), read);
}

export async function handOff(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, to?: string): Promise<vscode.Uri | undefined> {
  const ref = await resolveAccount(workspaces, arg, 'ae', vscode.l10n.t('Hand off which deal?'));
  if (!ref) return undefined;
  const { config } = ref.folder.store;
  let force = false;
  if (ref.account.stage !== config.handoff.from) {
    const anyway = vscode.l10n.t('Hand Off Anyway');
    const question = vscode.l10n.t("{0} is in '{1}', not '{2}'. Hand it off to an AM anyway?", ref.account.name, ref.account.stage ?? vscode.l10n.t('no stage'), config.handoff.from);
    const answer = await vscode.window.showWarningMessage(notificationText(question), { modal: true }, anyway);
    if (answer !== anyway) return undefined;
    force = true;
  }
  const am = to ?? (await pickPerson(ref.folder, 'am', regionOf(ref.account), vscode.l10n.t('Hand off {0} to which AM?', ref.account.name)));
  if (!am) return undefined;
  const read = await readEditTarget(ref.folder, ref.account.file);
  const template = await readTemplate(ref.folder);
  const plan = planHandoff(read.target, { to: am, today: calendar.today, template, force }, config);
  const uri = await applyPlan(ref.folder, plan, read);
  await showNote(uri);
  inform(vscode.l10n.t('Handoff: {0}. Fill in the handoff note for {1}.', plan.summary, am));
  return uri;
}

export async function handBack(workspaces: AccountWorkspaces, calendar: Calendar, arg: unknown, to?: string, reason?: string): Promise<vscode.Uri | undefined> {
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
  const read = await readEditTarget(ref.folder, ref.account.file);
  const plan = planHandback(read.target, { to: ae, reason: why, today: calendar.today }, ref.folder.store.config);
  const uri = await applyPlan(ref.folder, plan, read);
  inform(vscode.l10n.t('Handoff: {0}.', plan.summary));
  return uri;
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

async function showNote(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineCount - 1;
  editor.revealRange(new vscode.Range(end, 0, end, 0), vscode.TextEditorRevealType.InCenter);
}
