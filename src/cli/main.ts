#!/usr/bin/env node
/** The `handoff` command: check and list a sales team's accounts from a terminal or CI. */
import { CHECK_HELP, runCheck } from './checkCommand';
import { UsageError } from './commandLine';
import { runHandback, runHandoff, runMove } from './editCommands';
import { runList } from './listCommand';
import { runRenewals } from './renewalsCommand';
import { runReport } from './reportCommand';
import { runDiff } from './diffCommand';
import { runHistory } from './historyCommand';
import { visibleText } from '../core/output/visibleText';

// A Map: a command name is what a person typed, and `constructor` or `toString` is not a command.
const COMMANDS = new Map<string, (args: string[]) => Promise<number>>([
  ['check', runCheck],
  ['list', runList],
  ['renewals', runRenewals],
  ['report', runReport],
  ['diff', runDiff],
  ['history', runHistory],
  ['move', runMove],
  ['handoff', runHandoff],
  ['handback', runHandback],
]);

const HELP = `Usage: handoff <command> [options]

Commands:
  check    validate .handoff.yml and every account (exit 1 on errors)
  list     list accounts, with filters
  renewals AM renewals by urgency
  report   the period report: forecast, pipeline, won/lost, renewals, quota, key accounts
  diff     what changed between two git revisions (for pull-request review)
  history  what git says happened: stage moves, handoffs, days in stage, win rate
  move     move an account to another stage of its role
  handoff  hand a won deal from its AE to an AM (moves the file)
  handback hand an AM account back to an AE (moves the file)

Run 'handoff <command> --help' for a command's options.

${CHECK_HELP.split('\n\n').pop()}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP + '\n');
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    process.stderr.write(`handoff: unknown command '${visibleText(command)}'\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      const details = error.details.map((line) => `\n  ${visibleText(line)}`).join('');
      process.stderr.write(`handoff ${command}: ${visibleText(error.message)}${details}\nRun 'handoff ${command} --help' for usage.\n`);
      return 2;
    }
    process.stderr.write(`handoff ${command}: unexpected failure: ${String((error as Error).stack ?? error).split('\n').map(visibleText).join('\n')}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
