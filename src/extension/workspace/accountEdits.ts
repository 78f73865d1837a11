/**
 * Applies a verified edit plan from the core as one WorkspaceEdit (one undo restores everything),
 * after the refusals: not a regular file inside the folder, bytes an editor cannot keep, unsaved
 * changes, a file changed on disk since it was read, a destination that exists.
 */
import * as vscode from 'vscode';
import { readAccount } from '../../core/read/accountRead';
import { EditRefused, MAX_EDIT_BYTES, type EditPlan, type EditTarget } from '../../core/edit/editPlan';
import { hasEscapedBytes, textOfBytes } from '../../core/read/fileText';
import type { AccountFolder } from './accountWorkspaces';
import { noteFileOf } from '../../core/model/handoffNote';

/** A file as read for an edit: its text, its editor document, and the bytes on disk. */
interface DocumentRead {
  text: string;
  document: vscode.TextDocument;
  disk: Uint8Array;
}

/** An account as read for an edit: what the plan is made from, its editor document, the bytes on disk, and its handoff note when it has one. */
export interface EditRead extends DocumentRead {
  target: EditTarget;
  note?: DocumentRead;
}

/**
 * Reads an account as it is on disk now, through its (possibly not yet open) text document — and,
 * for a handoff or hand-back (`withNote`), its handoff note when it has one.
 */
export async function readEditTarget(folder: AccountFolder, file: string, withNote = false): Promise<EditRead> {
  const role = folder.store.roleOf(file);
  if (!role) throw new EditRefused(vscode.l10n.t('{0} is not an account file', file));
  const { text, document, disk } = await readDocument(folder, file);
  const { account } = readAccount(file, role, text, folder.store.config);
  if (!account) throw new EditRefused(vscode.l10n.t('{0} cannot be read as an account; see the Problems panel', file));
  const noteFile = noteFileOf(file, folder.store.config);
  const note = withNote && noteFile !== undefined && (await statOf(folder.source.uriOf(noteFile))) ? await readDocument(folder, noteFile) : undefined;
  return { target: { file, role, text, name: account.name, stage: account.stage, data: account.data }, text, document, disk, note };
}

/** A regular file inside the folder, read from disk and through its text document, which must agree and have no unsaved changes. */
async function readDocument(folder: AccountFolder, file: string): Promise<DocumentRead> {
  await checkPath(folder, file, 'file');
  const uri = folder.source.uriOf(file);
  const disk = await vscode.workspace.fs.readFile(uri);
  const onDisk = textOfBytes(disk);
  // A text document decodes them as U+FFFD and would save those instead.
  if (hasEscapedBytes(onDisk)) throw new EditRefused(vscode.l10n.t('{0} holds bytes that are not UTF-8, which an editor would not keep; edit it with the handoff CLI or fix its encoding', file));
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) throw new EditRefused(vscode.l10n.t('{0} has unsaved changes; save it first', file));
  const text = document.getText();
  if (text !== onDisk.replace(/^\ufeff/, '')) {
    throw new EditRefused(vscode.l10n.t('{0} reads differently in the editor than on disk (changed outside VS Code, mixed line endings, or another encoding); nothing was changed', file));
  }
  return { text, document, disk };
}

export async function applyPlan(folder: AccountFolder, plan: EditPlan, read: EditRead): Promise<vscode.Uri> {
  const uri = folder.source.uriOf(plan.file);
  const newUri = folder.source.uriOf(plan.newFile);
  if (read.document.isDirty) throw new EditRefused(vscode.l10n.t('{0} has unsaved changes; save it first', plan.file));
  await checkPath(folder, plan.file, 'file');
  const now = await vscode.workspace.fs.readFile(uri).then(undefined, () => undefined);
  if (!now || !sameBytes(now, read.disk)) throw new EditRefused(vscode.l10n.t('{0} changed on disk since it was read; try again', plan.file));
  if (plan.newFile !== plan.file) await checkPath(folder, plan.newFile, 'absent');
  if (plan.edits.length === 0 && plan.newFile === plan.file) return uri;

  const edit = new vscode.WorkspaceEdit();
  const label = plan.summary;
  const noteUri = plan.note && folder.source.uriOf(plan.note.file);
  if (plan.note && noteUri) {
    // The note first: created (never over a file that appeared since) or changed as it was read.
    if (plan.note.exists) {
      const note = read.note;
      if (!note || note.document.isDirty) throw new EditRefused(vscode.l10n.t('{0} has unsaved changes; save it first', plan.note.file));
      await checkPath(folder, plan.note.file, 'file');
      const now = await vscode.workspace.fs.readFile(noteUri).then(undefined, () => undefined);
      if (!now || !sameBytes(now, note.disk)) throw new EditRefused(vscode.l10n.t('{0} changed on disk since it was read; try again', plan.note.file));
      for (const change of plan.note.edits) edit.replace(noteUri, new vscode.Range(note.document.positionAt(change.start), note.document.positionAt(change.end)), change.newText, { label, needsConfirmation: false });
    } else {
      await checkPath(folder, plan.note.file, 'absent');
      edit.createFile(noteUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.note.newText) }, { label, needsConfirmation: false });
    }
  }
  // The rename first, then the text edits on the new file: VS Code applies a WorkspaceEdit in order,
  // and text edits on the old URI would leave it with unsaved changes while the rename waits on its
  // participants; auto save (afterDelay by default in vscode.dev, github.dev and code-server) or the
  // save prompt of its closing editor would then write the old file back beside the new one.
  if (plan.newFile !== plan.file) edit.renameFile(uri, newUri, { overwrite: false }, { label, needsConfirmation: false });
  for (const change of plan.edits) {
    edit.replace(newUri, new vscode.Range(read.document.positionAt(change.start), read.document.positionAt(change.end)), change.newText, { label, needsConfirmation: false });
  }
  // A refactoring: VS Code saves the files it touched (files.refactoring.autoSave), and one undo reverts it.
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new EditRefused(vscode.l10n.t('VS Code could not apply the edit to {0}', plan.file));
  for (const written of noteUri ? [newUri, noteUri] : [newUri]) {
    const changed = await vscode.workspace.openTextDocument(written);
    if (changed.isDirty) await changed.save();
  }
  // The index reads what was written now, not when the watcher tells: a note in a folder the edit
  // just made may never be reported by some watchers (code-server's on Linux).
  if (plan.note) await folder.store.refresh([plan.file, plan.newFile, plan.note.file]);
  return newUri;
}

