/** The one place where core types become VS Code types. */
import * as vscode from 'vscode';
import type { Problem } from '../../core/model/problem';

export function toRange(problem: Problem): vscode.Range {
  return new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, Math.max(problem.column - 1, problem.endColumn - 1));
}

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'Handoff';
  diagnostic.code = problem.code;
  return diagnostic;
}
