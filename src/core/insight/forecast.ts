/**
 * What a period brings in: deals won in it, open deals and expansion closing in it (weighted by
 * probability), per currency. The report's Forecast and the Pipeline view's headline are this.
 */
import { arrOf, closeDateOf, currencyOf, type Account } from '../model/account';
import { inPeriod, type Period } from '../model/period';
import { stageById, type TeamConfig } from '../model/teamConfig';
import { opportunitiesOf, type Opportunity } from './opportunities';
import { winProbability } from './pipeline';

export interface ForecastTotal {
  currency: string;
  won: number;
  deals: number;
  dealsWeighted: number;
  expansion: number;
  expansionWeighted: number;
  /** Won, plus open deals and expansion weighted. */
  forecast: number;
}

export interface Forecast {
  /** Deals won in the period by their `close_date`: still in the won stage, or handed off since. */
  won: Account[];
  /** Open deals closing in the period. */
  deals: { account: Account; probability: number }[];
  /** Open expansion opportunities closing in the period. */
  expansion: Opportunity[];
  /** Expansion won in the period. */
  wonExpansion: Opportunity[];
  /** Per currency, the largest forecast first. */
  totals: ForecastTotal[];
}

export function forecastOf(accounts: readonly Account[], config: TeamConfig, period: Period): Forecast {
  const stageOf = (account: Account) => stageById(config, account.stage);
  const isWon = (a: Account) => (a.role === 'ae' ? stageOf(a)?.won === true : a.data.handoff !== undefined);
  const won = accounts.filter((a) => isWon(a) && inPeriod(closeDateOf(a), period));
  const deals = accounts
    .filter((a) => a.role === 'ae' && !stageOf(a)?.closed && inPeriod(closeDateOf(a), period))
    .map((account) => ({ account, probability: winProbability(account, config) }));
  const opportunities = accounts.flatMap((a) => opportunitiesOf(a, config));
  const expansion = opportunities.filter((o) => !stageById(config, o.stage)?.closed && inPeriod(o.closeDate, period));
  const wonExpansion = opportunities.filter((o) => stageById(config, o.stage)?.won && inPeriod(o.closeDate, period));

  const totals = new Map<string, ForecastTotal>();
  const total = (currency: string) => {
    let existing = totals.get(currency);
    if (!existing) totals.set(currency, (existing = { currency, won: 0, deals: 0, dealsWeighted: 0, expansion: 0, expansionWeighted: 0, forecast: 0 }));
    return existing;
  };
  const value = (a: Account) => arrOf(a) ?? 0;
  for (const a of won) total(currencyOf(a) ?? '').won += value(a);
  for (const o of wonExpansion) total(o.currency).won += o.value;
  for (const { account, probability } of deals) {
    const t = total(currencyOf(account) ?? '');
    t.deals += value(account);
    t.dealsWeighted += (value(account) * probability) / 100;
  }
  for (const o of expansion) {
    const t = total(o.currency);
    t.expansion += o.value;
    t.expansionWeighted += (o.value * o.probability) / 100;
  }
  for (const t of totals.values()) t.forecast = t.won + t.dealsWeighted + t.expansionWeighted;
  return { won, deals, expansion, wonExpansion, totals: [...totals.values()].sort((a, b) => b.forecast - a.forecast) };
}
