/**
 * Front-matter as the `yaml` package reads it — YAML 1.2, core schema, unique keys, no custom tags —
 * the parser that passed the conformance suite (MEASURED.md). Edits are planned on its positions and
 * verified against its reading; it is slower than the index's reader, so it runs per edit, not per file.
 */
import { parseDocument, type Document } from 'yaml';
import { MAX_NODES } from './safeYaml';

/** The first problem of YAML that is not valid: the parser's reason and its 0-based line in the YAML. */
export class YamlDocumentError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseYamlDocument(yaml: string): Document.Parsed {
  const document = parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true, prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlDocumentError(message, (error.linePos?.[0].line ?? 1) - 1);
  }
  return document;
}

/** The data of a front-matter, as YAML 1.2 reads it; throws `YamlDocumentError`. */
export function readYamlData(yaml: string): unknown {
  return dataOf(parseYamlDocument(yaml));
}

/** The data of a parsed document; aliases are expanded within the same budget as the index's reader. */
export function dataOf(document: Document): unknown {
  return document.toJS({ maxAliasCount: MAX_NODES });
}
