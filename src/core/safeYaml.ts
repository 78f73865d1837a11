/**
 * The YAML reader of the index: gray-matter with js-yaml's core schema, the one measured fastest
 * (about 8× the `yaml` package). No engine that runs code is reachable, and aliases are bounded.
 */
import * as l10n from '@vscode/l10n';
import matter from 'gray-matter';
import * as jsYaml from 'js-yaml';

export class FrontMatterError extends Error {
  constructor(
    readonly code: 'yaml-syntax' | 'duplicate-key' | 'alias-limit' | 'front-matter-language',
    message: string,
    /** 0-based line and column inside the YAML, where known. */
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
  }
}

/** More nodes than any real account has; a "billion laughs" file reaches it within microseconds. */
export const MAX_NODES = 20_000;

function refuseCode(language: string) {
  return {
    parse(): never {
      throw new FrontMatterError('front-matter-language', l10n.t("front-matter written in '{0}' is refused: Handoff reads YAML only and never runs code from a file", language));
    },
  };
}

const engines = {
  // Core schema: YAML 1.2 types, so `2026-11-22` stays the string the file shows, in every time zone.
  yaml: { parse: (text: string) => jsYaml.safeLoad(text, { schema: jsYaml.CORE_SCHEMA, json: false }) as object },
  javascript: refuseCode('javascript'),
  js: refuseCode('js'),
  coffee: refuseCode('coffee'),
  coffeescript: refuseCode('coffeescript'),
  cson: refuseCode('cson'),
};

/** Parses the YAML of a front-matter block. Throws `FrontMatterError`. */
export function parseFrontMatterYaml(yaml: string): unknown {
  let data: unknown;
  try {
    // gray-matter needs the fences; options (never undefined) also turn off its unbounded cache.
    data = matter(`---\n${yaml}---\n`, { language: 'yaml', engines: engines as never }).data;
  } catch (error) {
    throw toFrontMatterError(error);
  }
  assertBounded(data);
  return compact(data, yaml);
}

/**
 * A copy of the parsed value in V8's compact object layout, with strings that no longer point into
 * the file's text: measured at about a third of the heap of js-yaml's own objects. Skipped when the
 * YAML holds `.inf` or `.nan`, which JSON cannot carry.
 */
function compact(data: unknown, yaml: string): unknown {
  if (data === null || typeof data !== 'object' || /\.(inf|nan)\b/i.test(yaml)) return data;
  return JSON.parse(JSON.stringify(data));
}

function toFrontMatterError(error: unknown): FrontMatterError {
  if (error instanceof FrontMatterError) return error;
  const yamlError = error as jsYaml.YAMLException & { reason?: string; mark?: { line: number; column: number } };
  const reason = yamlError.reason ?? String((error as Error)?.message ?? error);
  // The wrapping `---` line shifts js-yaml's line by one.
  const line = Math.max(0, (yamlError.mark?.line ?? 1) - 1);
  const column = yamlError.mark?.column ?? 0;
  if (/duplicated mapping key/.test(reason)) {
    return new FrontMatterError('duplicate-key', l10n.t('this key appears twice; keep one'), line, column);
  }
  return new FrontMatterError('yaml-syntax', l10n.t('the front-matter is not valid YAML: {0}', reason), line, column);
}

/** Counts nodes as JSON would write them, so shared (aliased) structures count every time they appear. */
function assertBounded(data: unknown) {
  let budget = MAX_NODES;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) {
      throw new FrontMatterError('alias-limit', l10n.t('the front-matter expands to more than {0} values (aliases repeated over and over); it is refused rather than expanded', MAX_NODES));
    }
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push(child);
    }
  }
}
