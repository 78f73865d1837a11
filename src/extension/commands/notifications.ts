/**
 * Every notification goes through `inform`, `warn`, `ask` or `fail`, so text from files never becomes a link
 * in one. A notification without buttons is shown and not waited for: its promise settles only when
 * the user closes it.
 */
import * as vscode from 'vscode';
import { notificationText } from '../../core/output/notificationText';

export function inform(message: string): void {
  vscode.window.showInformationMessage(notificationText(message));
}

export function warn(message: string): void {
  vscode.window.showWarningMessage(notificationText(message));
}

/** An error with buttons (Show Log, Retry); resolves to the one clicked, or undefined when it is closed. */
export function fail<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(notificationText(message), ...actions);
}

/** A question with buttons (an information message): resolves to the one clicked, or undefined when it is closed. */
export function ask<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(notificationText(message), ...actions);
}

/**
 * A write that succeeded, said where the user looks: the status bar, for a few seconds (a busy
 * workbench tucks notifications away). `$(` from data would draw an icon there: it is broken.
 */
export function announce(message: string): vscode.Disposable {
  return vscode.window.setStatusBarMessage(`$(check) ${message.replace(/\$\(/g, '$\u200b(')}`, 5000);
}
