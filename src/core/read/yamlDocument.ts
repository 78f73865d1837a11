/**
 * YAML as the spec defines it — YAML 1.2, core schema, unique keys, no custom tags — read by the
 * `yaml` package, the parser that passed the conformance suite (MEASURED.md). Edits are planned on
 * its positions; the index reads with it whatever the fast reader's subset does not cover.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type Scalar, type SchemaOptions } from 'yaml';

/**
 * The one YAML dialect of the product, for accounts and `.handoff.yml` alike. `!!binary`, `!!set`,
 * `!!timestamp` and other YAML 1.1 tags are read as the plain text they tag, never as a Buffer or a
 * Date; warnings stay in the document instead of going to the process. Two of the package's own
 * checks are quadratic on hostile text, so they are off and done here instead: errors are not
 * "pretty" (a context line for each of 100,000 errors took minutes), and keys are checked for
 * uniqueness by `duplicateKey`, one set per mapping (the package compares each key with every other).
 */
export const YAML_1_2: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  strict: true,
  resolveKnownTags: false,
  logLevel: 'error',
  prettyErrors: false,
};

/** More values than any real account has; a "billion laughs" file reaches it within microseconds. */
export const MAX_NODES = 20_000;

/** The first problem of YAML that is not valid: the parser's reason and its 0-based line and column in the YAML. */
export class YamlDocumentError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column = 0,
    readonly code: 'yaml-syntax' | 'duplicate-key' | 'alias-limit' = 'yaml-syntax',
  ) {
    super(message);
  }
}

export function parseYamlDocument(yaml: string): Document.Parsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { ...YAML_1_2, lineCounter });
  const at = (offset: number) => lineCounter.linePos(offset);
  const [error] = document.errors;
  if (error) {
    const { line, col } = at(error.pos[0]);
    throw new YamlDocumentError(error.message.split('\n')[0], line - 1, col - 1);
  }
  const duplicate = duplicateKey(document);
  if (duplicate) {
    const { line, col } = at(duplicate.range?.[0] ?? 0);
    throw new YamlDocumentError('Map keys must be unique', line - 1, col - 1, 'duplicate-key');
  }
  return document;
}

/**
 * The first key that repeats an earlier key of its mapping. Keys compare as the `yaml` package
 * compares them (scalars by value, so `~` and `null` are the same key, `1` and `"1"` are not).
 */
export function duplicateKey(document: Document): Scalar | undefined {
  let found: Scalar | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) {
          found = key;
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

/** The data of a front-matter, as YAML 1.2 reads it; throws `YamlDocumentError`. */
export function readYamlData(yaml: string): unknown {
  return dataOf(parseYamlDocument(yaml));
}

/** The data of a parsed document; aliases are expanded within the same budget as the index's reader. */
export function dataOf(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_NODES });
  } catch (error) {
    if (error instanceof ReferenceError) throw new YamlDocumentError(error.message, 0, 0, 'alias-limit');
    throw error;
  }
}
