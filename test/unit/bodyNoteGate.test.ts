import * as assert from 'node:assert/strict';
import { readAccount } from '../../src/core/read/accountRead';
import { defaultConfig, type NoteGate } from '../../src/core/model/teamConfig';

/** An AM account handed off by an earlier version: the `handoff:` record and the note in the account itself. */
const OLD = [
  '---',
  'name: Globex',
  'stage: onboarding',
  'am: budi@example.com',
  'handoff:',
  '  date: 2026-01-10',
  '  to: budi@example.com',
  '---',
  '',
  '# Globex',
  '',
  '## Handoff note — 2026-01-10',
  '',
  '- **Stakeholders:** the CFO signs',
  '- **Risks:** <!-- competitors, politics -->',
  '- **Promises made:**',
  '',
  '## Check-ups',
  '',
  '- **Agenda:**',
  '',
].join('\n');

const gate = (requireNote: NoteGate) => {
  const config = defaultConfig();
  config.handoff.requireNote = requireNote;
  return config;
};

describe('the note gate on a note in the account body (handoffs of an earlier version)', () => {
  it('names the empty items of the handoff note section only, on the first one, with the gate’s severity', () => {
    const problems = readAccount('accounts/am/globex.md', 'am', OLD, gate('error')).problems.filter((p) => p.code === 'handoff-note-empty');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].line, 15);
    assert.match(problems[0].message, /2 empty items: Risks, Promises made$/);
  });

  it('says nothing with the gate off, for an AE account, or without a handoff record', () => {
    const gated = (role: 'ae' | 'am', text: string, requireNote: NoteGate) => readAccount(`accounts/${role}/globex.md`, role, text, gate(requireNote)).problems.filter((p) => p.code === 'handoff-note-empty');
    assert.equal(gated('am', OLD, 'warning').length, 1);
    assert.deepEqual(gated('am', OLD, 'off'), []);
    assert.deepEqual(gated('ae', OLD, 'warning'), []);
    assert.deepEqual(gated('am', OLD.replace(/handoff:\n {2}date: 2026-01-10\n {2}to: budi@example.com\n/, ''), 'warning'), []);
    assert.deepEqual(gated('am', OLD.replace(/- \*\*Risks:\*\* .*\n- \*\*Promises made:\*\*/, '- **Risks:** none\n- **Promises made:** none'), 'warning'), []);
  });
});
