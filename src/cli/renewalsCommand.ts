/** `handoff renewals`: AM contracts by urgency, as of --today. */
import { formatArr } from '../core/model/money';
import { ownerOf } from '../core/model/account';
import { renewalsOf, type Renewal } from '../core/insight/renewal';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';
import { formatTable, truncate } from './table';

export const RENEWALS_HELP = `Usage: handoff renewals [--within DAYS] [options]

Lists the renewals of AM accounts with a contract_end, most urgent first: overdue (the
contract ended), notice-passed (the notice deadline is behind us), critical (the deadline
is within the smallest of renewal.warn_days), warning (within the largest), info (an
auto-renewing contract that would otherwise warn), ok. Churned customers are left out.

  --within DAYS   only contracts that end within DAYS days (ended ones included)

${COMMON_HELP}`;

export async function runRenewals(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { within: { type: 'string' } });
  if (values.help) {
    process.stdout.write(RENEWALS_HELP + '\n');
    return 0;
  }
  const options = commonOptions(values);
  let within: number | undefined;
  if (values.within !== undefined) {
    within = Number(values.within);
    if (!/^\d+$/.test(values.within) || !Number.isSafeInteger(within)) throw new UsageError(`--within must be a whole number of days, not '${values.within}'`);
  }
  const store = await openWorkspace(options.dir);
  const renewals = renewalsOf(store.accounts(), store.config, options.today).filter((r) => within === undefined || r.daysLeft <= within);
  if (options.format === 'json') {
    printJson({ renewals: renewals.map(renewalToJson) });
  } else if (renewals.length === 0) {
    process.stderr.write(`No renewals${within === undefined ? '' : ` within ${within} days`} as of ${options.today}.\n`);
  } else {
    process.stdout.write(formatTable(['SEVERITY', 'NAME', 'CONTRACT END', 'DAYS LEFT', 'NOTICE BY', 'ARR', 'AM', 'FILE'], renewals.map(renewalRow), new Set([3, 5])));
  }
  return 0;
}

function renewalToJson(renewal: Renewal) {
  return {
    file: renewal.account.file,
    name: renewal.account.name,
    contract_end: renewal.contractEnd,
    days_left: renewal.daysLeft,
    notice_deadline: renewal.noticeDeadline,
    severity: renewal.severity,
  };
}

function renewalRow(renewal: Renewal): string[] {
  return [
    renewal.severity,
    truncate(renewal.account.name, 32),
    renewal.contractEnd,
    String(renewal.daysLeft),
    renewal.noticeDeadline,
    formatArr(renewal.account) ?? '',
    ownerOf(renewal.account) ?? '',
    renewal.account.file,
  ];
}
