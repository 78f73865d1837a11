/** Reads `.handoff.yml` into a TeamConfig: the defaults, overridden key by key, and the file's own problems. */
import * as l10n from '@vscode/l10n';
import { LineCounter, parseDocument } from 'yaml';
import { CONFIG_FILE, defaultConfig, stageById, stagesOf, type TeamConfig, type TeamMember } from '../model/teamConfig';
import type { Problem, ProblemCode, Severity } from '../model/problem';
import { isRecord } from '../model/record';
import type { Role, Stage } from '../model/stage';
import { locate, type YamlPath } from './locate';
import { workspacePath } from './workspacePath';
import { duplicateKey, YAML_1_2 } from './yamlDocument';

export interface ConfigResult {
  config: TeamConfig;
  problems: Problem[];
}

type Complain = (path: YamlPath, message: string, code?: ProblemCode, severity?: Severity, target?: 'key' | 'value') => void;

/** Reads `.handoff.yml` (undefined when the file does not exist). Never throws: broken parts fall back to defaults. */
export function parseConfig(text: string | undefined): ConfigResult {
  const config = defaultConfig();
  const problems: Problem[] = [];
  if (text === undefined) return { config, problems };
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = parseDocument(source, { ...YAML_1_2, lineCounter });
  const bomShift = source === text ? 0 : 1;
  const at = (offset: number, endOffset: number) => {
    const start = lineCounter.linePos(offset);
    const end = lineCounter.linePos(Math.max(offset, endOffset));
    return { line: start.line, column: start.col + (start.line === 1 ? bomShift : 0), endLine: end.line, endColumn: end.col };
  };
  for (const error of document.errors) {
    problems.push({
      file: CONFIG_FILE,
      ...at(error.pos[0], error.pos[1]),
      severity: 'error',
      code: 'yaml-syntax',
      message: l10n.t('{0}; the default configuration stands in until this is fixed', firstLine(error.message)),
    });
  }
  const duplicate = document.errors.length === 0 ? duplicateKey(document) : undefined;
  if (duplicate) {
    const [start, end] = duplicate.range ?? [0, 0];
    problems.push({ file: CONFIG_FILE, ...at(start, end), severity: 'error', code: 'duplicate-key', message: l10n.t('{0}; the default configuration stands in until this is fixed', 'Map keys must be unique') });
  }
  if (document.errors.length > 0 || duplicate) return { config, problems };

  const report: Complain = (path, message, code = 'invalid-value', severity = 'error', target = 'value') => {
    const span = locate(document, path, target) ?? { start: 0, end: 0 };
    problems.push({ file: CONFIG_FILE, ...at(span.start, span.end), severity, code, message });
  };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report([], l10n.t('{0}; the default configuration stands in', (error as Error).message), 'alias-limit');
    return { config, problems };
  }
  if (data === null || data === undefined) return { config, problems };
  if (!isRecord(data)) {
    report([], l10n.t('the team configuration must be a mapping of keys (root, folders, stages, …); the defaults stand in'), 'not-a-mapping');
    return { config, problems };
  }
  readConfig(data, config, report);
  return { config, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}

const KNOWN_KEYS = ['root', 'folders', 'stages', 'handoff', 'renewal', 'contact', 'reminders', 'scoring', 'team'];

