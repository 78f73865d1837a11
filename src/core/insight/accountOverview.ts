/**
 * One account on one page (Show Account Overview): who, what, how it is going, as sections of rows
 * of plain text for people — labels in the display language, numbers and days through
 * `model/displayLocale`, stages by their label — and the file line each row comes from. The
 * renderer (`output/overviewHtml.ts`) escapes; this module decides what is said.
 */
import * as l10n from '@vscode/l10n';
import { aeOf, amOf, closeDateOf, contractEndOf, healthOf, lastContactOf, nextStepDateOf, nextStepOf, regionOf, tagsOf, type Account } from '../model/account';
import { daysBetween, isCalendarDay, type CalendarDay } from '../model/calendarDay';
import { formatDay, formatNumber } from '../model/displayLocale';
import { formatArr, formatMoney } from '../model/money';
import { isRecord } from '../model/record';
import { stageLabel } from '../model/stage';
import { stageById, stageNameOf, type TeamConfig } from '../model/teamConfig';
import { checkupsOf } from './checkupLog';
import { opportunitiesOf } from './opportunities';
import { winProbability } from './pipeline';
import { relativeDays, renewalOf, severityLabel } from './renewal';
import { overdueStepOf, staleContactOf } from './reminders';
import { scoreOf } from './scoring';

/** How a row should catch the eye: `alert` (act now), `warn` (soon), `good`. */
export type Tone = 'alert' | 'warn' | 'good';

export interface OverviewRow {
  label: string;
  value: string;
  /** 0-based line of the account's file this row is read from: the page links there. */
  line?: number;
  tone?: Tone;
  /** A 1–10 value to draw as a meter (health, satisfaction). */
  meter?: number;
}

export type SectionId = 'who' | 'deal' | 'renewal' | 'opportunities' | 'keyAccount' | 'health' | 'checkups' | 'story';

export interface OverviewSection {
  id: SectionId;
  title: string;
  rows: OverviewRow[];
  /** What the section says when it has no rows. */
  empty: string;
}

export interface AccountOverview {
  name: string;
  file: string;
  /** "AM account · Active · budi@example.com" */
  subtitle: string;
  sections: OverviewSection[];
}

export interface OverviewInput {
  account: Account;
  config: TeamConfig;
  today: CalendarDay;
  /** The file's text, for the check-ups in its body; without it the page says none were logged. */
  text?: string;
  /** The account's place among the team's scored accounts (`rankAccounts`), when it has one. */
  rank?: { rank: number; key: boolean };
  /**
   * The account's story (its history from git), when there is one to tell: a section of its own
   * between how it is going and the check-ups. Reserved for the issue that adds it.
   */
  story?: OverviewRow[];
}

export function accountOverview(input: OverviewInput): AccountOverview {
  const { account, config } = input;
  const stage = stageById(config, account.stage);
  const subtitle = [
    account.role === 'ae' ? l10n.t('AE account') : l10n.t('AM account'),
    account.stage === undefined ? undefined : stageLabel(stage, account.stage),
    account.role === 'ae' ? aeOf(account) : amOf(account),
  ].filter((part) => part !== undefined && part !== '');
  const sections = [whoOf(account), dealOf(input), renewalSection(input), opportunitySection(account, config), keyAccountOf(input), progressOf(input)];
  if (input.story) sections.push({ id: 'story', title: l10n.t('Story'), rows: input.story, empty: '' });
  sections.push(checkupSection(input.text));
  return { name: account.name, file: account.file, subtitle: subtitle.join(' · '), sections };
}

/** The line of a top-level key, when the file has it. */
const lineOf = (account: Account, key: string) => account.keys.get(key)?.line;

/** `Dec 1, 2026 (in 9 days)` */
function dayAndDistance(day: CalendarDay, today: CalendarDay): string {
  return `${formatDay(day, true)} (${relativeDays(daysBetween(today, day))})`;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);

