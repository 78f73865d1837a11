/**
 * The period report managers and AMs ask for: pipeline by stage, the weighted forecast, deals won
 * and lost, renewals due, quota attainment, key accounts and accounts needing attention. Plain data;
 * `output/reportFormats.ts` writes it as Markdown and CSV for people and spreadsheets.
 */
import * as l10n from '@vscode/l10n';
import { aeOf, amOf, arrOf, closeDateOf, currencyOf, healthOf, ownerOf, type Account } from '../model/account';
import type { CalendarDay } from '../model/calendarDay';
import { formatDay } from '../model/displayLocale';
import { stageById, type TeamConfig } from '../model/teamConfig';
import type { Opportunity } from './opportunities';
import { forecastOf, type ForecastTotal } from './forecast';
import { isLost, totalsOf, type MoneyTotal } from './pipeline';
import { inPeriod, yearOf, type Period } from '../model/period';
import { overdueStepOf, staleContactOf } from './reminders';
import { needsAttention, renewalOf, severityLabel, type RenewalSeverity } from './renewal';
import { rankAccounts } from './scoring';
import type { Role } from '../model/stage';

export interface Report {
  period: Period;
  today: CalendarDay;
  /** The team the report is of: its stages' names for people. */
  config: TeamConfig;
  pipeline: { stage: string; role: Role; count: number; totals: MoneyTotal[] }[];
  forecast: {
    deals: { account: Account; probability: number }[];
    expansion: Opportunity[];
    /** Per currency: won in the period, open deals and expansion closing in it (value and weighted). */
    totals: ForecastTotal[];
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

  const { won, deals, expansion, wonExpansion, totals } = forecastOf(accounts, config, period);
  const lost = accounts.filter((a) => a.role === 'ae' && isLost(a, config) && inPeriod(closeDateOf(a), period));
  const value = (a: Account) => arrOf(a) ?? 0;

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
      if (renewal && needsAttention(renewal)) reasons.push(l10n.t('renewal: {0} (contract ends {1})', severityLabel(renewal.severity), formatDay(renewal.contractEnd, true)));
      const health = healthOf(account);
      if (health !== undefined && health <= 3 && !stageOf(account)?.closed) reasons.push(l10n.t('health {0}/10', health));
      const stale = staleContactOf(account, config, today);
      if (stale) reasons.push(l10n.t('no contact for {0} days', stale.days));
      const step = overdueStepOf(account, config, today);
      if (step) reasons.push(l10n.t('next step overdue since {0}', formatDay(step.date, true)));
      return { account, reasons };
    })
    .filter((entry) => entry.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.account.name.localeCompare(b.account.name));

  return {
    period,
    today,
    config,
    pipeline,
    forecast: { deals, expansion, totals },
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
    pipeline: report.pipeline.map(({ stage, role, count, totals }) => ({ stage, role, count, totals })),
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
