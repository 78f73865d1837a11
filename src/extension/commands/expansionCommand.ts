/** Add Upsell / Cross-sell…: an expansion opportunity on a customer (AM) account. */
import * as vscode from 'vscode';
import { addDays, isCalendarDay } from '../../core/model/calendarDay';
import { stagesOf } from '../../core/model/teamConfig';
import { planAddOpportunity, type NewOpportunity } from '../../core/edit/addOpportunity';
import { applyPlan, readEditTarget } from '../workspace/accountEdits';
import { pickStage } from './accountPicks';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';

export function registerExpansionCommand(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  // From an editor's title bar the second argument is VS Code's editor context, not an opportunity.
  return commands.register('handoff.addOpportunity', async (arg?: unknown, given?: unknown) => {
    const ref = await resolveAccount(workspaces, arg, 'am', vscode.l10n.t('Add expansion to which customer?'));
    if (!ref) return undefined;
    const opportunity = isOpportunity(given) ? given : await askOpportunity(ref.account.name, stagesOf(ref.folder.store.config, 'ae').filter((s) => !s.closed), calendar.today);
    if (!opportunity) return undefined;
    const read = await readEditTarget(ref.folder, ref.account.file);
    return await applyPlan(ref.folder, planAddOpportunity(read.target, opportunity, ref.folder.store.config), read);
  });
}

async function askOpportunity(name: string, stages: Parameters<typeof pickStage>[0], today: string): Promise<NewOpportunity | undefined> {
  const type = (
    await vscode.window.showQuickPick(
      [
        { label: 'upsell', description: vscode.l10n.t('a bigger plan, more seats') },
        { label: 'cross-sell', description: vscode.l10n.t('a complementary product') },
      ],
      { title: vscode.l10n.t('Expansion for {0}', name), placeHolder: vscode.l10n.t('Upsell or cross-sell?') },
    )
  )?.label as NewOpportunity['type'] | undefined;
  if (!type) return undefined;
  const heading = vscode.l10n.t('{0} for {1}', type, name);
  const title = await vscode.window.showInputBox({ title: heading, prompt: vscode.l10n.t('What is it? (one line)'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A few words')) });
  if (!title) return undefined;
  const value = await vscode.window.showInputBox({ title: heading, prompt: vscode.l10n.t('Annual value'), validateInput: (v) => (/^\d+(\.\d+)?$/.test(v.trim()) ? undefined : vscode.l10n.t('A number, such as 30000')) });
  if (!value) return undefined;
  const stage = await pickStage(stages, undefined, vscode.l10n.t('Which stage is it in?'));
  if (!stage) return undefined;
  const closeDate = await vscode.window.showInputBox({
    title: heading,
    prompt: vscode.l10n.t('Expected close date (YYYY-MM-DD)'),
    value: addDays(today, 90),
    validateInput: (v) => (isCalendarDay(v.trim()) ? undefined : vscode.l10n.t('A calendar day written YYYY-MM-DD')),
  });
  if (!closeDate) return undefined;
  return { type, title, value: Number(value), stage: stage.id, closeDate: closeDate.trim() };
}

function isOpportunity(value: unknown): value is NewOpportunity {
  const candidate = value as Partial<NewOpportunity> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    (candidate.type === 'upsell' || candidate.type === 'cross-sell') &&
    typeof candidate.title === 'string' &&
    typeof candidate.value === 'number' &&
    typeof candidate.stage === 'string' &&
    typeof candidate.closeDate === 'string'
  );
}
