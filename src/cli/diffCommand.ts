/** `handoff diff BASE [HEAD]`: what changed in the accounts between two git revisions. */
import { randomUUID } from 'node:crypto';
import { notesFolder, roleFolder } from '../core/model/teamConfig';
import { diffAccounts } from '../core/insight/diff';
import { withoutWorkflowCommands } from '../core/output/githubFormats';
import { diffToJson, diffToMarkdown } from '../core/output/reviewFormats';
import { GitError } from '../node/git';
import { readRevisions } from '../node/gitRevisions';
import { appendStepSummary, COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';

export const DIFF_HELP = `Usage: handoff diff BASE [HEAD] [--format text|md|json|github] [options]

What changed in the accounts between two git revisions (HEAD defaults to the working tree):
handoffs (AE → AM and back, from git's rename detection), stage moves, accounts added and
removed, value changes. --format md writes a comment to paste into a pull request; text
is the same. --format github, for a GitHub Actions step, appends that comment to the step
summary (the file GITHUB_STEP_SUMMARY names) and prints it with workflow commands stopped
(::stop-commands::), so no line of the accounts can run one.

${COMMON_HELP.replace('--format text|json    text for people (default), json for programs', '--format text|md|json|github\n                        md for a pull request, json for programs, github for GitHub Actions')}`;

export async function runDiff(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {}, true);
  if (values.help) {
    process.stdout.write(DIFF_HELP + '\n');
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('expected BASE [HEAD]: two git revisions, such as main HEAD');
  const options = commonOptions(values, ['text', 'md', 'json', 'github']);
  const [base, head] = positionals;
  // The accounts come from git; the workspace gives its configuration only.
  const store = await openWorkspace(options.dir, true);
  const folders = [roleFolder(store.config, 'ae'), roleFolder(store.config, 'am'), notesFolder(store.config)];
  let revisions;
  try {
    revisions = await readRevisions(options.dir, folders, base, head);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`git: ${error.message}`);
    throw error;
  }
  const diff = diffAccounts(revisions.before, revisions.after, revisions.renames, (file) => store.roleOf(file), store.config);
  const { format } = options;
  if (format === 'json') {
    printJson(diffToJson(diff));
    return 0;
  }
  const review = diffToMarkdown(diff, base, head ?? 'working tree', store.config);
  if (format === 'github') {
    appendStepSummary(review);
    // A new token each run: the accounts under review cannot know it, so cannot end the pause.
    process.stdout.write(withoutWorkflowCommands(review, randomUUID()));
  } else {
    process.stdout.write(review);
  }
  return 0;
}
