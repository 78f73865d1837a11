/**
 * YAML as the spec defines it — YAML 1.2, core schema, unique keys, no custom tags — read by the
 * `yaml` package, the parser that passed the conformance suite (MEASURED.md). Edits are planned on
 * its positions; the index reads with it whatever the fast reader's subset does not cover.
 */
import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * The one YAML dialect of the product, for accounts and `.handoff.yml` alike. `!!binary`, `!!set`,
 * `!!timestamp` and other YAML 1.1 tags are read as the plain text they tag, never as a Buffer or a
 * Date; warnings stay in the document instead of going to the process.
 */
export const YAML_1_2: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  strict: true,
  resolveKnownTags: false,
  logLevel: 'error',
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
  const document = parseDocument(yaml, { ...YAML_1_2, prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const [position] = error.linePos ?? [{ line: 1, col: 1 }];
    throw new YamlDocumentError(message, position.line - 1, position.col - 1, error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax');
  }
  return document;
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
