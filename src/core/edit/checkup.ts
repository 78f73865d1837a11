/** A check-up with a customer: a dated line in the body's "Check-ups" section, and `last_contact`. */
import * as l10n from '@vscode/l10n';
import type { CalendarDay } from '../model/calendarDay';
import { EditRefused, type EditPlan, type EditTarget } from './editPlan';
import { verifyEdit } from './editVerify';
import { appendToSection, readFrontMatterSource, setScalar } from './frontMatterEdit';
import { markdownText } from '../output/markdown';

export interface Checkup {
  today: CalendarDay;
  /** One line: what came out of it. */
  outcome: string;
  /** How satisfied the customer is, 1–10. */
  satisfaction: number;
  /** A new `health` (1–10) set in the same edit, so one undo takes back the whole check-up; undefined leaves it. */
  health?: number;
}

/**
 * The health a check-up's satisfaction suggests, when it differs from the account's (or the account
 * has none): satisfaction and health are both 1–10, so the customer's own score is the suggestion.
 */
export function suggestedHealth(current: number | undefined, satisfaction: number): number | undefined {
  return current === satisfaction ? undefined : satisfaction;
}

export const CHECKUPS_HEADING = 'Check-ups';

export function planCheckup(target: EditTarget, checkup: Checkup): EditPlan {
  const outcome = checkup.outcome.trim();
  if (outcome === '') throw new EditRefused(l10n.t('say in a line what came out of the check-up'));
  if (/[\r\n]/.test(outcome)) throw new EditRefused(l10n.t('the outcome must be one line'));
  if (!Number.isInteger(checkup.satisfaction) || checkup.satisfaction < 1 || checkup.satisfaction > 10) {
    throw new EditRefused(l10n.t('satisfaction is a whole number from 1 to 10'));
  }
  const health = checkup.health;
  if (health !== undefined && (!Number.isInteger(health) || health < 1 || health > 10)) throw new EditRefused(l10n.t('health is a whole number from 1 to 10'));
  const source = readFrontMatterSource(target.text);
  const entry = `- ${markdownText(checkup.today, 'file')} — ${markdownText(outcome, 'file')} (satisfaction ${checkup.satisfaction}/10)`;
  return verifyEdit(target, {
    source,
    newFile: target.file,
    edits: [
      setScalar(source, 'last_contact', checkup.today, ['health', 'contract_end', 'stage']),
      // A missing health goes right after the stage, never where last_contact may be inserted.
      ...(health === undefined ? [] : [setScalar(source, 'health', health, ['stage'])]),
      appendToSection(source, CHECKUPS_HEADING, entry),
    ],
    changes: [{ key: 'last_contact', set: checkup.today }, ...(health === undefined ? [] : [{ key: 'health', set: health }])],
    body: true,
    summary:
      health === undefined
        ? l10n.t('{0}: check-up logged ({1}/10)', target.name, checkup.satisfaction)
        : l10n.t('{0}: check-up logged ({1}/10), health set to {2}', target.name, checkup.satisfaction, health),
  });
}
