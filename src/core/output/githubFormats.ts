/**
 * GitHub Actions' formats: workflow commands (`::error file=…,line=…::message`, one annotation each)
 * and the Markdown of a step summary. Pure text; the CLI prints the commands and appends the summary
 * to the file `GITHUB_STEP_SUMMARY` names.
 */
import * as l10n from '@vscode/l10n';
import type { Problem, Severity } from '../model/problem';
import { markdownCode, markdownText } from './markdown';
import { visibleText } from './visibleText';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The message of a workflow command (what follows its second `::`), as GitHub's toolkit escapes it:
 * `%` → `%25`, CR → `%0D`, LF → `%0A`. The command then stays one line, whatever the text holds.
 */
function commandData(text: string): string {
  return text.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}

/** A property value of a workflow command (`file=…`): as `commandData`, and `:` → `%3A`, `,` → `%2C`, which end a value. */
function commandProperty(text: string): string {
  return commandData(text).replace(/[:,]/g, (c) => (c === ':' ? '%3A' : '%2C'));
}

/** Errors first, then warnings, then information; in their order (`compareProblems`) within each. */
export function bySeverity(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * One workflow command, one annotation on the file's line in the pull request:
 * `::error file=F,line=L,col=C,title=CODE::MESSAGE` (`::warning`, `::notice` for warnings and
 * information). The file is passed as it is (escaped, not altered), so GitHub finds it; the message
 * is text from files, made visible as the terminal shows it (`visibleText`: no control or bidi
 * character acts), then escaped, so no line of it begins another command.
 */
export function problemToWorkflowCommand(problem: Problem): string {
  const properties = [
    `file=${commandProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${commandProperty(problem.code)}`,
  ];
  return `::${COMMAND[problem.severity]} ${properties.join(',')}::${commandData(visibleText(problem.message))}`;
}

/**
 * Text printed to a GitHub Actions log with its workflow commands off: between
 * `::stop-commands::TOKEN` and `::TOKEN::`, a line of `text` beginning with `::` is shown, not run.
 * `token` must be new and unguessable for each run (a random UUID), or the text could end the pause.
 */
export function withoutWorkflowCommands(text: string, token: string): string {
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

/**
 * The step summary of `handoff check`: counts, how many annotations GitHub leaves out (it shows
 * `ANNOTATIONS_PER_KIND` of each kind per step), and a table of every problem, errors first. Paths
 * and messages as `markdownText` (a table cell: `markdownCode` would let a `|` split the row).
 */
export function checkToStepSummary(accounts: number, problems: readonly Problem[]): string {
  const count = (severity: Severity) => problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const notes = count('info');
  const found = [
    ...(errors === 0 ? [] : [errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors)]),
    ...(warnings === 0 ? [] : [warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings)]),
    ...(notes === 0 ? [] : [notes === 1 ? l10n.t('1 note') : l10n.t('{0} notes', notes)]),
  ];
  const out = [
    `### ${l10n.t('Handoff check: {0}', found.length === 0 ? l10n.t('no problems') : found.join(', '))}`,
    '',
    accounts === 1 ? l10n.t('1 account file checked.') : l10n.t('{0} account files checked.', accounts),
    '',
  ];
  const hidden = [
    errors > ANNOTATIONS_PER_KIND ? l10n.t('GitHub shows {0} of the {1} errors as annotations; all are listed here.', ANNOTATIONS_PER_KIND, errors) : undefined,
    warnings > ANNOTATIONS_PER_KIND ? l10n.t('GitHub shows {0} of the {1} warnings as annotations; all are listed here.', ANNOTATIONS_PER_KIND, warnings) : undefined,
    notes > ANNOTATIONS_PER_KIND ? l10n.t('GitHub shows {0} of the {1} notes as annotations; all are listed here.', ANNOTATIONS_PER_KIND, notes) : undefined,
  ].filter((line) => line !== undefined);
  if (hidden.length) out.push(hidden.join(' '), '');
  if (problems.length === 0) return out.join('\n');
  const severity: Record<Severity, string> = { error: l10n.t('error'), warning: l10n.t('warning'), info: l10n.t('note') };
  out.push(`| ${l10n.t('File')} | ${l10n.t('Severity')} | ${l10n.t('Code')} | ${l10n.t('Message')} |`, '| --- | --- | --- | --- |');
  for (const p of bySeverity(problems)) {
    // A code is one of Handoff's own ids (`unknown-stage`), never a `|`: a code span is safe in its cell.
    out.push(`| ${markdownText(`${p.file}:${p.line}`)} | ${severity[p.severity]} | ${markdownCode(p.code)} | ${markdownText(p.message)} |`);
  }
  out.push('');
  return out.join('\n');
}
