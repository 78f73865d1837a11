/**
 * The period report managers and AMs ask for: pipeline by stage, the weighted forecast, deals won
 * and lost, renewals due, quota attainment, key accounts and accounts needing attention. Plain data;
 * `output/reportFormats.ts` writes it as Markdown and CSV for people and spreadsheets.
 */
import * as l10n from '@vscode/l10n';
import { aeOf, amOf, arrOf, closeDateOf, currencyOf, healthOf, ownerOf, type Account } from '../model/account';
import type { CalendarDay } from '../model/calendarDay';
import { stageById, type TeamConfig } from '../model/teamConfig';
import { opportunitiesOf, type Opportunity } from './opportunities';
import { totalsOf, winProbability, type MoneyTotal } from './pipeline';
import { inPeriod, yearOf, type Period } from '../model/period';
import { overdueStepOf, staleContactOf } from './reminders';
import { needsAttention, renewalOf, severityLabel, type RenewalSeverity } from './renewal';
import { rankAccounts } from './scoring';
import type { Role } from '../model/stage';

export interface Report {
  period: Period;
  today: CalendarDay;
  pipeline: { stage: string; role: Role; count: number; totals: MoneyTotal[] }[];
  forecast: {
    deals: { account: Account; probability: number }[];
    expansion: Opportunity[];
    /** Per currency: won in the period, open deals and expansion closing in it (value and weighted). */
    totals: { currency: string; won: number; deals: number; dealsWeighted: number; expansion: number; expansionWeighted: number; forecast: number }[];
  };
  won: Account[];
  lost: Account[];
  renewals: { account: Account; contractEnd: CalendarDay; severity: RenewalSeverity }[];
  quota: { person: string; role: Role | undefined; region: string | undefined; quota: number; attained: number; attainment: number }[];
  keyAccounts: ReturnType<typeof rankAccounts>;
  attention: { account: Account; reasons: string[] }[];
}

