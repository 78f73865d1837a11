/** The pipeline's commands: move, hand off, hand back, new and open account. Each one plans in the core and applies here. */
import * as vscode from 'vscode';
import { localToday } from '../core/calendarDay';
import { roleFolder } from '../core/config';
import { EditRefused, fillTemplate, planHandback, planHandoff, planMove } from '../core/handoff';
import type { Stage } from '../core/stage';
import { applyPlan, readEditTarget } from './accountEdits';
import { pickAccount, pickPerson, pickStage, resolveAccount, type AccountRef } from './accountPicks';
import type { AccountFolder, AccountWorkspaces } from './accountWorkspaces';

export function registerPipelineCommands(workspaces: AccountWorkspaces): vscode.Disposable {
  const run = (id: string, command: (...args: unknown[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await command(...args);
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        void vscode.window.showWarningMessage(vscode.l10n.t('Handoff: {0}', error.message));
        return undefined;
      }
    });
  return vscode.Disposable.from(
    run('handoff.moveToStage', (arg, stageId) => moveToStage(workspaces, arg, typeof stageId === 'string' ? stageId : undefined)),
    run('handoff.handOff', (arg, to) => handOff(workspaces, arg, typeof to === 'string' ? to : undefined)),
    run('handoff.handBack', (arg, to, reason) => handBack(workspaces, arg, typeof to === 'string' ? to : undefined, typeof reason === 'string' ? reason : undefined)),
    run('handoff.newAccount', (name) => newAccount(workspaces, typeof name === 'string' ? name : undefined)),
    run('handoff.openAccount', async () => {
      const picked = await pickAccount(workspaces, undefined, vscode.l10n.t('Open an account'));
      if (picked) await vscode.window.showTextDocument(picked.folder.source.uriOf(picked.account.file));
    }),
  );
}

/** Moves to a stage of the account's role; a stage of the other role starts a handoff or a hand-back. */
export async function moveToStage(workspaces: AccountWorkspaces, arg: unknown, stageId?: string): Promise<vscode.Uri | undefined> {
  const ref = await resolveAccount(workspaces, arg, undefined, vscode.l10n.t('Move which account?'));
  if (!ref) return undefined;
  const { config } = ref.folder.store;
  const stage: Stage | undefined = stageId
    ? config.stages.find((s) => s.id === stageId)
    : await pickStage(config.stages.filter((s) => s.role === ref.account.role), ref.account.stage, vscode.l10n.t('Move {0} to…', ref.account.name));
  if (!stage) {
    if (stageId) throw new EditRefused(vscode.l10n.t("'{0}' is not a stage of this team", stageId));
    return undefined;
  }
  if (stage.role !== ref.account.role) return stage.role === 'am' ? handOff(workspaces, ref) : handBack(workspaces, ref);
  const { target, document } = await readEditTarget(ref.folder, ref.account.file);
  return applyPlan(ref.folder, planMove(target, stage.id, config), document);
}

export async function handOff(workspaces: AccountWorkspaces, arg: unknown, to?: string): Promise<vscode.Uri | undefined> {
  const ref = isRef(arg) ? arg : await resolveAccount(workspaces, arg, 'ae', vscode.l10n.t('Hand off which deal?'));
  if (!ref) return undefined;
  const { config } = ref.folder.store;
  let force = false;
  if (ref.account.stage !== config.handoff.from) {
    const anyway = vscode.l10n.t('Hand Off Anyway');
    const question = vscode.l10n.t("{0} is in '{1}', not '{2}'. Hand it off to an AM anyway?", ref.account.name, ref.account.stage ?? vscode.l10n.t('no stage'), config.handoff.from);
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, anyway);
    if (answer !== anyway) return undefined;
    force = true;
  }
  const am = to ?? (await pickPerson(ref.folder, 'am', ref.account.data.region, vscode.l10n.t('Hand off {0} to which AM?', ref.account.name)));
  if (!am) return undefined;
  const { target, document } = await readEditTarget(ref.folder, ref.account.file);
  const template = await readTemplate(ref.folder);
  const plan = planHandoff(target, { to: am, today: localToday(), template, force }, config);
  const uri = await applyPlan(ref.folder, plan, document);
  await showNote(uri);
  void vscode.window.showInformationMessage(vscode.l10n.t('Handoff: {0}. Fill in the handoff note for {1}.', plan.summary, am));
  return uri;
}

