/** The rules an account's front-matter must follow. Findings name a YAML path; `account.ts` turns paths into lines. */
import * as l10n from '@vscode/l10n';
import { isCalendarDay } from '../model/calendarDay';
import { roleFolder, stageById, stagesOf, type TeamConfig } from '../model/teamConfig';
import { isRecord } from '../model/record';
import type { YamlPath } from './locate';
import type { Problem, ProblemCode, Severity } from '../model/problem';
import { closestStage, roleLabel, type Role } from '../model/stage';

export interface Finding {
  path: YamlPath;
  target: 'key' | 'value';
  severity: Severity;
  code: ProblemCode;
  message: string;
  fix?: Problem['fix'];
}

const DATE_KEYS = ['close_date', 'contract_start', 'contract_end', 'last_contact', 'next_step_date'];
const TEXT_KEYS = ['name', 'stage', 'ae', 'am', 'region', 'segment', 'currency', 'next_step'];

export function validateAccount(data: Record<string, unknown>, role: Role, config: TeamConfig): Finding[] {
  const findings: Finding[] = [];
  const error = (path: YamlPath, code: ProblemCode, message: string, target: 'key' | 'value' = 'value') =>
    findings.push({ path, target, severity: 'error', code, message });

  for (const key of ['name', 'stage']) {
    if (data[key] === undefined || data[key] === null || data[key] === '') {
      const message = key === 'stage' ? l10n.t("an account needs 'stage:' (one of: {0})", stageIds(config, role)) : l10n.t("an account needs '{0}:'", key);
      error([key], 'missing-key', message, 'key');
    }
  }
  for (const key of TEXT_KEYS) {
    const value = data[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      error([key], 'invalid-type', l10n.t("'{0}' must be text, not {1}", key, describe(value)));
    }
  }
  if (typeof data.stage === 'string' && data.stage !== '') findings.push(...validateStage(data.stage, role, config));
  for (const key of DATE_KEYS) checkDate(data, [key], findings);
  checkNumber(data, ['arr'], findings, { min: 0 });
  checkNumber(data, ['probability'], findings, { min: 0, max: 100, what: l10n.t('a percentage from 0 to 100') });
  checkNumber(data, ['notice_days'], findings, { min: 0, whole: true, what: l10n.t('a whole number of days') });
  checkNumber(data, ['health'], findings, { min: 1, max: 10, what: l10n.t('a score from 1 to 10') });
  if (data.auto_renew !== undefined && data.auto_renew !== null && typeof data.auto_renew !== 'boolean') {
    error(['auto_renew'], 'invalid-boolean', l10n.t("'auto_renew' must be true or false, not {0}", describe(data.auto_renew)));
  }
  if (data.scores !== undefined && data.scores !== null) {
    if (!isRecord(data.scores)) error(['scores'], 'invalid-type', l10n.t("'scores' must be a mapping of criteria to scores from 1 to 10, such as 'growth_potential: 8'"));
    else for (const criterion of Object.keys(data.scores)) checkNumber(data.scores, ['scores', criterion], findings, { min: 1, max: 10, what: l10n.t('a score from 1 to 10') });
  }
  checkList(data, 'contacts', findings, (contact, path) => {
    if (!isRecord(contact)) error(path, 'invalid-type', l10n.t('each contact must be a mapping such as {0}', "'{ name: Sari Wijaya, role: champion, email: sari@acme.example }'"));
    else if (typeof contact.name !== 'string' || contact.name.trim() === '') error(path, 'missing-key', l10n.t("each contact needs a 'name'"));
  });
  checkList(data, 'tags', findings, (tag, path) => {
    if (typeof tag !== 'string' && typeof tag !== 'number') error(path, 'invalid-type', l10n.t('a tag must be a word, not {0}', describe(tag)));
  });
  checkList(data, 'opportunities', findings, (opportunity, path) => {
    if (!isRecord(opportunity)) {
      error(path, 'invalid-type', l10n.t('each opportunity must be a mapping with type, title, value, stage and close_date'));
      return;
    }
    if (opportunity.type !== 'upsell' && opportunity.type !== 'cross-sell') {
      error('type' in opportunity ? [...path, 'type'] : path, 'invalid-value', l10n.t("an opportunity's type must be 'upsell' or 'cross-sell'"));
    }
    checkNumber(opportunity, [...path, 'value'], findings, { min: 0 });
    checkDate(opportunity, [...path, 'close_date'], findings);
    if (typeof opportunity.stage === 'string') {
      const stage = stageById(config, opportunity.stage);
      if (!stage || stage.role !== 'ae') {
        error([...path, 'stage'], 'unknown-stage', l10n.t("an opportunity's stage must be one of the AE stages: {0}", stageIds(config, 'ae')));
      }
    }
  });
  const stage = stageById(config, data.stage);
  if (role === 'am' && stage?.role === 'am' && !stage.closed && isBlank(data.contract_end)) {
    // Information, not an error: the account is valid, but no renewal will ever be flagged for it.
    findings.push({
      path: ['stage'],
      target: 'key',
      severity: 'info',
      code: 'missing-contract-end',
      message: l10n.t("no 'contract_end:': this customer's renewal is not tracked; add the day the contract ends, such as 'contract_end: 2027-12-31'"),
    });
  }
  if (data.handoff !== undefined && data.handoff !== null) {
    if (!isRecord(data.handoff)) error(['handoff'], 'invalid-type', l10n.t("'handoff' must be a mapping with date, from and to"));
    else checkDate(data.handoff, ['handoff', 'date'], findings);
  }
  return findings;
}