function readConfig(data: Record<string, unknown>, config: TeamConfig, report: Complain) {
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) {
      report([key], l10n.t("'{0}' is not a setting Handoff knows ({1}); it is ignored", key, KNOWN_KEYS.join(', ')), 'config-unknown-key', 'warning', 'key');
    }
  }
  if ('root' in data) {
    // `.` keeps the role folders at the top of the workspace.
    const root = configPath(data.root, ['root'], config.root, report, true);
    if (root !== undefined) config.root = root;
  }
  if ('folders' in data) readFolders(data.folders, config, report);
  if ('stages' in data) readStages(data.stages, config, report);
  if ('handoff' in data) readHandoff(data.handoff, config, report);
  if ('renewal' in data) readRenewal(data.renewal, config, report);
  if ('contact' in data && mapping(data.contact, ['contact'], report)) {
    const staleDays = (data.contact as Record<string, unknown>).stale_days;
    if (staleDays !== undefined) {
      if (isWholeNumber(staleDays, 1)) config.contact.staleDays = staleDays;
      else report(['contact', 'stale_days'], l10n.t("'stale_days' must be a whole number of days, 1 or more"), 'invalid-number');
    }
  }
  if ('reminders' in data && mapping(data.reminders, ['reminders'], report)) {
    const aheadDays = (data.reminders as Record<string, unknown>).ahead_days;
    if (aheadDays !== undefined) {
      if (isWholeNumber(aheadDays, 0)) config.reminders.aheadDays = aheadDays;
      else report(['reminders', 'ahead_days'], l10n.t("'ahead_days' must be a whole number of days, 0 or more (0 turns the reminders before a date off)"), 'invalid-number');
    }
  }
  if ('scoring' in data) readScoring(data.scoring, config, report);
  if ('team' in data) readTeam(data.team, config, report);
}

function readFolders(value: unknown, config: TeamConfig, report: Complain) {
  if (!mapping(value, ['folders'], report)) return;
  for (const role of ['ae', 'am'] as const) {
    const folder = value[role];
    if (folder === undefined) continue;
    const name = configPath(folder, ['folders', role], config.folders[role], report);
    if (name !== undefined) config.folders[role] = name;
  }
  const { ae, am } = config.folders;
  if (ae === am || ae.startsWith(`${am}/`) || am.startsWith(`${ae}/`)) {
    report(['folders'], l10n.t('the AE and AM folders must differ, neither inside the other; the defaults (ae, am) stand in'));
    config.folders = { ae: 'ae', am: 'am' };
  }
}

function readStages(value: unknown, config: TeamConfig, report: Complain) {
  if (!Array.isArray(value)) {
    report(['stages'], l10n.t("'stages' must be a list such as '- { id: demo, role: ae, probability: 40 }'; the default stages stand in"), 'invalid-type');
    return;
  }
  const stages: Stage[] = [];
  value.forEach((item, index) => {
    const path = ['stages', index];
    if (!isRecord(item)) {
      report(path, l10n.t('a stage must be a mapping with an id and a role, such as { id: demo, role: ae }'), 'invalid-type');
      return;
    }
    const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id).trim() : '';
    if (!/^[\w.-]+$/u.test(id)) {
      report('id' in item ? [...path, 'id'] : path, l10n.t('a stage needs an id: one word such as negotiation or closed_won'), 'missing-key');
      return;
    }
    if (stages.some((existing) => existing.id === id)) {
      report([...path, 'id'], l10n.t("stage '{0}' is listed twice; the first one counts", id));
      return;
    }
    if (item.role !== 'ae' && item.role !== 'am') {
      report('role' in item ? [...path, 'role'] : path, l10n.t("stage '{0}' needs 'role: ae' or 'role: am'", id), 'invalid-value');
      return;
    }
    let probability: number | undefined;
    if (item.probability !== undefined && item.probability !== null) {
      if (typeof item.probability === 'number' && item.probability >= 0 && item.probability <= 100) probability = item.probability;
      else report([...path, 'probability'], l10n.t("the probability of stage '{0}' must be a number from 0 to 100", id), 'out-of-range');
    }
    const flag = (key: 'closed' | 'won') => {
      if (item[key] === undefined) return false;
      if (typeof item[key] === 'boolean') return item[key] as boolean;
      report([...path, key], l10n.t("'{0}' must be true or false", key), 'invalid-boolean');
      return false;
    };
    let label: string | undefined;
    if (item.label !== undefined && item.label !== null) {
      if (typeof item.label === 'string' && item.label.trim() !== '' && item.label.length <= 60) label = item.label.trim();
      else report([...path, 'label'], l10n.t("the label of stage '{0}' must be a short text (at most 60 characters)", id), 'invalid-type');
    }
    let staleDays: number | undefined;
    if (item.stale_days !== undefined && item.stale_days !== null) {
      if (typeof item.stale_days === 'number' && Number.isInteger(item.stale_days) && item.stale_days >= 1 && item.stale_days <= 3650) staleDays = item.stale_days;
      else report([...path, 'stale_days'], l10n.t("the stale_days of stage '{0}' must be a whole number of days from 1 to 3650", id), 'out-of-range');
    }
    stages.push({ id, role: item.role, probability, closed: flag('closed'), won: flag('won'), ...(label === undefined ? {} : { label }), ...(staleDays === undefined ? {} : { staleDays }) });
  });
  for (const role of ['ae', 'am'] as const) {
    if (!stages.some((s) => s.role === role)) {
      report(['stages'], l10n.t('the stages need at least one {0} stage; the default stages stand in', role.toUpperCase()), 'invalid-value', 'error', 'key');
      return;
    }
  }
  config.stages = stages;
}

