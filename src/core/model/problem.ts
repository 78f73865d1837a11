/** What `handoff check` and the Problems panel report. Lines and columns are 1-based, as people count. */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Path relative to the workspace, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: ProblemCode;
  message: string;
  /** A replacement for the range that fixes the problem, where one is obvious. */
  fix?: { title: string; replacement: string };
}

export type ProblemCode =
  | 'unreadable'
  | 'file-too-large'
  | 'no-front-matter'
  | 'unclosed-front-matter'
  | 'front-matter-language'
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'alias-limit'
  | 'not-a-mapping'
  | 'missing-key'
  | 'unknown-stage'
  | 'stage-role-mismatch'
  | 'invalid-date'
  | 'invalid-number'
  | 'out-of-range'
  | 'invalid-boolean'
  | 'invalid-type'
  | 'invalid-value'
  | 'config-unknown-key'
  | 'config-path'
  | 'missing-contract-end'
  | 'renewal-overdue'
  | 'renewal-notice-passed'
  | 'renewal-critical'
  | 'renewal-warning'
  | 'renewal-auto'
  | 'stale-contact'
  | 'next-step-overdue'
  | 'stage-stale'
  | 'handoff-note-empty';

/** The shape SPEC.md promises for `handoff check --format json`. */
export function problemToJson(problem: Problem) {
  const { file, line, column, severity, code, message } = problem;
  return { file, line, column, severity, code, message };
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