export function buildReport(accounts: readonly Account[], config: TeamConfig, period: Period, today: CalendarDay): Report {
  const stageOf = (account: Account) => stageById(config, account.stage);
  const byStage = (id: string) => accounts.filter((a) => a.stage === id);
  const pipeline = config.stages.map((stage) => {
    const members = byStage(stage.id).filter((a) => a.role === stage.role);
    return { stage: stage.id, role: stage.role, count: members.length, totals: totalsOf(members, config) };
  });

  // A deal counts as won in the period by its close_date: still in the won stage, or handed off since.
  const isWon = (a: Account) => (a.role === 'ae' ? stageOf(a)?.won === true : a.data.handoff !== undefined);
  const won = accounts.filter((a) => isWon(a) && inPeriod(closeDateOf(a), period));
  const lost = accounts.filter((a) => a.role === 'ae' && stageOf(a)?.closed && !stageOf(a)?.won && inPeriod(closeDateOf(a), period));
  const deals = accounts
    .filter((a) => a.role === 'ae' && !stageOf(a)?.closed && inPeriod(closeDateOf(a), period))
    .map((account) => ({ account, probability: winProbability(account, config) }));
  const allOpportunities = accounts.flatMap((a) => opportunitiesOf(a, config));
  const expansion = allOpportunities.filter((o) => !stageById(config, o.stage)?.closed && inPeriod(o.closeDate, period));
  const wonExpansion = allOpportunities.filter((o) => stageById(config, o.stage)?.won && inPeriod(o.closeDate, period));

  const totals = new Map<string, Report['forecast']['totals'][number]>();
  const total = (currency: string) => {
    const existing = totals.get(currency) ?? { currency, won: 0, deals: 0, dealsWeighted: 0, expansion: 0, expansionWeighted: 0, forecast: 0 };
    totals.set(currency, existing);
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

  const renewals = accounts
    .map((account) => renewalOf(account, config, today))
    .filter((r) => r !== undefined && inPeriod(r.contractEnd, period))
    .map((r) => ({ account: r!.account, contractEnd: r!.contractEnd, severity: r!.severity }))
    .sort((a, b) => a.contractEnd.localeCompare(b.contractEnd));

  // Quota: AEs by the deals they won in the period; AMs by the expansion they won on their accounts.
  const quota = config.team
    .map((member) => {
      // The period's own quota; for a year without one, the sum of its quarters' quotas.
      const quarters = Object.entries(member.quota).filter(([id]) => period.id.length === 4 && id.startsWith(`${yearOf(period)}-Q`));
      const amount = member.quota[period.id] ?? (quarters.length > 0 ? quarters.reduce((sum, [, q]) => sum + q, 0) : undefined);
      if (amount === undefined) return undefined;
      const attained =
        member.role === 'am'
          ? wonExpansion.filter((o) => amOf(o.account) === member.id).reduce((sum, o) => sum + o.value, 0)
          : won.filter((a) => aeOf(a) === member.id).reduce((sum, a) => sum + value(a), 0);
      return { person: member.id, role: member.role, region: member.region, quota: amount, attained, attainment: amount > 0 ? attained / amount : 0 };
    })
    .filter((q): q is NonNullable<typeof q> => q !== undefined);

  const attention = accounts
    .map((account) => {
      const reasons: string[] = [];
      const renewal = renewalOf(account, config, today);
      if (renewal && needsAttention(renewal)) reasons.push(l10n.t('renewal: {0} (contract ends {1})', severityLabel(renewal.severity), renewal.contractEnd));
      const health = healthOf(account);
      if (health !== undefined && health <= 3 && !stageOf(account)?.closed) reasons.push(l10n.t('health {0}/10', health));
      const stale = staleContactOf(account, config, today);
      if (stale) reasons.push(l10n.t('no contact for {0} days', stale.days));
      const step = overdueStepOf(account, config, today);
      if (step) reasons.push(l10n.t('next step overdue since {0}', step.date));
      return { account, reasons };
    })
    .filter((entry) => entry.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.account.name.localeCompare(b.account.name));

  return {
    period,
    today,
    pipeline,
    forecast: { deals, expansion, totals: [...totals.values()].sort((a, b) => b.forecast - a.forecast) },
    won,
    lost,
    renewals,
    quota,
    keyAccounts: rankAccounts(accounts, config).filter((entry) => entry.key),
    attention,
  };
}

/** The report as JSON: snake_case keys, accounts by file and name, numbers as numbers. */
export function reportToJson(report: Report) {
  const ref = (a: Account) => ({ file: a.file, name: a.name });
  const money = (a: Account) => ({ currency: currencyOf(a) ?? '', value: arrOf(a) ?? 0 });
  return {
    period: report.period,
    today: report.today,
    pipeline: report.pipeline,
    forecast: {
      deals: report.forecast.deals.map(({ account, probability }) => ({ ...ref(account), stage: account.stage, close_date: closeDateOf(account), ...money(account), probability })),
      expansion: report.forecast.expansion.map((o) => ({ ...ref(o.account), type: o.type, title: o.title, stage: o.stage, close_date: o.closeDate, currency: o.currency, value: o.value, probability: o.probability })),
      totals: report.forecast.totals.map((t) => ({ currency: t.currency, won: t.won, deals: t.deals, deals_weighted: t.dealsWeighted, expansion: t.expansion, expansion_weighted: t.expansionWeighted, forecast: t.forecast })),
    },
    won: report.won.map((a) => ({ ...ref(a), close_date: closeDateOf(a), owner: aeOf(a) ?? null, ...money(a) })),
    lost: report.lost.map((a) => ({ ...ref(a), close_date: closeDateOf(a), owner: aeOf(a) ?? null, ...money(a) })),
    renewals: report.renewals.map((r) => ({ ...ref(r.account), contract_end: r.contractEnd, severity: r.severity, owner: ownerOf(r.account) ?? null, ...money(r.account) })),
    quota: report.quota.map((q) => ({ person: q.person, role: q.role ?? null, region: q.region ?? null, quota: q.quota, attained: q.attained, attainment: Math.round(q.attainment * 1000) / 1000 })),
    key_accounts: report.keyAccounts.map((k) => ({ rank: k.rank, ...ref(k.account), score: k.score, criteria: Object.fromEntries(k.criteria.map((c) => [c.name, c.score ?? null])) })),
    attention: report.attention.map((a) => ({ ...ref(a.account), reasons: a.reasons })),
  };
}