function whoOf(account: Account): OverviewSection {
  const rows: OverviewRow[] = [];
  const person = (label: string, key: string, value: string | undefined) => value && rows.push({ label, value, line: lineOf(account, key) });
  person(l10n.t('AE'), 'ae', aeOf(account));
  person(l10n.t('AM'), 'am', amOf(account));
  person(l10n.t('Region'), 'region', regionOf(account));
  const contacts = account.data.contacts;
  for (const contact of Array.isArray(contacts) ? contacts : []) {
    const fields: Record<string, unknown> = isRecord(contact) ? contact : { name: contact };
    const name = text(fields.name);
    const email = text(fields.email);
    if (!name && !email) continue;
    rows.push({ label: text(fields.role) ?? l10n.t('Contact'), value: [name, email].filter(Boolean).join(' · '), line: lineOf(account, 'contacts') });
  }
  return { id: 'who', title: l10n.t('Who'), rows, empty: l10n.t('No people named yet.') };
}

function dealOf({ account, config, today }: OverviewInput): OverviewSection {
  const rows: OverviewRow[] = [];
  const stage = stageById(config, account.stage);
  if (account.stage !== undefined) rows.push({ label: l10n.t('Stage'), value: stageLabel(stage, account.stage), line: lineOf(account, 'stage'), tone: stage?.closed && !stage.won ? 'alert' : undefined });
  const value = formatArr(account);
  if (value) rows.push({ label: l10n.t('Annual value'), value, line: lineOf(account, 'arr') });
  if (account.role === 'ae' && !stage?.closed) {
    rows.push({ label: l10n.t('Win probability'), value: `${formatNumber(winProbability(account, config))}%`, line: lineOf(account, 'probability') ?? lineOf(account, 'stage') });
  }
  const close = closeDateOf(account);
  if (close) rows.push({ label: l10n.t('Close date'), value: dayAndDistance(close, today), line: lineOf(account, 'close_date') });
  const start = account.data.contract_start;
  if (isCalendarDay(start)) rows.push({ label: l10n.t('Contract start'), value: formatDay(start, true), line: lineOf(account, 'contract_start') });
  const end = contractEndOf(account);
  if (end) rows.push({ label: l10n.t('Contract end'), value: dayAndDistance(end, today), line: lineOf(account, 'contract_end') });
  const tags = tagsOf(account);
  if (tags.length > 0) rows.push({ label: l10n.t('Tags'), value: tags.join(', '), line: lineOf(account, 'tags') });
  return { id: 'deal', title: l10n.t('What'), rows, empty: l10n.t('No value or dates yet.') };
}

function renewalSection({ account, config, today }: OverviewInput): OverviewSection {
  const renewal = renewalOf(account, config, today);
  const rows: OverviewRow[] = [];
  if (renewal) {
    const tone: Tone | undefined = renewal.severity === 'ok' || renewal.severity === 'info' ? 'good' : renewal.severity === 'warning' ? 'warn' : 'alert';
    const line = lineOf(account, 'contract_end');
    rows.push({ label: l10n.t('Renewal'), value: severityLabel(renewal.severity), line, tone });
    rows.push({ label: l10n.t('Notice deadline'), value: dayAndDistance(renewal.noticeDeadline, today), line: lineOf(account, 'notice_days') ?? line, tone });
    rows.push({ label: l10n.t('Notice period'), value: l10n.t('{0} days', formatNumber(renewal.noticeDays)), line: lineOf(account, 'notice_days') });
    rows.push({ label: l10n.t('Auto-renew'), value: renewal.autoRenew ? l10n.t('yes') : l10n.t('no'), line: lineOf(account, 'auto_renew') });
  }
  return { id: 'renewal', title: l10n.t('Renewal'), rows, empty: account.role === 'ae' ? l10n.t('A deal has no renewal yet.') : l10n.t('No contract end date.') };
}

