/**
 * Exact positions of nested keys and values, from the `yaml` package's source-preserving parse.
 * Slower than the index's reader, so it runs only where a problem or an edit needs a position.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** Start and end offsets in the YAML text. */
export interface Span {
  start: number;
  end: number;
}

export function parseSourceDocument(yaml: string): Document {
  // Not pretty: a context line per error is quadratic on hostile text (see YAML_1_2).
  return parseDocument(yaml, { uniqueKeys: false, prettyErrors: false });
}

/** The span of the key or the value at `path`; the nearest existing ancestor's key when the path runs out. */
export function locate(document: Document, path: YamlPath, target: 'key' | 'value'): Span | undefined {
  let node: unknown = document.contents;
  let found: Span | undefined;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    let pair: Pair | undefined;
    if (isMap(node)) {
      pair = pairsOf(node).get(String(segment));
      if (!pair) return found;
      const keySpan = spanOf(pair.key as Node);
      const last = index === path.length - 1;
      const valueSpan = isScalar(pair.value) ? spanOf(pair.value) : undefined;
      found = last && target === 'value' && valueSpan ? valueSpan : keySpan ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return found;
      const itemSpan = spanOf(item);
      // A whole mapping in a list spans many lines: point at its first line instead.
      found = isScalar(item) || !itemSpan ? itemSpan ?? found : { start: itemSpan.start, end: itemSpan.start };
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * A mapping's pairs by key, built once per mapping: a config with thousands of keys to report
 * would otherwise search the mapping once for each (quadratic). The first of equal keys wins.
 */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, item as Pair);
    }
    indexes.set(map, index);
  }
  return index;
}

function spanOf(node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}
