/** The handoff note in an editor: opened where there is something left to write. */
import * as vscode from 'vscode';
import { readHandoffNote } from '../../core/read/noteRead';

/** Opens the handoff note at its first empty checklist item (else its end), to be filled in. */
export async function showNote(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const text = editor.document.getText();
  const empty = readHandoffNote('', text).note?.empty[0];
  const line = empty ? empty.line - 1 : editor.document.lineCount - 1;
  const end = editor.document.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
}
