/** The rules an account's front-matter must follow. Findings name a YAML path; `account.ts` turns paths into lines. */
import { isCalendarDay } from './calendarDay';
import { isRecord, roleFolder, type TeamConfig } from './config';
import type { YamlPath } from './locate';
import type { Problem, ProblemCode, Severity } from './problem';
import { closestStage, roleLabel, type Role } from './stage';

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
      error([key], 'missing-key', `an account needs '${key}:'${key === 'stage' ? ` (one of: ${stageIds(config, role)})` : ''}`, 'key');
    }
  }
  for (const key of TEXT_KEYS) {
    const value = data[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      error([key], 'invalid-type', `'${key}' must be text, not ${describe(value)}`);
    }
  }
  if (typeof data.stage === 'string' && data.stage !== '') findings.push(...validateStage(data.stage, role, config));
  for (const key of DATE_KEYS) checkDate(data, [key], findings);
  checkNumber(data, ['arr'], findings, { min: 0 });
  checkNumber(data, ['probability'], findings, { min: 0, max: 100, what: 'a percentage from 0 to 100' });
  checkNumber(data, ['notice_days'], findings, { min: 0, whole: true, what: 'a whole number of days' });
  checkNumber(data, ['health'], findings, { min: 1, max: 10, what: 'a score from 1 to 10' });
  if (data.auto_renew !== undefined && data.auto_renew !== null && typeof data.auto_renew !== 'boolean') {
    error(['auto_renew'], 'invalid-boolean', `'auto_renew' must be true or false, not ${describe(data.auto_renew)}`);
  }
  if (data.scores !== undefined && data.scores !== null) {
    if (!isRecord(data.scores)) error(['scores'], 'invalid-type', `'scores' must be a mapping of criteria to scores from 1 to 10, such as 'growth_potential: 8'`);
    else for (const criterion of Object.keys(data.scores)) checkNumber(data.scores, ['scores', criterion], findings, { min: 1, max: 10, what: 'a score from 1 to 10' });
  }
  checkList(data, 'contacts', findings, (contact, path) => {
    if (!isRecord(contact)) error(path, 'invalid-type', `each contact must be a mapping such as '{ name: Sari Wijaya, role: champion, email: sari@acme.example }'`);
    else if (typeof contact.name !== 'string' || contact.name.trim() === '') error(path, 'missing-key', `each contact needs a 'name'`);
  });
  checkList(data, 'tags', findings, (tag, path) => {
    if (typeof tag !== 'string' && typeof tag !== 'number') error(path, 'invalid-type', `a tag must be a word, not ${describe(tag)}`);
  });
  checkList(data, 'opportunities', findings, (opportunity, path) => {
    if (!isRecord(opportunity)) {
      error(path, 'invalid-type', `each opportunity must be a mapping with type, title, value, stage and close_date`);
      return;
    }
    if (opportunity.type !== 'upsell' && opportunity.type !== 'cross-sell') {
      error('type' in opportunity ? [...path, 'type'] : path, 'invalid-value', `an opportunity's type must be 'upsell' or 'cross-sell'`);
    }
    checkNumber(opportunity, [...path, 'value'], findings, { min: 0 });
    checkDate(opportunity, [...path, 'close_date'], findings);
    if (typeof opportunity.stage === 'string') {
      const stage = config.stages.find((s) => s.id === opportunity.stage);
      if (!stage || stage.role !== 'ae') {
        error([...path, 'stage'], 'unknown-stage', `an opportunity's stage must be one of the AE stages: ${stageIds(config, 'ae')}`);
      }
    }
  });
  if (data.handoff !== undefined && data.handoff !== null) {
    if (!isRecord(data.handoff)) error(['handoff'], 'invalid-type', `'handoff' must be a mapping with date, from and to`);
    else checkDate(data.handoff, ['handoff', 'date'], findings);
  }
  return findings;
}

function validateStage(id: string, role: Role, config: TeamConfig): Finding[] {
  const stage = config.stages.find((s) => s.id === id);
  if (!stage) {
    const suggestion = closestStage(id, config.stages.filter((s) => s.role === role)) ?? closestStage(id, config.stages);
    return [
      {
        path: ['stage'],
        target: 'value',
        severity: 'error',
        code: 'unknown-stage',
        message: suggestion
          ? `stage '${id}' is not a stage of this team; did you mean '${suggestion.id}'?`
          : `stage '${id}' is not a stage of this team; ${roleLabel(role)} stages are: ${stageIds(config, role)}`,
        fix: suggestion && { title: `Change stage to '${suggestion.id}'`, replacement: suggestion.id },
      },
    ];
  }
  if (stage.role !== role) {
    const folder = `${roleFolder(config, role)}/`;
    const crossing = role === 'ae' ? 'hand the account off to an AM' : 'hand the account back to an AE';
    return [
      {
        path: ['stage'],
        target: 'value',
        severity: 'error',
        code: 'stage-role-mismatch',
        message: `stage '${id}' is an ${roleLabel(stage.role)} stage, but this file is in the ${roleLabel(role)} folder (${folder}); use an ${roleLabel(role)} stage (${stageIds(config, role)}) or ${crossing}`,
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
    message: `'${key}' must be a real calendar day written YYYY-MM-DD, such as 2026-12-15; ${shown} is not`,
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
  const what = rule.what ?? 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const hint = typeof value === 'string' && /^[\d.,\s]+$/.test(value) ? ` (write it without quotes or separators, such as ${value.replace(/[,\s]/g, '')})` : '';
    findings.push({ path, target: 'value', severity: 'error', code: 'invalid-number', message: `'${key}' must be ${what}, not ${describe(value)}${hint}` });
    return;
  }
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max) || (rule.whole && !Number.isInteger(value))) {
    findings.push({ path, target: 'value', severity: 'error', code: 'out-of-range', message: `'${key}' must be ${what}; ${value} is out of range` });
  }
}

function checkList(data: Record<string, unknown>, key: string, findings: Finding[], each: (item: unknown, path: YamlPath) => void) {
  const value = data[key];
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    findings.push({ path: [key], target: 'value', severity: 'error', code: 'invalid-type', message: `'${key}' must be a list` });
    return;
  }
  value.forEach((item, index) => each(item, [key, index]));
}

function stageIds(config: TeamConfig, role: Role): string {
  return config.stages.filter((s) => s.role === role).map((s) => s.id).join(', ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}
