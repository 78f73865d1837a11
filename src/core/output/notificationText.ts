/**
 * Text from files (account names, file names, stage ids, refusals) in a VS Code notification. The
 * workbench turns `[text](https:…)`, `[text](command:…)` and `[text](file:…)` in a notification's
 * message into a link — a `command:` link runs that command when clicked — so an account named
 * `[Open](command:…)` must not reach one as written. Every character is kept; the link syntax is
 * broken with a space (`] (`).
 */
export function notificationText(message: string): string {
  return message.replace(/\]\s*\(/g, '] (');
}
