/** Amounts for people: `USD 120,000`, or compact `USD 120K` where space is short (tree descriptions). */
export function formatMoney(value: number, currency: string, compact = false): string {
  const amount = new Intl.NumberFormat('en-US', compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(value);
  return currency ? `${currency} ${amount}` : amount;
}
