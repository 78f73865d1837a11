import * as assert from 'node:assert/strict';
import { EditRefused } from '../../src/core/edit/editPlan';
import { GitCancelled, GitError } from '../../src/node/git';
import { failureDetail, failureKind, failureMessage } from '../../src/extension/workspace/failure';

// What the command manager does with what a command throws: a refusal is one warning, a cancel is
// quiet, anything else is logged with its stack and shown as an error with Show Log.
describe('a failure', () => {
  const classes = { refused: [EditRefused, GitError], cancelled: [GitCancelled] };

  it('is a refusal for an edit refused or a complaint of git, a cancellation for a stopped git, else a failure', () => {
    assert.equal(failureKind(new EditRefused('acme.md has unsaved changes; save it first'), classes), 'refused');
    assert.equal(failureKind(new GitError("unknown revision 'nope'"), classes), 'refused');
    assert.equal(failureKind(new GitCancelled(), classes), 'cancelled');
    assert.equal(failureKind(new TypeError("Cannot read properties of undefined (reading 'file')"), classes), 'failed');
    assert.equal(failureKind('a string thrown by a library', classes), 'failed');
    assert.equal(failureKind(undefined, classes), 'failed');
  });

  it('is shown in one line, whatever was thrown', () => {
    assert.equal(failureMessage(new Error('EACCES: permission denied')), 'EACCES: permission denied');
    assert.equal(failureMessage(new RangeError('')), 'RangeError');
    assert.equal(failureMessage('plain text'), 'plain text');
    assert.equal(failureMessage({ code: 'Unavailable' }), '{"code":"Unavailable"}');
    assert.equal(failureMessage(undefined), 'undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(failureMessage(cyclic), '[object Object]');
  });

  it('is logged with its stack and its causes, so the log says where it came from', () => {
    const cause = new Error('EIO: i/o error, read');
    const error = new Error('Indexing failed', { cause });
    const detail = failureDetail(error);
    assert.match(detail, /^Error: Indexing failed\n\s+at /);
    assert.match(detail, /\nCaused by: Error: EIO: i\/o error, read\n\s+at /);
    const bare = new Error('no stack');
    bare.stack = undefined;
    assert.equal(failureDetail(bare), 'Error: no stack');
    assert.equal(failureDetail('plain text'), 'plain text');
  });
});
