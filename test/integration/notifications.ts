// Notifications as the user would see them. The tests run in the extension host with the extension
// under test and share its `vscode` API object, so replacing `window.show*Message` for the length of
// a test sees every notification the extension shows, with its buttons.
import * as vscode from 'vscode';

export interface Shown {
  severity: 'information' | 'warning' | 'error';
  message: string;
  buttons: string[];
}

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/**
 * Records the notifications shown until `dispose()`. `answer` picks the button the user clicks
 * (undefined: the notification is closed).
 */
export function recordNotifications(answer: (shown: Shown, index: number) => string | undefined = () => undefined): vscode.Disposable & { shown: Shown[] } {
  const shown: Shown[] = [];
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = { information: window.showInformationMessage, warning: window.showWarningMessage, error: window.showErrorMessage };
  const record = (severity: Shown['severity']): Show => (message, ...rest) => {
    const buttons = rest.filter((item): item is string => typeof item === 'string');
    const notification = { severity, message, buttons };
    shown.push(notification);
    return Promise.resolve(answer(notification, shown.length - 1));
  };
  window.showInformationMessage = record('information');
  window.showWarningMessage = record('warning');
  window.showErrorMessage = record('error');
  return Object.assign(
    new vscode.Disposable(() => {
      window.showInformationMessage = originals.information;
      window.showWarningMessage = originals.warning;
      window.showErrorMessage = originals.error;
    }),
    { shown },
  );
}
