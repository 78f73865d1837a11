/**
 * Key accounts by a weighted score over the team's criteria (each scored 1–10 in the account's
 * `scores:`), not by revenue alone. A criterion the account has not scored counts as 0, so a
 * half-scored account cannot outrank a fully scored one.
 */
import * as l10n from '@vscode/l10n';
import { arrOf, type Account } from '../model/account';
import { stageById, type TeamConfig } from '../model/teamConfig';

export interface ScoredAccount {
  account: Account;
  /** 0–10, one decimal. */
  score: number;
  /** Each criterion of the team: its weight and the account's score (undefined when not scored). */
  criteria: { name: string; weight: number; score: number | undefined }[];
  /** 1-based rank among scored accounts. */
  rank: number;
  /** Among the top `scoring.key_accounts`. */
  key: boolean;
}

export function scoreOf(account: Account, config: TeamConfig): Omit<ScoredAccount, 'rank' | 'key'> | undefined {
  const scores = account.data.scores;
  if (scores === null || typeof scores !== 'object' || Array.isArray(scores)) return undefined;
  const entries = Object.entries(config.scoring.criteria);
  const totalWeight = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (totalWeight === 0) return undefined;
  const criteria = entries.map(([name, weight]) => {
    const value = Object.hasOwn(scores, name) ? (scores as Record<string, unknown>)[name] : undefined;
    return { name, weight, score: typeof value === 'number' && value >= 1 && value <= 10 ? value : undefined };
  });
  if (criteria.every((c) => c.score === undefined)) return undefined;
  const weighted = criteria.reduce((sum, c) => sum + c.weight * (c.score ?? 0), 0);
  return { account, score: Math.round((weighted / totalWeight) * 10) / 10, criteria };
}

/** Every scored account not lost or churned, best first (score, then ARR, then name); the top N are key accounts. */
export function rankAccounts(accounts: Iterable<Account>, config: TeamConfig): ScoredAccount[] {
  const scored: Omit<ScoredAccount, 'rank' | 'key'>[] = [];
  for (const account of accounts) {
    // Lost deals and churned customers are not key accounts, however they once scored.
    const stage = stageById(config, account.stage);
    if (stage?.closed && !stage.won) continue;
    const result = scoreOf(account, config);
    if (result) scored.push(result);
  }
  const arr = (a: Account) => arrOf(a) ?? 0;
  scored.sort((a, b) => b.score - a.score || arr(b.account) - arr(a.account) || a.account.name.localeCompare(b.account.name));
  return scored.map((entry, index) => ({ ...entry, rank: index + 1, key: index < config.scoring.keyAccounts }));
}

/**
 * When fewer accounts are scored than the team has key-account places, says so: otherwise the view
 * shows four stars of five with no hint why. Undefined when every place is filled.
 */
export function keyAccountShortfall(ranked: readonly ScoredAccount[], config: TeamConfig): string | undefined {
  const places = config.scoring.keyAccounts;
  const filled = ranked.filter((scored) => scored.key).length;
  if (filled >= places) return undefined;
  if (filled === 0) return l10n.t('0 of {0} key-account places: no account has scores yet — add scores: to accounts to rank them', places);
  return filled === 1
    ? l10n.t('1 of {0} key-account places: only 1 account has scores — add scores: to more accounts', places)
    : l10n.t('{0} of {1} key-account places: only {0} accounts have scores — add scores: to more accounts', filled, places);
}