export async function handBack(workspaces: AccountWorkspaces, arg: unknown, to?: string, reason?: string): Promise<vscode.Uri | undefined> {
  const ref = isRef(arg) ? arg : await resolveAccount(workspaces, arg, 'am', vscode.l10n.t('Hand back which account?'));
  if (!ref) return undefined;
  const ae = to ?? (await pickPerson(ref.folder, 'ae', ref.account.data.region, vscode.l10n.t('Hand {0} back to which AE?', ref.account.name)));
  if (!ae) return undefined;
  const why =
    reason ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Hand {0} back to {1}', ref.account.name, ae),
      prompt: vscode.l10n.t('Why does this account go back to an AE? (kept in the file)'),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Say why, in a few words') : undefined),
    }));
  if (!why) return undefined;
  const { target, document } = await readEditTarget(ref.folder, ref.account.file);
  const plan = planHandback(target, { to: ae, reason: why, today: localToday() }, ref.folder.store.config);
  const uri = await applyPlan(ref.folder, plan, document);
  void vscode.window.showInformationMessage(vscode.l10n.t('Handoff: {0}.', plan.summary));
  return uri;
}

const NEW_ACCOUNT = `---
name: {{name}}
stage: {{stage}}
---

# {{name}}

## Notes

- {{date}} — 
`;

/** Creates `<root>/<ae>/<safe-name>.md` from `templates/account.md` or a starter; undoable, never overwrites. */
export async function newAccount(workspaces: AccountWorkspaces, givenName?: string): Promise<vscode.Uri | undefined> {
  const folders = workspaces.all();
  const folder =
    folders.length <= 1
      ? folders[0]
      : (await vscode.window.showQuickPick(folders.map((f) => ({ label: f.workspaceFolder.name, folder: f })), { placeHolder: vscode.l10n.t('New account in which folder?') }))?.folder;
  if (!folder) return undefined;
  const name =
    givenName ??
    (await vscode.window.showInputBox({ title: vscode.l10n.t('New Account'), prompt: vscode.l10n.t('The company name'), validateInput: (v) => (fileName(v) ? undefined : vscode.l10n.t('Type the company name')) }));
  if (!name?.trim()) return undefined;
  const { config } = folder.store;
  const file = `${roleFolder(config, 'ae')}/${fileName(name)}.md`;
  const uri = folder.source.uriOf(file);
  if ((await folder.source.readText(file)) !== undefined) throw new EditRefused(vscode.l10n.t('{0} already exists; open it with Handoff: Open Account…', file));
  const template = (await folder.source.readText('templates/account.md'))?.replace(/^\ufeff/, '') ?? NEW_ACCOUNT;
  const firstStage = config.stages.find((s) => s.role === 'ae')!;
  const text = fillTemplate(template, { name: name.trim(), stage: firstStage.id, date: localToday() });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new EditRefused(vscode.l10n.t('could not create {0}', file));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** A safe file name from a company name: "PT Maju Jaya (Tbk.)" → "pt-maju-jaya-tbk". */
export function fileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

async function readTemplate(folder: AccountFolder): Promise<string | undefined> {
  const template = folder.store.config.handoff.template;
  if (!template) return undefined;
  const text = await folder.source.readText(template).catch(() => undefined);
  if (text === undefined) void vscode.window.showWarningMessage(vscode.l10n.t('Handoff: the handoff template {0} cannot be read; the built-in checklist was used.', template));
  return text?.replace(/^\ufeff/, '');
}

async function showNote(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineCount - 1;
  editor.revealRange(new vscode.Range(end, 0, end, 0), vscode.TextEditorRevealType.InCenter);
}

function isRef(arg: unknown): arg is AccountRef {
  return typeof arg === 'object' && arg !== null && 'account' in arg && 'folder' in arg && !('kind' in arg);
}

