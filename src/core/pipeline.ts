/** Filtering and ordering accounts the way a pipeline reads: stage order, then name. */
import type { Account } from './account';
import type { TeamConfig } from './config';
import type { Role } from './stage';

export interface AccountFilter {
  stages?: readonly string[];
  roles?: readonly Role[];
  /** An owner's e-mail, or the part before the `@`. */
  owners?: readonly string[];
  regions?: readonly string[];
  tags?: readonly string[];
}

/** The person who owns the account now: its AE while it is a deal, its AM once handed off. */
export function ownerOf(account: Account): string | undefined {
  const owner = account.data[account.role];
  return typeof owner === 'string' ? owner : undefined;
}

export function tagsOf(account: Account): string[] {
  const tags = account.data.tags;
  return Array.isArray(tags) ? tags.filter((t) => typeof t === 'string' || typeof t === 'number').map(String) : [];
}

export function matchesFilter(account: Account, filter: AccountFilter): boolean {
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  const anyOf = (wanted: readonly string[] | undefined, actual: readonly string[]) =>
    !wanted || wanted.length === 0 || wanted.some((w) => actual.some((a) => same(w, a)));
  const owner = ownerOf(account);
  const region = account.data.region;
  return (
    anyOf(filter.stages, account.stage ? [account.stage] : []) &&
    anyOf(filter.roles, [account.role]) &&
    anyOf(filter.owners, owner ? [owner, owner.split('@')[0]] : []) &&
    anyOf(filter.regions, typeof region === 'string' ? [region] : []) &&
    anyOf(filter.tags, tagsOf(account))
  );
}

/** AE stages first, each stage in the team's pipeline order, unknown stages last, then by name. */
export function compareByPipeline(config: TeamConfig): (a: Account, b: Account) => number {
  const order = new Map(config.stages.map((stage, index) => [stage.id, index]));
  const rank = (account: Account) => (account.role === 'ae' ? 0 : 1) * 10_000 + (order.get(account.stage ?? '') ?? 9_999);
  return (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || (a.file < b.file ? -1 : 1);
}