function readHandoff(value: unknown, config: TeamConfig, report: Complain) {
  if (!mapping(value, ['handoff'], report)) return;
  const stageOf = (key: 'from' | 'to', role: Role) => {
    const id = value[key];
    if (id === undefined) return;
    const found = stageById(config, id);
    if (!found || found.role !== role) {
      report(['handoff', key], l10n.t("'handoff.{0}' must be one of the {1} stages: {2}", key, role.toUpperCase(), stagesOf(config, role).map((s) => s.id).join(', ')));
      return;
    }
    config.handoff[key] = found.id;
  };
  stageOf('from', 'ae');
  stageOf('to', 'am');
  if (value.template !== undefined && value.template !== null) {
    const template = configPath(value.template, ['handoff', 'template'], null, report);
    if (template !== undefined) config.handoff.template = template;
  }
  if (value.notes !== undefined) {
    const notes = configPath(value.notes, ['handoff', 'notes'], config.handoff.notes, report);
    const { ae, am } = config.folders;
    const clash = notes !== undefined && [ae, am].some((folder) => notes === folder || notes.startsWith(`${folder}/`) || folder.startsWith(`${notes}/`));
    if (clash) report(['handoff', 'notes'], l10n.t("'handoff.notes' must be a folder of its own, neither an account folder nor inside one; the default '{0}' stands in", config.handoff.notes), 'config-path');
    else if (notes !== undefined) config.handoff.notes = notes;
  }
  if (value.require_note !== undefined) {
    const gate = value.require_note;
    // YAML 1.2 reads `off` as text; `false` (a YAML 1.1 habit) means the same.
    if (gate === 'off' || gate === false) config.handoff.requireNote = 'off';
    else if (gate === 'warning' || gate === 'error') config.handoff.requireNote = gate;
    else report(['handoff', 'require_note'], l10n.t("'handoff.require_note' must be off, warning or error; 'warning' stands in"));
  }
}

function readRenewal(value: unknown, config: TeamConfig, report: Complain) {
  if (!mapping(value, ['renewal'], report)) return;
  if (value.warn_days !== undefined) {
    const days = Array.isArray(value.warn_days) ? value.warn_days : [value.warn_days];
    if (days.length > 0 && days.every((d) => isWholeNumber(d, 0))) config.renewal.warnDays = [...(days as number[])].sort((a, b) => b - a);
    else report(['renewal', 'warn_days'], l10n.t("'warn_days' must be a list of whole numbers of days, such as [90, 60, 30]"), 'invalid-number');
  }
  if (value.notice_days !== undefined) {
    if (isWholeNumber(value.notice_days, 0)) config.renewal.noticeDays = value.notice_days;
    else report(['renewal', 'notice_days'], l10n.t("'notice_days' must be a whole number of days, 0 or more"), 'invalid-number');
  }
}

