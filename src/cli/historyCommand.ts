/** `handoff history`: what git says happened to the accounts — transitions, days in stage, flow, win rate. */
import { isCalendarDay } from '../core/model/calendarDay';
import { roleFolder } from '../core/model/teamConfig';
import { historyOf } from '../core/insight/history';
import { buildHistoryReport } from '../core/insight/historyReport';
import { historyToCsv, historyToMarkdown } from '../core/output/historyFormats';
import { GitError, NotAGitRepository } from '../node/git';
import { readHistory } from '../node/gitHistory';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';

export const HISTORY_HELP = `Usage: handoff history [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format text|json|md|csv] [options]

What git's history says of the accounts: every change of stage, owner and value, each handoff
and hand-back (git's rename detection), with date, author and commit; how many days each account
has sat in its stage; per stage how many deals entered it in the window, how long they stayed and
how many went on; the win rate overall and per AE, and the sales cycle. Commits on the current
branch's first-parent line count (a merge as the change it brought); changes not committed yet
count as of --today. Needs a git repository (exit 2 otherwise).

${COMMON_HELP.replace('--format text|json    text for people (default), json for programs', '--format text|json|md|csv\n                        text or md for people, json for programs, csv for a spreadsheet')}`;

export async function runHistory(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { since: { type: 'string' }, until: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HISTORY_HELP + '\n');
    return 0;
  }
  const options = commonOptions(values, ['text', 'json', 'md', 'csv']);
  for (const key of ['since', 'until'] as const) {
    const value = values[key];
    if (value !== undefined && !isCalendarDay(value)) throw new UsageError(`--${key} must be a calendar day written YYYY-MM-DD, not '${value}'`);
  }
  const window = { since: values.since, until: values.until };
  const store = await openWorkspace(options.dir);
  let commits;
  try {
    commits = await readHistory(options.dir, [roleFolder(store.config, 'ae'), roleFolder(store.config, 'am')]);
  } catch (error) {
    if (error instanceof NotAGitRepository) throw new UsageError('this folder is not in a git repository, so it has no history: history works in a folder cloned or created with git');
    if (error instanceof GitError) throw new UsageError(`git: ${error.message}`);
    throw error;
  }
  const history = historyOf(commits, (file) => store.roleOf(file));
  const report = buildHistoryReport(history, store.accounts(), store.config, window, options.today);
  if (options.format === 'json') printJson(report);
  else if (options.format === 'csv') process.stdout.write(historyToCsv(report));
  else process.stdout.write(historyToMarkdown(report, store.config, window, options.today));
  return 0;
}
