/**
 * The YAML reader of the index: YAML 1.2 core schema, as the spec reads it, at the speed of the
 * fastest engine measured. Front-matter in the plain subset most accounts are written in
 * (`plainYaml.ts`) is read by js-yaml with YAML 1.2's core types; anything else — and anything
 * js-yaml refuses, so that errors always read the same — by the conformant `yaml` package.
 * No engine that runs code is reachable, and aliases are bounded.
 */
import * as l10n from '@vscode/l10n';
import * as jsYaml from 'js-yaml';
import { isPlainYaml } from './plainYaml';
import { MAX_NODES, readYamlData, YamlDocumentError } from './yamlDocument';

export class FrontMatterError extends Error {
  constructor(
    readonly code: 'yaml-syntax' | 'duplicate-key' | 'alias-limit',
    message: string,
    /** 0-based line and column inside the YAML, where known. */
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
  }
}

/** The scalar types of YAML 1.2's core schema (spec 10.3.2), where js-yaml 3 keeps YAML 1.1's (`0b1`, `1_000`, `1:30`, `010` as octal). */
const CORE_SCHEMA_1_2 = new jsYaml.Schema({
  include: [jsYaml.FAILSAFE_SCHEMA],
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:~|null|Null|NULL)?$/.test(text),
      construct: () => null,
    }),
    new jsYaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:true|True|TRUE|false|False|FALSE)$/.test(text),
      construct: (text: string) => text[0] === 't' || text[0] === 'T',
    }),
    new jsYaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
      construct: (text: string) => (text[1] === 'o' ? parseInt(text.slice(2), 8) : text[1] === 'x' ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
    }),
    new jsYaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(text),
      construct: (text: string) => {
        const infinite = /inf$/i.exec(text);
        if (infinite) return text[0] === '-' ? -Infinity : Infinity;
        return /nan$/i.test(text) ? NaN : parseFloat(text);
      },
    }),
  ],
});

/** Parses the YAML of a front-matter block. Throws `FrontMatterError`. */
export function parseFrontMatterYaml(yaml: string): unknown {
  let data: unknown;
  let fast = isPlainYaml(yaml);
  if (fast) {
    try {
      data = jsYaml.safeLoad(yaml, { schema: CORE_SCHEMA_1_2, json: false }) ?? null;
    } catch {
      fast = false;
    }
  }
  if (!fast) {
    try {
      data = readYamlData(yaml);
    } catch (error) {
      throw toFrontMatterError(error);
    }
  }
  return compact(data, yaml.length + MAX_NODES);
}

function toFrontMatterError(error: unknown): FrontMatterError {
  if (!(error instanceof YamlDocumentError)) throw error;
  if (error.code === 'alias-limit') return aliasLimit();
  if (error.code === 'duplicate-key') return new FrontMatterError('duplicate-key', l10n.t('this key appears twice; keep one'), error.line, error.column);
  return new FrontMatterError('yaml-syntax', l10n.t('the front-matter is not valid YAML: {0}', error.message), error.line, error.column);
}

function aliasLimit(): FrontMatterError {
  return new FrontMatterError('alias-limit', l10n.t('the front-matter expands to more than {0} values (aliases repeated over and over); it is refused rather than expanded', MAX_NODES));
}

/**
 * Counts values as JSON would write them, so that shared (aliased) structures count every time they
 * appear: a document without aliases has fewer values than characters, so `budget` (its length plus
 * MAX_NODES) only ever stops expansion. Then copies the data into V8's compact object layout, with
 * strings that no longer point into the file's text: measured at about a third of the heap of the
 * parser's own objects. The copy goes through JSON, so it is skipped when a number is not finite
 * (`1e309`, `.inf`): validation must see that number, not the `null` JSON would make of it.
 */
function compact(data: unknown, budget: number): unknown {
  let finite = true;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) throw aliasLimit();
    if (typeof value === 'number') finite &&= Number.isFinite(value);
    else if (value !== null && typeof value === 'object') for (const child of Object.values(value)) stack.push(child);
  }
  if (!finite || data === null || typeof data !== 'object') return data;
  return JSON.parse(JSON.stringify(data));
}
