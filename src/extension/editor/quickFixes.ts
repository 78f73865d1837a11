/** Quick fixes for problems with one obvious repair, such as a misspelt stage: planned and verified by the core's write path. */
import * as vscode from 'vscode';
import { readAccount } from '../../core/read/accountRead';
import { EditRefused } from '../../core/edit/editPlan';
import { planSetStage } from '../../core/edit/handoff';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import { toRange } from './convert';

export function registerQuickFixes(workspaces: AccountWorkspaces): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const located = workspaces.locate(document.uri);
      const record = located && located.folder.store.get(located.file);
      if (!located || !record) return [];
      const actions: vscode.CodeAction[] = [];
      for (const problem of record.problems) {
        if (!problem.fix) continue;
        const problemRange = toRange(problem);
        if (!problemRange.intersection(range)) continue;
        // The editor's text, as it is now: the index may lag behind fast typing.
        const text = document.getText();
        const { account } = readAccount(located.file, record.role, text, located.folder.store.config);
        if (!account || account.stage !== record.account?.stage) continue;
        let plan;
        try {
          plan = planSetStage({ file: located.file, role: record.role, text, name: account.name, stage: account.stage, data: account.data }, problem.fix.replacement, problem.fix.title);
        } catch (error) {
          if (error instanceof EditRefused) continue;
          throw error;
        }
        const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of plan.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
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
