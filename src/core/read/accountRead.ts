/** Reading one account file: front-matter split, YAML read, rules checked, each problem placed on its range. */
import * as l10n from '@vscode/l10n';
import { accountOf, type AccountRecord } from '../model/account';
import type { Problem, ProblemCode } from '../model/problem';
import { isRecord } from '../model/record';
import type { Role } from '../model/stage';
import type { TeamConfig } from '../model/teamConfig';
import { MAX_FRONT_MATTER_CHARS, splitFrontMatter, topLevelKeys, type FrontMatter, type KeyPositions } from './frontMatter';
import { locate, parseSourceDocument } from './locate';
import { FrontMatterError, parseFrontMatterYaml } from './safeYaml';
import { positionAt } from './textPosition';
import { validateAccount, type Finding } from './validate';
import { bodyNoteProblem } from './noteGate';


export function readAccount(file: string, role: Role, fileText: string, config: TeamConfig): AccountRecord {
  // Editors hide a BOM, so positions are counted without it.
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const fail = (code: ProblemCode, message: string, line = 0, column = 0): AccountRecord => ({
    file,
    role,
    problems: [problemAt(file, text, line, column, code, message)],
  });
  const split = splitFrontMatter(text);
  if (split.kind === 'none') {
    return fail('no-front-matter', l10n.t("this file has no front-matter: an account starts with a '---' line, then 'name:' and 'stage:', then another '---' line"));
  }
  if (split.kind === 'unclosed') {
    return fail('unclosed-front-matter', l10n.t("the front-matter is never closed: add a line '---' after the last field"));
  }
  const frontMatter = split.frontMatter;
  if (frontMatter.language !== '' && frontMatter.language !== 'yaml' && frontMatter.language !== 'yml') {
    return fail('front-matter-language', l10n.t("front-matter written in '{0}' is refused: Handoff reads YAML only and never runs code from a file; start the file with a plain '---' line", frontMatter.language));
  }
  if (frontMatter.yaml.length > MAX_FRONT_MATTER_CHARS) {
    return fail('file-too-large', l10n.t('the front-matter is {0} KB, more than the {1} KB an account may have; move long notes into the body', Math.round(frontMatter.yaml.length / 1024), MAX_FRONT_MATTER_CHARS / 1024));
  }
  let data: unknown;
  try {
    data = parseFrontMatterYaml(frontMatter.yaml);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    const line = frontMatter.yamlLine + error.line;
    return fail(error.code, error.message, line, error.code === 'alias-limit' ? 0 : error.column);
  }
  if (data === null || data === undefined) data = {};
  if (!isRecord(data)) {
    return fail('not-a-mapping', Array.isArray(data)
        ? l10n.t("the front-matter must be fields written 'key: value', one a line; this one is a list")
        : l10n.t("the front-matter must be fields written 'key: value', one a line; this one is a single value"), frontMatter.yamlLine);
  }
  const keys = topLevelKeys(frontMatter);
  const findings = validateAccount(data, role, config);
  const problems = findings.length === 0 ? [] : placeFindings(file, text, frontMatter, keys, findings);
  // A handoff of an earlier version wrote its record and note into the account: the gate reads that note there.
  if (role === 'am' && isRecord(data.handoff)) {
    const gate = bodyNoteProblem(file, text.slice(frontMatter.bodyStart), lineAt(text, frontMatter.bodyStart), config);
    if (gate) problems.push(gate);
  }
  return { file, role, account: accountOf(file, role, data, keys), problems };
}

/** Gives each finding its range: top-level keys from the line scan, nested paths from a source parse. */
function placeFindings(file: string, text: string, frontMatter: FrontMatter, keys: KeyPositions, findings: Finding[]): Problem[] {
  let document: ReturnType<typeof parseSourceDocument> | undefined;
  return findings.map((finding) => {
    const position = finding.path.length === 1 ? keys.get(String(finding.path[0])) : undefined;
    let range: Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'>;
    if (position && (finding.target === 'key' || position.valueEnd > position.valueColumn)) {
      const [start, end] = finding.target === 'key' ? [position.keyColumn, position.keyEnd] : [position.valueColumn, position.valueEnd];
      range = { line: position.line + 1, column: start + 1, endLine: position.line + 1, endColumn: end + 1 };
    } else {
      document ??= parseSourceDocument(frontMatter.yaml);
      const span = finding.path.length > 0 ? locate(document, finding.path, finding.target) : undefined;
      range = span ? rangeOf(text, frontMatter.yamlStart + span.start, frontMatter.yamlStart + span.end) : openingFence(text);
    }
    return { file, ...range, severity: finding.severity, code: finding.code, message: finding.message, ...(finding.fix && { fix: finding.fix }) };
  });
}

/** The record of a file the file system would not read. */
export function unreadableRecord(file: string, role: Role, reason: string): AccountRecord {
  return { file, role, problems: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable', message: l10n.t('this file cannot be read: {0}', reason) }] };
}

function problemAt(file: string, text: string, line: number, column: number, code: ProblemCode, message: string): Problem {
  const lineText = text.split('\n', line + 1)[line] ?? '';
  const endColumn = Math.max(column, lineText.replace(/\r$/, '').length);
  return { file, line: line + 1, column: column + 1, endLine: line + 1, endColumn: endColumn + 1, severity: 'error', code, message };
}

function rangeOf(text: string, start: number, end: number) {
  const from = positionAt(text, start);
  const to = positionAt(text, Math.max(start, end));
  return { line: from.line + 1, column: from.column + 1, endLine: to.line + 1, endColumn: to.column + 1 };
}

function openingFence(text: string) {
  return rangeOf(text, 0, 3);
}

function lineAt(text: string, offset: number): number {
  return positionAt(text, offset).line;
}
