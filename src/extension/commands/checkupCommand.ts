/**
 * Log Check-up…: a one-line outcome and a satisfaction score, appended to the account and its
 * last_contact; when the satisfaction differs from the account's health, an offer (skippable) to set
 * health to it in the same edit, so one undo takes back the whole check-up.
 */
import * as vscode from 'vscode';
import { healthOf } from '../../core/model/account';
import { formatNumber } from '../../core/model/displayLocale';
import { planCheckup, suggestedHealth } from '../../core/edit/checkup';
import { applyPlan, readEditTarget } from '../workspace/accountEdits';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';

export function registerCheckupCommand(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  // Arguments for scripts and tests: the account, the outcome, the satisfaction, and whether to set health to it (no offer is shown
  // when the satisfaction is an argument: health is then left alone unless the fourth argument is true).
  return commands.register('handoff.logCheckup', async (arg?: unknown, outcome?: unknown, satisfaction?: unknown, setHealth?: unknown) => {
    const ref = await resolveAccount(workspaces, arg, undefined, vscode.l10n.t('Log a check-up with which account?'));
    if (!ref) return undefined;
    const said =
      typeof outcome === 'string'
        ? outcome
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Check-up with {0}', ref.account.name),
            prompt: vscode.l10n.t('What came out of it, in one line?'),
            validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('A few words are enough') : undefined),
          });
    if (!said) return undefined;
    const score =
      typeof satisfaction === 'number'
        ? satisfaction
        : Number(
            (
              await vscode.window.showQuickPick(
                Array.from({ length: 10 }, (_, i) => ({ label: String(10 - i), description: i === 0 ? vscode.l10n.t('delighted') : i === 9 ? vscode.l10n.t('about to leave') : undefined })),
                { title: vscode.l10n.t('How satisfied is {0}?', ref.account.name), placeHolder: vscode.l10n.t('Satisfaction, 1–10') },
              )
            )?.label,
          );
    if (!score) return undefined;
    // A satisfaction given as an argument (a script, a test) is not interrupted by a question: health changes only when asked to.
    const ask = typeof satisfaction !== 'number';
    const health = await offerHealth(ref.account.name, healthOf(ref.account), score, setHealth ?? (ask ? undefined : false));
    const read = await readEditTarget(ref.folder, ref.account.file);
    return await applyPlan(ref.folder, planCheckup(read.target, { today: calendar.today, outcome: said, satisfaction: score, health }), read);
  });
}

/** The health to set with the check-up, or undefined to leave it: asked only when the satisfaction suggests another; Escape keeps it. */
async function offerHealth(name: string, current: number | undefined, satisfaction: number, setHealth: unknown): Promise<number | undefined> {
  const suggestion = suggestedHealth(current, satisfaction);
  if (suggestion === undefined || setHealth === false) return undefined;
  if (setHealth === true) return suggestion;
  const set = {
    label: vscode.l10n.t('Set health to {0}', formatNumber(suggestion)),
    description: current === undefined ? vscode.l10n.t('no health yet') : vscode.l10n.t('now {0}', formatNumber(current)),
  };
  const keep = { label: current === undefined ? vscode.l10n.t('Leave health unset') : vscode.l10n.t('Keep health at {0}', formatNumber(current)) };
  const picked = await vscode.window.showQuickPick([set, keep], {
    title: vscode.l10n.t('{0} is {1}/10 satisfied', name, formatNumber(satisfaction)),
    placeHolder: vscode.l10n.t('Update the health score too? (Escape keeps it)'),
  });
  return picked === set ? suggestion : undefined;
}
