/** Amounts for people: `USD 120,000`, or compact `USD 120K` where space is short (tree descriptions). */
import { arrOf, currencyOf, type Account } from './account';

export function formatMoney(value: number, currency: string, compact = false): string {
  const amount = new Intl.NumberFormat('en-US', compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(value);
  return currency ? `${currency} ${amount}` : amount;
}

/** An account's `arr` in its currency, for people; undefined when it has none. */
export function formatArr(account: Account, compact = false): string | undefined {
  const arr = arrOf(account);
  return arr === undefined ? undefined : formatMoney(arr, currencyOf(account) ?? '', compact);
}
