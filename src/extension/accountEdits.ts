/**
 * Applies an edit plan from the core as one WorkspaceEdit (one undo restores everything), after the
 * refusals: unsaved changes in an editor, a file changed on disk, a destination that exists.
 */
import * as vscode from 'vscode';
import { readAccount } from '../core/account';
import { EditRefused, type EditPlan, type EditTarget } from '../core/handoff';
import type { AccountFolder } from './accountWorkspaces';

/** Reads an account as it is on disk now, through its (possibly not yet open) text document. */
export async function readEditTarget(folder: AccountFolder, file: string): Promise<{ target: EditTarget; document: vscode.TextDocument }> {
  const role = folder.store.roleOf(file);
  if (!role) throw new EditRefused(vscode.l10n.t('{0} is not an account file', file));
  const uri = folder.source.uriOf(file);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) throw new EditRefused(vscode.l10n.t('{0} has unsaved changes; save it first', file));
  const text = document.getText();
  const { account } = readAccount(file, role, text, folder.store.config);
  if (!account) throw new EditRefused(vscode.l10n.t('{0} cannot be read as an account; see the Problems panel', file));
  return { target: { file, role, text, name: account.name, stage: account.stage, data: account.data }, document };
}

export async function applyPlan(folder: AccountFolder, plan: EditPlan, document: vscode.TextDocument): Promise<vscode.Uri> {
  const uri = folder.source.uriOf(plan.file);
  const newUri = folder.source.uriOf(plan.newFile);
  if (document.isDirty) throw new EditRefused(vscode.l10n.t('{0} has unsaved changes; save it first', plan.file));
  const onDisk = await folder.source.readText(plan.file);
  if (onDisk === undefined || onDisk.replace(/^\ufeff/, '') !== document.getText()) {
    throw new EditRefused(vscode.l10n.t('{0} changed on disk since it was read; try again', plan.file));
  }
  if (plan.newFile !== plan.file && (await exists(newUri))) throw new EditRefused(vscode.l10n.t('{0} already exists; nothing was changed', plan.newFile));
  if (plan.edits.length === 0 && plan.newFile === plan.file) return uri;

  const edit = new vscode.WorkspaceEdit();
  const label = plan.summary;
  for (const change of plan.edits) {
    edit.replace(uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText, { label, needsConfirmation: false });
  }
  if (plan.newFile !== plan.file) edit.renameFile(uri, newUri, { overwrite: false }, { label, needsConfirmation: false });
  // A refactoring: VS Code saves the files it touched (files.refactoring.autoSave), and one undo reverts it.
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new EditRefused(vscode.l10n.t('VS Code could not apply the edit to {0}', plan.file));
  const changed = await vscode.workspace.openTextDocument(newUri);
  if (changed.isDirty) await changed.save();
  return newUri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
