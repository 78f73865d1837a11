/** `handoff check`: validates the team configuration and every account. */
import { compareProblems, problemToJson, type Problem } from '../core/model/problem';
import { historyOf, sinceOf } from '../core/insight/history';
import { remindersOf } from '../core/insight/reminders';
import { stalledProblem } from '../core/insight/stalled';
import type { CalendarDay } from '../core/model/calendarDay';
import { roleFolder } from '../core/model/teamConfig';
import type { AccountStore } from '../core/index/store';
import { GitError, NotAGitRepository } from '../node/git';
import { readHistory } from '../node/gitHistory';
import { bySeverity, checkToStepSummary, problemToWorkflowCommand } from '../core/output/githubFormats';
import { visibleText } from '../core/output/visibleText';
import { appendStepSummary, COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, repositoryFolder } from './commandLine';

export const CHECK_HELP = `Usage: handoff check [--format text|json|github] [options]

Validates .handoff.yml and every account file, and reminds of renewals (warnings; information
for auto-renewing contracts), stale contact and overdue next steps (information), as of --today;
with stages[].stale_days in .handoff.yml, deals in a stage longer than that since git last put
them there (stage-stale, information; not checked outside a git repository, which it says).
Exits 1 when any error is found (warnings and information never fail a build), 2 on a usage error.
--format github, for a GitHub Actions step, annotates each problem on its file's line
(::error, ::warning, ::notice) and appends a table of every problem to the step summary
(the file GITHUB_STEP_SUMMARY names); paths are then relative to GITHUB_WORKSPACE.

${COMMON_HELP}`;

export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {});
  if (values.help) {
    process.stdout.write(CHECK_HELP + '\n');
    return 0;
  }
  const options = commonOptions(values, ['text', 'json', 'github']);
  const store = await openWorkspace(options.dir);
  const problems = store.problems();
  for (const account of store.accounts()) problems.push(...remindersOf(account, store.config, options.today));
  const stalled = await stalledProblems(store, options.dir, options.today);
  problems.push(...stalled.problems);
  if (stalled.skipped) process.stderr.write(`stalled deals (stale_days) not checked: ${visibleText(stalled.skipped)}\n`);
  problems.sort(compareProblems);
  // Every account file counts, readable or not: `check` is about files.
  const accounts = store.size;
  const { format } = options;
  if (format === 'json') {
    printJson({ accounts, problems: problems.map(problemToJson) });
  } else if (format === 'github') {
    const folder = repositoryFolder(options.dir);
    const inRepository = problems.map((p) => ({ ...p, file: folder + p.file }));
    // Every problem is printed, though GitHub makes only the first 10 of each kind annotations
    // (50 a job) and drops the rest: the log then still holds them all, each on its line, and the
    // summary lists them all and says how many GitHub leaves out.
    for (const problem of bySeverity(inRepository)) process.stdout.write(problemToWorkflowCommand(problem) + '\n');
    appendStepSummary(checkToStepSummary(accounts, inRepository));
    process.stderr.write(summary(accounts, problems) + '\n');
  } else {
    for (const problem of problems) process.stdout.write(formatProblem(problem) + '\n');
    process.stderr.write(summary(accounts, problems) + '\n');
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** `file:line:column` first, so terminals (VS Code's among them) make it a link; one line, whatever the file holds. */
function formatProblem(problem: Problem): string {
  return visibleText(`${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message} [${problem.code}]`);
}

/** stage-stale for every account past its stage's stale_days, from git's history; none when no stage has stale_days. */
async function stalledProblems(store: AccountStore, dir: string, today: CalendarDay): Promise<{ problems: Problem[]; skipped?: string }> {
  if (!store.config.stages.some((stage) => stage.staleDays !== undefined)) return { problems: [] };
  let commits;
  try {
    commits = await readHistory(dir, [roleFolder(store.config, 'ae'), roleFolder(store.config, 'am')]);
  } catch (error) {
    if (error instanceof NotAGitRepository) return { problems: [], skipped: 'this folder is not in a git repository' };
    if (error instanceof GitError) return { problems: [], skipped: `git: ${error.message}` };
    throw error;
  }
  const history = historyOf(commits, (file) => store.roleOf(file));
  return { problems: store.accounts().flatMap((account) => stalledProblem(account, store.config, sinceOf(history, account.file, account.stage, today)) ?? []) };
}

function summary(accounts: number, problems: Problem[]): string {
  const count = (severity: Problem['severity'], word: string) => {
    const n = problems.filter((p) => p.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`];
  };
  const found = [...count('error', 'error'), ...count('warning', 'warning'), ...count('info', 'note')];
  return `Checked ${accounts} account file${accounts === 1 ? '' : 's'}: ${found.length === 0 ? 'no problems' : found.join(', ')}.`;
}