function opportunitySection(account: Account, config: TeamConfig): OverviewSection {
  const line = lineOf(account, 'opportunities');
  const rows = opportunitiesOf(account, config).map((opportunity) => ({
    label: opportunity.title || opportunity.type || l10n.t('Opportunity'),
    value: [
      opportunity.title ? opportunity.type : '',
      formatMoney(opportunity.value, opportunity.currency),
      opportunity.stage ? stageNameOf(config, opportunity.stage) : '',
      `${formatNumber(opportunity.probability)}%`,
      opportunity.closeDate ? l10n.t('closes {0}', formatDay(opportunity.closeDate, true)) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    line,
  }));
  return { id: 'opportunities', title: l10n.t('Opportunities'), rows, empty: l10n.t('No upsell or cross-sell yet.') };
}

function keyAccountOf({ account, config, rank }: OverviewInput): OverviewSection {
  const scored = scoreOf(account, config);
  const rows: OverviewRow[] = [];
  if (scored) {
    const line = lineOf(account, 'scores');
    const place = rank ? (rank.key ? l10n.t('key account, #{0}', rank.rank) : l10n.t('#{0}', rank.rank)) : undefined;
    // The score has one decimal: the compact format keeps it ("8.4", "8,4"), the plain one rounds.
    rows.push({ label: l10n.t('Score'), value: [`${formatNumber(scored.score, true)}/10`, place].filter(Boolean).join(' · '), line, tone: rank?.key ? 'good' : undefined });
    for (const criterion of scored.criteria) {
      const score = criterion.score === undefined ? l10n.t('not scored') : `${formatNumber(criterion.score)}/10`;
      rows.push({ label: criterion.name, value: l10n.t('{0} · weight {1}', score, formatNumber(criterion.weight)), line, meter: criterion.score });
    }
  }
  return { id: 'keyAccount', title: l10n.t('Key-account score'), rows, empty: l10n.t('Not scored yet.') };
}

function progressOf({ account, config, today }: OverviewInput): OverviewSection {
  const rows: OverviewRow[] = [];
  const health = healthOf(account);
  if (health !== undefined) {
    const tone: Tone = health <= 4 ? 'alert' : health <= 6 ? 'warn' : 'good';
    rows.push({ label: l10n.t('Health'), value: `${formatNumber(health)}/10`, line: lineOf(account, 'health'), tone, meter: health >= 1 && health <= 10 ? health : undefined });
  }
  const last = lastContactOf(account);
  if (last) rows.push({ label: l10n.t('Last contact'), value: dayAndDistance(last, today), line: lineOf(account, 'last_contact'), tone: staleContactOf(account, config, today) ? 'warn' : undefined });
  const step = nextStepOf(account);
  if (step) rows.push({ label: l10n.t('Next step'), value: step, line: lineOf(account, 'next_step') });
  const stepDay = nextStepDateOf(account);
  if (stepDay) rows.push({ label: l10n.t('Next step date'), value: dayAndDistance(stepDay, today), line: lineOf(account, 'next_step_date'), tone: overdueStepOf(account, config, today) ? 'alert' : undefined });
  return { id: 'health', title: l10n.t('How it is going'), rows, empty: l10n.t('No health, contact or next step yet.') };
}

/** The check-ups, newest first, with satisfaction over time as the first row. */
function checkupSection(text: string | undefined): OverviewSection {
  const checkups = text === undefined ? [] : checkupsOf(text);
  const rows: OverviewRow[] = checkups
    .map((checkup) => ({ label: formatDay(checkup.day, true), value: checkup.satisfaction === undefined ? checkup.outcome : l10n.t('{0} (satisfaction {1}/10)', checkup.outcome, checkup.satisfaction), line: checkup.line, meter: checkup.satisfaction }))
    .reverse();
  const scores = checkups.flatMap((checkup) => (checkup.satisfaction === undefined ? [] : [checkup.satisfaction]));
  if (scores.length > 1) {
    const [first, last] = [scores[0], scores[scores.length - 1]];
    const trend = last > first ? l10n.t('rising') : last < first ? l10n.t('falling') : l10n.t('steady');
    rows.unshift({ label: l10n.t('Satisfaction over time'), value: `${scores.join(' → ')} (${trend})`, tone: last < first ? 'warn' : last > first ? 'good' : undefined });
  }
  return { id: 'checkups', title: l10n.t('Check-ups'), rows, empty: l10n.t('No check-ups logged yet.') };
}
