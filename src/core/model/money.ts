/** Amounts for people in the display language (model/displayLocale): `USD 120,000`, or compact `USD 120K` where space is short (tree descriptions). */
import { arrOf, currencyOf, type Account } from './account';
import { formatNumber } from './displayLocale';

export function formatMoney(value: number, currency: string, compact = false): string {
  const amount = formatNumber(value, compact);
  return currency ? `${currency} ${amount}` : amount;
}

/** An account's `arr` in its currency, for people; undefined when it has none. */
export function formatArr(account: Account, compact = false): string | undefined {
  const arr = arrOf(account);
  return arr === undefined ? undefined : formatMoney(arr, currencyOf(account) ?? '', compact);
}
