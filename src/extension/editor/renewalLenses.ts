/**
 * CodeLens on account files: the renewal above `contract_end:` (Start Renewal, Log Check-up…),
 * Hand Off above the stage of a won deal, stale contact and overdue next steps. Lenses come from the
 * index (key lines are known from the parse): no re-parse per call. The controller registers the
 * provider only while `handoff.codeLens.enabled`, and fires a refresh only when an account or the
 * day changes.
 */
import * as vscode from 'vscode';
import type { Account } from '../../core/model/account';
import type { HandoffNote } from '../../core/model/handoffNote';
import { showNote } from './handoffNoteEditor';
import { stageNameOf, type TeamConfig } from '../../core/model/teamConfig';
import { describeUpcoming, overdueStepOf, staleContactOf, upcomingDatesOf } from '../../core/insight/reminders';
import { renewalDetail, renewalHeadline, renewalOf, renewalStageOf, type RenewalSeverity } from '../../core/insight/renewal';
import type { AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import type { CommandManager } from '../commands/commandManager';

const SECTION = 'handoff.codeLens';
const ICON: Record<RenewalSeverity, string> = {
  overdue: '$(error)',
  'notice-passed': '$(warning)',
  critical: '$(bell-dot)',
  warning: '$(bell)',
  info: '$(sync)',
  ok: '$(calendar)',
};

class RenewalLensProvider implements vscode.CodeLensProvider {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changes.event;

  constructor(
    private readonly workspaces: AccountWorkspaces,
    private readonly calendar: Calendar,
  ) {}

  refresh(): void {
    this.changes.fire();
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    const located = this.workspaces.locate(document.uri);
    const account = located?.folder.store.account(located.file);
    if (!located || !account || token.isCancellationRequested) return [];
    const settings = vscode.workspace.getConfiguration(SECTION, document.uri);
    const note = located.folder.store.noteOf(located.file)?.note;
    return lensesFor(account, note, located.folder.store.config, this.calendar.today, document.uri, {
      renewal: settings.get('renewal', true),
      handoff: settings.get('handoff', true),
      staleContact: settings.get('staleContact', true),
      nextStep: settings.get('nextStep', true),
    });
  }

  dispose(): void {
    this.changes.dispose();
  }
}

function lensesFor(account: Account, note: HandoffNote | undefined, config: TeamConfig, today: string, uri: vscode.Uri, show: Record<'renewal' | 'handoff' | 'staleContact' | 'nextStep', boolean>): vscode.CodeLens[] {
  const lenses: vscode.CodeLens[] = [];
  const at = (key: string) => {
    const line = account.keys.get(key)?.line;
    return line === undefined ? undefined : new vscode.Range(line, 0, line, 0);
  };
  const add = (range: vscode.Range | undefined, title: string, command: string, args: unknown[] = [], tooltip?: string) => {
    if (range) lenses.push(new vscode.CodeLens(range, { title, command, arguments: args, tooltip }));
  };
  const renewal = show.renewal ? renewalOf(account, config, today) : undefined;
  if (renewal) {
    const range = at('contract_end');
    add(range, `${ICON[renewal.severity]} ${renewalHeadline(renewal)}`, 'handoff.showRenewals', [], renewalDetail(renewal));
    const stage = renewalStageOf(config);
    if (stage && account.stage !== stage && renewal.severity !== 'ok' && renewal.severity !== 'overdue') {
      add(range, vscode.l10n.t('Start Renewal'), 'handoff.moveToStage', [uri, stage], vscode.l10n.t('Move {0} to the {1} stage', account.name, stageNameOf(config, stage)));
    }
    add(range, vscode.l10n.t('Log Check-up…'), 'handoff.logCheckup', [uri]);
  }
  if (show.handoff && account.role === 'ae' && account.stage === config.handoff.from) {
    add(at('stage'), vscode.l10n.t('$(arrow-swap) Hand off to AM'), 'handoff.handOff', [uri], vscode.l10n.t('Move {0} to the AM folder with a handoff note', account.name));
  }
  // The note is a file of its own (model/handoffNote.ts): one click away from the account.
  if (show.handoff && note && account.note) {
    const empty = account.role === 'am' && config.handoff.requireNote !== 'off' ? note.empty.length : 0;
    const range = at('stage') ?? new vscode.Range(0, 0, 0, 0);
    if (empty > 0) add(range, vscode.l10n.t('$(checklist) Fill in the handoff note ({0} empty)', empty), 'handoff.openNote', [uri], note.empty.map((item) => item.label).join(', '));
    else add(range, vscode.l10n.t('$(note) Handoff note'), 'handoff.openNote', [uri], account.note);
  }
  const stale = show.staleContact ? staleContactOf(account, config, today) : undefined;
  if (stale) {
    add(at('last_contact'), vscode.l10n.t('$(clock) No contact for {0} days · Log Check-up…', stale.days), 'handoff.logCheckup', [uri], vscode.l10n.t("The team's limit is {0} days", config.contact.staleDays));
  }
  const step = show.nextStep ? overdueStepOf(account, config, today) : undefined;
  if (step) {
    const late = step.daysLate === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', step.daysLate);
    const title = step.step ? vscode.l10n.t('$(clock) Next step overdue by {0}: {1}', late, step.step) : vscode.l10n.t('$(clock) Next step overdue by {0}', late);
    add(at('next_step_date'), title, 'handoff.editField', [uri, 'next_step_date'], vscode.l10n.t('Select the date to change it'));
  }
  // Before the fact: within the team's `reminders.ahead_days`, a next step or close date coming up.
  for (const upcoming of show.nextStep ? upcomingDatesOf(account, config, today) : []) {
    add(at(upcoming.key), `$(bell) ${describeUpcoming(upcoming)}`, 'handoff.editField', [uri, upcoming.key], vscode.l10n.t('Select the date to change it'));
  }
  return lenses;
}

export function registerRenewalLenses(workspaces: AccountWorkspaces, calendar: Calendar, commands: CommandManager): vscode.Disposable {
  const provider = new RenewalLensProvider(workspaces, calendar);
  let registration: vscode.Disposable | undefined;
  const update = () => {
    const enabled = vscode.workspace.getConfiguration(SECTION).get('enabled', true);
    if (enabled && !registration) registration = vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider);
    if (!enabled && registration) {
      registration.dispose();
      registration = undefined;
    }
  };
  update();
  return vscode.Disposable.from(
    provider,
    commands.register('handoff.editField', async (uri: vscode.Uri, key: string) => {
      const located = workspaces.locate(uri);
      const position = located?.folder.store.account(located.file)?.keys.get(key);
      const editor = await vscode.window.showTextDocument(uri);
      if (position) editor.selection = new vscode.Selection(position.line, position.valueColumn, position.line, position.valueEnd);
    }),
    commands.register('handoff.openNote', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      const located = target && workspaces.locate(target);
      const note = located ? located.folder.store.account(located.file)?.note : undefined;
      if (!located || note === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This account has no handoff note yet: Hand Off writes one.'));
        return;
      }
      await showNote(located.folder.source.uriOf(note));
    }),
    new vscode.Disposable(() => registration?.dispose()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      update();
      provider.refresh();
    }),
    workspaces.onDidChange(() => provider.refresh()),
    calendar.onDidChangeDay(() => provider.refresh()),
  );
}
