/** An AM account's expansion opportunities (upsell, cross-sell) as the report and the Pipeline count them. */
import { currencyOf, type Account } from '../model/account';
import { isCalendarDay, type CalendarDay } from '../model/calendarDay';
import { isRecord } from '../model/record';
import type { TeamConfig } from '../model/teamConfig';
import { dealProbability } from './pipeline';

export interface Opportunity {
  account: Account;
  type: string;
  title: string;
  value: number;
  currency: string;
  stage: string;
  closeDate: CalendarDay | undefined;
  probability: number;
}

/** The expansion opportunities of AM accounts (upsell, cross-sell), with their stage's probability. */
export function opportunitiesOf(account: Account, config: TeamConfig): Opportunity[] {
  const list = account.data.opportunities;
  if (account.role !== 'am' || !Array.isArray(list)) return [];
  const currency = currencyOf(account) ?? '';
  return list.filter(isRecord).map((item) => {
    const stage = typeof item.stage === 'string' ? item.stage : '';
    return {
      account,
      type: typeof item.type === 'string' ? item.type : '',
      title: typeof item.title === 'string' ? item.title : '',
      value: typeof item.value === 'number' ? item.value : 0,
      currency,
      stage,
      closeDate: isCalendarDay(item.close_date) ? item.close_date : undefined,
      probability: dealProbability(config, stage),
    };
  });
}
