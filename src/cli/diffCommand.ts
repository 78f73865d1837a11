/** `handoff diff BASE [HEAD]`: what changed in the accounts between two git revisions. */
import { notesFolder, roleFolder } from '../core/model/teamConfig';
import { diffAccounts } from '../core/insight/diff';
import { diffToJson, diffToMarkdown } from '../core/output/reviewFormats';
import { GitError } from '../node/git';
import { readRevisions } from '../node/gitRevisions';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';

export const DIFF_HELP = `Usage: handoff diff BASE [HEAD] [--format text|md|json] [options]

What changed in the accounts between two git revisions (HEAD defaults to the working tree):
handoffs (AE → AM and back, from git's rename detection), stage moves, accounts added and
removed, value changes. --format md writes a comment to paste into a pull request; text
is the same.

${COMMON_HELP.replace('--format text|json    text for people (default), json for programs', '--format text|md|json md for a pull request, json for programs')}`;

export async function runDiff(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {}, true);
  if (values.help) {
    process.stdout.write(DIFF_HELP + '\n');
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('expected BASE [HEAD]: two git revisions, such as main HEAD');
  const options = commonOptions(values, ['text', 'md', 'json']);
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
  if (options.format === 'json') printJson(diffToJson(diff));
  else process.stdout.write(diffToMarkdown(diff, base, head ?? 'working tree', store.config));
  return 0;
}