function validateStage(id: string, role: Role, config: TeamConfig): Finding[] {
  const stage = stageById(config, id);
  if (!stage) {
    const suggestion = closestStage(id, stagesOf(config, role)) ?? closestStage(id, config.stages);
    return [
      {
        path: ['stage'],
        target: 'value',
        severity: 'error',
        code: 'unknown-stage',
        message: suggestion
          ? l10n.t("stage '{0}' is not a stage of this team; did you mean '{1}'?", id, suggestion.id)
          : l10n.t("stage '{0}' is not a stage of this team; {1} stages are: {2}", id, roleLabel(role), stageIds(config, role)),
        fix: suggestion && { title: l10n.t("Change stage to '{0}'", suggestion.id), replacement: suggestion.id },
      },
    ];
  }
  if (stage.role !== role) {
    const folder = `${roleFolder(config, role)}/`;
    const crossing = role === 'ae' ? l10n.t('hand the account off to an AM') : l10n.t('hand the account back to an AE');
    return [
      {
        path: ['stage'],
        target: 'value',
        severity: 'error',
        code: 'stage-role-mismatch',
        message: l10n.t("stage '{id}' is an {stageRole} stage, but this file is in the {role} folder ({folder}); use an {role} stage ({stages}) or {crossing}", {
          id,
          stageRole: roleLabel(stage.role),
          role: roleLabel(role),
          folder,
          stages: stageIds(config, role),
          crossing,
        }),
      },
    ];
  }
  return [];
}

function checkDate(owner: Record<string, unknown>, path: YamlPath, findings: Finding[]) {
  const key = String(path[path.length - 1]);
  const value = owner[key];
  if (value === undefined || value === null || isCalendarDay(value)) return;
  const shown = typeof value === 'string' ? `'${value}'` : describe(value);
  findings.push({
    path,
    target: 'value',
    severity: 'error',
    code: 'invalid-date',
    message: l10n.t("'{0}' must be a real calendar day written YYYY-MM-DD, such as 2026-12-15; {1} is not", key, shown),
  });
}

interface NumberRule {
  min?: number;
  max?: number;
  whole?: boolean;
  what?: string;
}

function checkNumber(owner: Record<string, unknown>, path: YamlPath, findings: Finding[], rule: NumberRule) {
  const key = String(path[path.length - 1]);
  const value = owner[key];
  if (value === undefined || value === null) return;
  const what = rule.what ?? l10n.t('a number');
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const hint = typeof value === 'string' && /^[\d.,\s]+$/.test(value) ? l10n.t(' (write it without quotes or separators, such as {0})', value.replace(/[,\s]/g, '')) : '';
    findings.push({ path, target: 'value', severity: 'error', code: 'invalid-number', message: l10n.t("'{0}' must be {1}, not {2}", key, what, describe(value)) + hint });
    return;
  }
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max) || (rule.whole && !Number.isInteger(value))) {
    findings.push({ path, target: 'value', severity: 'error', code: 'out-of-range', message: l10n.t("'{0}' must be {1}; {2} is out of range", key, what, value) });
  }
}

function checkList(data: Record<string, unknown>, key: string, findings: Finding[], each: (item: unknown, path: YamlPath) => void) {
  const value = data[key];
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    findings.push({ path: [key], target: 'value', severity: 'error', code: 'invalid-type', message: l10n.t("'{0}' must be a list", key) });
    return;
  }
  value.forEach((item, index) => each(item, [key, index]));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function stageIds(config: TeamConfig, role: Role): string {
  return stagesOf(config, role).map((s) => s.id).join(', ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return l10n.t("the text '{0}'", value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return l10n.t('a list');
  if (value !== null && typeof value === 'object') return l10n.t('a mapping');
  return String(value);
}
