/** Every notification goes through `inform` or `warn`, so text from files never becomes a link in one. */
import * as vscode from 'vscode';
import { notificationText } from '../../core/output/notificationText';

export function inform(message: string): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(notificationText(message));
}

export function warn(message: string): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(notificationText(message));
}
