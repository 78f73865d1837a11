/**
 * Every notification goes through `inform`, `warn` or `fail`, so text from files never becomes a link
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
