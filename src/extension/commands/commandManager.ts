/**
 * The one way a command is registered. Every handler is wrapped the same way: a refusal (an edit
 * refused, git's complaint) is one warning; a cancelled pick or progress ends quietly; anything else
 * is logged with its stack to the Handoff output channel and shown as an error with Show Log.
 * Handlers return undefined after any of these, as a command that did nothing does.
 */
import * as vscode from 'vscode';
import { EditRefused } from '../../core/edit/editPlan';
import { failureDetail, failureKind, failureMessage, type FailureClasses } from '../workspace/failure';
import { fail, warn } from './notifications';

export class CommandManager {
  private readonly classes: FailureClasses;

  /** `more`: what else the platform throws as a refusal or a cancel (git's, GitTools.failures). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    more: FailureClasses = { refused: [], cancelled: [] },
  ) {
    this.classes = { refused: [EditRefused, ...more.refused], cancelled: [vscode.CancellationError, ...more.cancelled] };
  }

  /**
   * Registers `id`. The handler declares the arguments it takes; VS Code passes whatever its caller
   * gave (a menu, a keybinding, another extension), so an account argument is read by `commandArgs.ts`.
   */
  register<A extends unknown[]>(id: string, handler: (...args: A) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...(args as A));
      } catch (error) {
        this.report(id, error);
        return undefined;
      }
    });
  }

  private report(what: string, error: unknown): void {
    const kind = failureKind(error, this.classes);
    if (kind === 'cancelled') {
      this.log.info(`${what}: cancelled`);
      return;
    }
    const message = failureMessage(error);
    if (kind === 'refused') {
      this.log.warn(`${what}: ${message}`);
      warn(vscode.l10n.t('Handoff: {0}', message));
      return;
    }
    this.log.error(`${what} failed: ${failureDetail(error)}`);
    this.showFailure(vscode.l10n.t('Handoff: {0}', message));
  }

  /** An error notification whose Show Log button opens the Handoff output channel, and other buttons of the caller's. */
  showFailure(message: string, ...actions: { title: string; run(): unknown }[]): void {
    const showLog = vscode.l10n.t('Show Log');
    fail(message, showLog, ...actions.map((action) => action.title))
      .then(async (choice) => {
        if (choice === showLog) this.log.show();
        else await actions.find((action) => action.title === choice)?.run();
      })
      .then(undefined, (error) => this.log.error(`The error notification "${message}" failed: ${failureDetail(error)}`));
  }
}
