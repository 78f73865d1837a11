/**
 * The one write path's gate. Every draft — a move, a handoff, a check-up, a quick fix, whatever
 * comes next — is verified here before anyone writes it: the new text is parsed again by both
 * readers (the `yaml` package, YAML 1.2 as the spec reads it, and the index's own reader) and must
 * read as the old data with only the intended keys changed; the edits may touch only those keys'
 * text and add to the body; fences, BOM and line endings stay. Anything else is refused
 * (`edit-unsafe`), changing nothing.
 */
import * as l10n from '@vscode/l10n';
import { EditRefused, type EditDraft, type EditPlan, type EditTarget } from './editPlan';
import { splitFrontMatter } from '../read/frontMatter';
import { readFrontMatterSource } from './frontMatterEdit';
import { parseFrontMatterYaml } from '../read/safeYaml';
import { applyEdits } from './textEdit';
import { dataOf, readYamlData } from '../read/yamlDocument';

/** Verifies a draft against the target's text; returns the plan, or throws `EditRefused` (`edit-unsafe`). */
export function verifyEdit(target: EditTarget, draft: EditDraft): EditPlan {
  const unsafe = (why: string) => new EditRefused(l10n.t('{0}: Handoff would not change this file safely: {1}; nothing was changed (edit-unsafe)', target.file, why), 'edit-unsafe');
  const old = draft.source?.text === target.text ? draft.source : readFrontMatterSource(target.text);
  const yamlStart = old.frontMatter.yamlStart;
  const yamlEnd = yamlStart + old.frontMatter.yaml.length;
  const intended = new Set(draft.changes.map((change) => change.key));
  const intendedSpans = old.entries.filter((entry) => intended.has(entry.key));
  const eol = old.frontMatter.eol;
  for (const edit of draft.edits) {
    if (eol === '\r\n' ? /(^|[^\r])\n/.test(edit.newText) : edit.newText.includes('\r')) throw unsafe(l10n.t('it would mix line endings'));
    const inYaml = edit.start >= yamlStart && edit.end <= yamlEnd;
    const inBody = edit.start >= old.frontMatter.bodyStart && edit.start === edit.end;
    if (inBody && !draft.body) throw unsafe(l10n.t('it would change the body'));
    if (!inYaml && !inBody) throw unsafe(l10n.t('it would change the front-matter fences'));
    if (!inYaml) continue;
    const within = intendedSpans.some((entry) => edit.start >= entry.start && edit.end <= entry.end);
    // A new key starts a line of its own, outside every key's text (comment lines between keys stay whole).
    const between = edit.start === edit.end && target.text[edit.start - 1] === '\n' && !old.entries.some((entry) => edit.start > entry.start && edit.start < entry.end);
    if (!within && !between) {
      const touched = old.entries.filter((entry) => edit.start < entry.end && edit.end > entry.start && !intended.has(entry.key)).map((entry) => entry.key);
      throw unsafe(touched.length > 0 ? l10n.t("it would change the text of '{0}'", touched.join("', '")) : l10n.t('it would change text outside the keys it edits'));
    }
  }
  let newText: string;
  try {
    newText = applyEdits(target.text, draft.edits);
  } catch {
    throw unsafe(l10n.t('its edits overlap'));
  }
  const split = splitFrontMatter(newText);
  if (split.kind !== 'ok' || split.frontMatter.bom !== old.frontMatter.bom || split.frontMatter.eol !== eol || split.frontMatter.language !== old.frontMatter.language) {
    throw unsafe(l10n.t('the front-matter would no longer be closed where it was'));
  }
  const yamlEdits = draft.edits.filter((edit) => edit.start < old.frontMatter.bodyStart).map((edit) => ({ ...edit, start: edit.start - yamlStart, end: edit.end - yamlStart }));
  if (split.frontMatter.yaml !== applyEdits(old.frontMatter.yaml, yamlEdits)) throw unsafe(l10n.t('the front-matter would no longer be closed where it was'));

  // Each reader compared with itself: the two disagree on a few corners of YAML, never with themselves.
  const readers: [string, (yaml: string) => unknown, () => unknown][] = [
    ['YAML 1.2', readYamlData, () => dataOf(old.document)],
    [l10n.t('the index'), parseFrontMatterYaml, () => parseFrontMatterYaml(old.frontMatter.yaml)],
  ];
  for (const [reader, read, readOld] of readers) {
    let before: unknown;
    let after: unknown;
    try {
      before = readOld() ?? {};
      after = read(split.frontMatter.yaml) ?? {};
    } catch (error) {
      throw unsafe(l10n.t('the result would not read as YAML ({0}): {1}', reader, (error as Error).message));
    }
    if (!isPlainRecord(before) || !isPlainRecord(after)) throw unsafe(l10n.t('the front-matter would no longer be a mapping'));
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const change = draft.changes.find((c) => c.key === key);
      const expected = change === undefined ? before[key] : 'set' in change ? change.set : [...(Array.isArray(before[key]) ? (before[key] as unknown[]) : []), change.append];
      if (!sameData(after[key], expected)) {
        throw unsafe(change === undefined ? l10n.t("'{0}' would change too ({1})", key, reader) : l10n.t("'{0}' would not read as intended ({1})", key, reader));
      }
    }
    for (const change of draft.changes) {
      if (!(change.key in after)) throw unsafe(l10n.t("'{0}' would not read as intended ({1})", change.key, reader));
    }
  }
  return { file: target.file, newFile: draft.newFile, edits: draft.edits, newText, summary: draft.summary };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of parsed YAML data: key order does not matter, NaN equals NaN. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => sameData(item, (b as unknown[])[index]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