function readScoring(value: unknown, config: TeamConfig, report: Complain) {
  if (!mapping(value, ['scoring'], report)) return;
  if (value.criteria !== undefined && mapping(value.criteria, ['scoring', 'criteria'], report)) {
    const criteria: [string, number][] = [];
    for (const [name, weight] of Object.entries(value.criteria)) {
      if (typeof weight === 'number' && weight >= 0) criteria.push([name, weight]);
      else report(['scoring', 'criteria', name], l10n.t("the weight of '{0}' must be a number, 0 or more", name), 'invalid-number');
    }
    // fromEntries defines own keys: a criterion named `__proto__` is a criterion, not a prototype.
    config.scoring.criteria = Object.fromEntries(criteria);
  }
  if (value.key_accounts !== undefined) {
    if (isWholeNumber(value.key_accounts, 0)) config.scoring.keyAccounts = value.key_accounts;
    else report(['scoring', 'key_accounts'], l10n.t("'key_accounts' must be a whole number, 0 or more"), 'invalid-number');
  }
}

function readTeam(value: unknown, config: TeamConfig, report: Complain) {
  if (!Array.isArray(value)) {
    report(['team'], l10n.t("'team' must be a list of people, such as '- { id: budi@example.com, role: am }'"), 'invalid-type');
    return;
  }
  value.forEach((item, index) => {
    const path = ['team', index];
    if (!isRecord(item) || typeof item.id !== 'string' || item.id.trim() === '') {
      report(path, l10n.t('each team member needs an id (their e-mail, as the account files write it)'), 'missing-key');
      return;
    }
    const member: TeamMember = { id: item.id, quota: {} };
    if (item.role !== undefined) {
      if (item.role === 'ae' || item.role === 'am') member.role = item.role;
      else report([...path, 'role'], l10n.t("'role' must be ae or am"));
    }
    if (typeof item.region === 'string') member.region = item.region;
    if (item.quota !== undefined && mapping(item.quota, [...path, 'quota'], report)) {
      for (const [period, amount] of Object.entries(item.quota)) {
        if (!/^\d{4}(-Q[1-4])?$/.test(period)) report([...path, 'quota', period], l10n.t("'{0}' is not a period: write 2026 or 2026-Q4", period), 'invalid-value', 'error', 'key');
        else if (typeof amount !== 'number' || amount < 0) report([...path, 'quota', period], l10n.t('the quota for {0} must be a number', period), 'invalid-number');
        else member.quota[period] = amount;
      }
    }
    config.team.push(member);
  });
}

function mapping(value: unknown, path: YamlPath, report: Complain): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  report(path, l10n.t("'{0}' must be a mapping of keys; its defaults stand in", path.join('.')), 'invalid-type');
  return false;
}

function isWholeNumber(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/**
 * A path from the configuration, through `workspacePath` (the one reader of such paths), or
 * undefined after reporting it (`config-path`) with the default that stands in.
 */
function configPath(value: unknown, path: YamlPath, fallback: string | null, report: Complain, workspace = false): string | undefined {
  const result = workspacePath(value, { workspace });
  if ('path' in result) return result.path;
  const stands = fallback === null ? l10n.t('the built-in checklist stands in') : l10n.t("the default '{0}' stands in", fallback === '' ? '.' : fallback);
  report(path, l10n.t("'{0}' must be a path inside the workspace, such as '{1}': {2}; {3}", path.join('.'), PATH_EXAMPLES[path.join('.')] ?? 'accounts', result.problem, stands), 'config-path');
  return undefined;
}

const PATH_EXAMPLES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  root: 'accounts',
  'folders.ae': 'ae',
  'folders.am': 'am',
  'handoff.template': 'templates/handoff-note.md',
  'handoff.notes': 'handoffs',
});

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