/**
 * Checks that `file` is inside the folder through real folders only — no link on the way — and is a
 * regular file (`file`) or does not exist yet (`absent`).
 */
export async function checkPath(folder: AccountFolder, file: string, expect: 'file' | 'absent'): Promise<void> {
  const parts = file.split('/');
  for (let index = 1; index < parts.length; index++) {
    const stat = await statOf(folder.source.uriOf(parts.slice(0, index).join('/')));
    if (!stat && expect === 'absent') return;
    if (!stat) throw new EditRefused(vscode.l10n.t('{0} no longer exists; nothing was changed', file));
    if (stat.type & vscode.FileType.SymbolicLink) throw new EditRefused(vscode.l10n.t('{0} goes through a symbolic link; Handoff writes only inside the workspace, not through links', file));
    if (!(stat.type & vscode.FileType.Directory)) throw new EditRefused(vscode.l10n.t('{0} is not inside a folder', file));
  }
  const stat = await statOf(folder.source.uriOf(file));
  if (expect === 'absent') {
    if (stat) throw new EditRefused(vscode.l10n.t('{0} already exists; nothing was changed', file));
    return;
  }
  if (!stat) throw new EditRefused(vscode.l10n.t('{0} no longer exists; nothing was changed', file));
  if (stat.type !== vscode.FileType.File) throw new EditRefused(vscode.l10n.t('{0} is not a regular file (a link, a FIFO or a folder); Handoff does not edit it', file));
  if (stat.size > MAX_EDIT_BYTES) throw new EditRefused(vscode.l10n.t('{0} is {1} MB; Handoff edits account files of up to {2} MB', file, Math.ceil(stat.size / 2 ** 20), MAX_EDIT_BYTES / 2 ** 20));
}

/**
 * A template of the team (`templates/account.md`, `handoff.template`): its text, or undefined when it
 * does not exist. Read only as a regular file reached through real folders — a link could lead out of
 * the workspace — and only when its bytes are UTF-8; anything else is refused.
 */
export async function readTemplateFile(folder: AccountFolder, file: string): Promise<string | undefined> {
  const parts = file.split('/');
  for (let index = 1; index <= parts.length; index++) {
    const stat = await statOf(folder.source.uriOf(parts.slice(0, index).join('/')));
    if (!stat) return undefined;
    const last = index === parts.length;
    if (stat.type & vscode.FileType.SymbolicLink) {
      throw new EditRefused(
        last
          ? vscode.l10n.t('the template {0} is a symbolic link; Handoff reads templates only as regular files inside the workspace; nothing was changed', file)
          : vscode.l10n.t('the template {0} goes through a symbolic link; Handoff reads templates only as regular files inside the workspace; nothing was changed', file),
      );
    }
    if (last ? stat.type !== vscode.FileType.File : !(stat.type & vscode.FileType.Directory)) {
      throw new EditRefused(vscode.l10n.t('the template {0} is not a regular file (a folder, a FIFO or a device); nothing was changed', file));
    }
    if (last && stat.size > MAX_EDIT_BYTES) throw new EditRefused(vscode.l10n.t('the template {0} is {1} MB, too large for a template; nothing was changed', file, Math.ceil(stat.size / 2 ** 20)));
  }
  const text = textOfBytes(await vscode.workspace.fs.readFile(folder.source.uriOf(file)));
  if (hasEscapedBytes(text)) throw new EditRefused(vscode.l10n.t('the template {0} holds bytes that are not UTF-8; fix its encoding; nothing was changed', file));
  return text.replace(/^\ufeff/, '');
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
