/** Quick fixes for problems with one obvious repair, such as a misspelt stage. */
import * as vscode from 'vscode';
import type { AccountWorkspaces } from './accountWorkspaces';
import { toRange } from './convert';

export function registerQuickFixes(workspaces: AccountWorkspaces): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const located = workspaces.locate(document.uri);
      const record = located && located.folder.store.get(located.file);
      if (!record) return [];
      const actions: vscode.CodeAction[] = [];
      for (const problem of record.problems) {
        if (!problem.fix) continue;
        const problemRange = toRange(problem);
        if (!problemRange.intersection(range)) continue;
        const editRange = unquoted(document, problemRange);
        // The index may lag behind fast typing: only offer the fix while the text is what it was about.
        if (record.account?.stage !== undefined && document.getText(editRange) !== record.account.stage) continue;
        const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, editRange, problem.fix.replacement);
        action.diagnostics = context.diagnostics.filter((d) => d.code === problem.code && d.range.isEqual(problemRange));
        action.isPreferred = true;
        actions.push(action);
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

/** The range inside the quotes of a quoted scalar, so a fix keeps the file's quoting. */
function unquoted(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  const text = document.getText(range);
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    return new vscode.Range(range.start.translate(0, 1), range.end.translate(0, -1));
  }
  return range;
}
