import * as assert from 'node:assert/strict';
import { notificationText } from '../../src/core/output/notificationText';

// How the workbench finds links in a notification's message (NotificationViewItem, VS Code 1.90).
const WORKBENCH_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('notificationText', () => {
  it('keeps every character of a name and breaks the link a notification would make of it', () => {
    const name = "Acme [Open settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) [x](https://evil.example) [f]  (file:///etc/passwd)";
    const shown = notificationText(`Handoff: moved ${name} to demo.`);
    assert.equal(shown.match(WORKBENCH_LINK), null);
    assert.equal(shown.replace(/\] \(/g, ']('), `Handoff: moved ${name.replace(/\]\s*\(/g, '](')} to demo.`);
    assert.equal(notificationText('Handoff: moved Acme (EMEA) [key] to demo.'), 'Handoff: moved Acme (EMEA) [key] to demo.');
  });
});
