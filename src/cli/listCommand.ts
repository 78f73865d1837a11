/** `handoff list`: the accounts, filtered, in pipeline order. */
import { ownerOf, regionOf, type Account } from '../core/model/account';
import { matchesFilter, sortByPipeline, type AccountFilter } from '../core/insight/pipeline';
import type { Role } from '../core/model/stage';
import { COMMON_HELP, commonOptions, openWorkspace, parseCommand, printJson, UsageError } from './commandLine';
import { formatArr } from '../core/model/money';
import { formatTable, truncate } from './table';

export const LIST_HELP = `Usage: handoff list [--stage S] [--role ae|am] [--owner O] [--region R] [--tag T] [options]

Lists the accounts in pipeline order: by stage, then the soonest close date (deals) or
contract end (customers), then name. Each filter may be given more than once (any of
the values matches); different filters must all match. Values compare without regard
to case; --owner matches the current owner (the AE of a deal, the AM of a customer) by
e-mail or by the part before the @.

${COMMON_HELP}`;

const FILTERS = {
  stage: { type: 'string', multiple: true },
  role: { type: 'string', multiple: true },
  owner: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
} as const;

export async function runList(args: string[]): Promise<number> {
  const { values } = parseCommand(args, FILTERS);
  if (values.help) {
    process.stdout.write(LIST_HELP + '\n');
    return 0;
  }
  const options = commonOptions(values);
  const roles = values.role?.map((role) => role.toLowerCase());
  if (roles?.some((role) => role !== 'ae' && role !== 'am')) throw new UsageError(`--role must be ae or am`);
  const filter: AccountFilter = { stages: values.stage, roles: roles as Role[] | undefined, owners: values.owner, regions: values.region, tags: values.tag };
  const store = await openWorkspace(options.dir);
  const accounts = sortByPipeline(store.accounts().filter((account) => matchesFilter(account, filter)), store.config);
  if (options.format === 'json') {
    printJson({ accounts: accounts.map(accountToJson) });
  } else if (accounts.length === 0) {
    process.stderr.write('No accounts match.\n');
  } else {
    process.stdout.write(formatTable(['NAME', 'STAGE', 'ROLE', 'OWNER', 'REGION', 'ARR', 'FILE'], accounts.map(accountRow), new Set([5])));
  }
  const unreadable = store.size - store.accounts().length;
  if (unreadable > 0) process.stderr.write(`${unreadable} file${unreadable === 1 ? '' : 's'} could not be read as an account; run 'handoff check' to see why.\n`);
  return 0;
}

/** `file`, `name`, `stage`, `role`, then every front-matter key as written (dates stay YYYY-MM-DD strings). */
function accountToJson(account: Account): Record<string, unknown> {
  const json: Record<string, unknown> = { file: account.file, name: account.name, stage: account.stage ?? null, role: account.role };
  for (const [key, value] of Object.entries(account.data)) {
    // Own keys only (`toString` is `in` every object) and defined, so `__proto__` stays a key of its own.
    if (!Object.hasOwn(json, key)) Object.defineProperty(json, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return json;
}

function accountRow(account: Account): string[] {
  return [
    truncate(account.name, 36),
    account.stage ?? '',
    account.role.toUpperCase(),
    ownerOf(account) ?? '',
    regionOf(account) ?? '',
    formatArr(account) ?? '',
    account.file,
  ];
}
