/** Log Check-up…: a one-line outcome and a satisfaction score, appended to the account and its last_contact. */
import * as vscode from 'vscode';
import { planCheckup } from '../../core/edit/checkup';
import { applyPlan, readEditTarget } from '../workspace/accountEdits';
import { resolveAccount } from './commandArgs';
import type { CommandManager } from './commandManager';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';

export function registerCheckupCommand(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  return commands.register('handoff.logCheckup', async (arg?: unknown, outcome?: unknown, satisfaction?: unknown) => {
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
    const read = await readEditTarget(ref.folder, ref.account.file);
    return await applyPlan(ref.folder, planCheckup(read.target, { today: calendar.today, outcome: said, satisfaction: score }), read);
  });
}
