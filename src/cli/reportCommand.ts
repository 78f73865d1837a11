/** `handoff report`: the period report as Markdown (the default), CSV or JSON. */
import { parsePeriod, quarterOf } from '../core/model/period';
import { buildReport, reportToJson } from '../core/insight/report';
import { reportToCsv, reportToMarkdown } from '../core/output/reportFormats';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';

export const REPORT_HELP = `Usage: handoff report [--period 2026-Q4|2026] [--format md|csv|json] [options]

The period report: the weighted forecast (won + open deals and expansion closing in the
period, weighted by probability), pipeline by stage, deals closing, won and lost, renewals
due with value at stake, quota attainment per person of the team roster, key accounts, and
accounts needing attention. The period defaults to the quarter of --today. Sums are kept
per currency. --format md (the default; text is the same) for people, csv for a
spreadsheet (one table: filter its 'section' column), json for programs.

${COMMON_HELP.replace('--format text|json    text for people (default), json for programs', '--format md|csv|json  see above')}`;

export async function runReport(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { period: { type: 'string' } });
  if (values.help) {
    process.stdout.write(REPORT_HELP + '\n');
    return 0;
  }
  const options = commonOptions(values, ['text', 'md', 'csv', 'json']);
  const period = values.period === undefined ? quarterOf(options.today) : parsePeriod(values.period);
  if (!period) throw new UsageError(`--period must be a quarter such as 2026-Q4 or a year such as 2026, not '${values.period}'`);
  const store = await openWorkspace(options.dir);
  const report = buildReport(store.accounts(), store.config, period, options.today);
  const { format } = options;
  if (format === 'json') printJson(reportToJson(report));
  else if (format === 'csv') process.stdout.write(reportToCsv(report));
  else process.stdout.write(reportToMarkdown(report));
  return 0;
}
