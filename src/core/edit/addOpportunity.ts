/** Expansion of a customer: an upsell (a bigger plan) or a cross-sell (another product) in `opportunities:`. */
import * as l10n from '@vscode/l10n';
import { isCalendarDay, type CalendarDay } from '../model/calendarDay';
import { stageById, stagesOf, type TeamConfig } from '../model/teamConfig';
import { EditRefused, type EditPlan, type EditTarget } from './editPlan';
import { verifyEdit } from './editVerify';
import { appendListItem, readFrontMatterSource } from './frontMatterEdit';

export interface NewOpportunity {
  type: 'upsell' | 'cross-sell';
  title: string;
  value: number;
  /** An AE-role stage id: expansion runs through the sales stages. */
  stage: string;
  closeDate: CalendarDay;
}

export function planAddOpportunity(target: EditTarget, opportunity: NewOpportunity, config: TeamConfig): EditPlan {
  if (target.role !== 'am') throw new EditRefused(l10n.t('{0} is a deal, not a customer: expansion belongs to AM accounts', target.name));
  const title = opportunity.title.trim();
  if (title === '' || /[\r\n]/.test(title)) throw new EditRefused(l10n.t('give the opportunity a one-line title'));
  if (!Number.isFinite(opportunity.value) || opportunity.value < 0) throw new EditRefused(l10n.t('the value must be a number, 0 or more'));
  const stage = stageById(config, opportunity.stage);
  if (!stage || stage.role !== 'ae') throw new EditRefused(l10n.t("an opportunity's stage must be one of the AE stages: {0}", stagesOf(config, 'ae').map((s) => s.id).join(', ')));
  if (!isCalendarDay(opportunity.closeDate)) throw new EditRefused(l10n.t('the close date must be a calendar day written YYYY-MM-DD'));
  const source = readFrontMatterSource(target.text);
  const item: [string, string | number][] = [
    ['type', opportunity.type],
    ['title', title],
    ['value', opportunity.value],
    ['stage', stage.id],
    ['close_date', opportunity.closeDate],
  ];
  return verifyEdit(target, {
    source,
    newFile: target.file,
    edits: [appendListItem(source, 'opportunities', item)],
    changes: [{ key: 'opportunities', append: Object.fromEntries(item) }],
    summary: l10n.t('{0}: {1} "{2}" added', target.name, opportunity.type, title),
  });
}
