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
}

const CHECKUPS_HEADING = 'Check-ups';

export function planCheckup(target: EditTarget, checkup: Checkup): EditPlan {
  const outcome = checkup.outcome.trim();
  if (outcome === '') throw new EditRefused(l10n.t('say in a line what came out of the check-up'));
  if (/[\r\n]/.test(outcome)) throw new EditRefused(l10n.t('the outcome must be one line'));
  if (!Number.isInteger(checkup.satisfaction) || checkup.satisfaction < 1 || checkup.satisfaction > 10) {
    throw new EditRefused(l10n.t('satisfaction is a whole number from 1 to 10'));
  }
  const source = readFrontMatterSource(target.text);
  const entry = `- ${markdownText(checkup.today, 'file')} — ${markdownText(outcome, 'file')} (satisfaction ${checkup.satisfaction}/10)`;
  return verifyEdit(target, {
    source,
    newFile: target.file,
    edits: [setScalar(source, 'last_contact', checkup.today, ['health', 'contract_end', 'stage']), appendToSection(source, CHECKUPS_HEADING, entry)],
    changes: [{ key: 'last_contact', set: checkup.today }],
    body: true,
    summary: l10n.t('{0}: check-up logged ({1}/10)', target.name, checkup.satisfaction),
  });
}
