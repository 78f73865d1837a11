import * as assert from 'node:assert/strict';
import { openSnapshot, sealSnapshot, type SnapshotMaker } from '../../src/extension/workspace/snapshotStamp';
import { AccountStore } from '../../src/core/index/store';
import { accountText, MemorySource } from './memorySource';

const maker: SnapshotMaker = { version: '0.1.0', build: '812345:1767225600000', language: 'en', messages: '' };
const snapshot = '{"version":2,"configText":null,"keyNames":[],"entries":[]}';

describe('which kept index snapshot is reused', () => {
  it('reuses a snapshot made by the same version and build, in the same language', () => {
    assert.equal(openSnapshot({ ...maker }, sealSnapshot(maker, snapshot)), snapshot);
  });

  it('reads everything again after an upgrade: a snapshot made by another version is not reused', () => {
    assert.equal(openSnapshot({ ...maker, version: '0.2.0' }, sealSnapshot(maker, snapshot)), undefined);
  });

  it('nor one made by another build of the same version (a development build, a reinstall)', () => {
    assert.equal(openSnapshot({ ...maker, build: '812399:1767312000000' }, sealSnapshot(maker, snapshot)), undefined);
  });

  it('nor one whose messages are in another language or from other translations', () => {
    assert.equal(openSnapshot({ ...maker, language: 'id' }, sealSnapshot(maker, snapshot)), undefined);
    assert.equal(openSnapshot({ ...maker, language: 'id', messages: 'a1' }, sealSnapshot({ ...maker, language: 'id', messages: 'b2' }, snapshot)), undefined);
  });

  it('nor one kept before snapshots said what made them, nor none', () => {
    assert.equal(openSnapshot(maker, snapshot), undefined);
    assert.equal(openSnapshot(maker, ''), undefined);
    assert.equal(openSnapshot(maker, undefined), undefined);
  });

  it('gives back a reused snapshot exactly, whatever its text', () => {
    const text = 'line one\n{"line": 2}\n\n';
    assert.equal(openSnapshot(maker, sealSnapshot(maker, text)), text);
  });

  it('an upgrade re-reads every file once, and the next start reuses what it kept', async () => {
    const source = new MemorySource({
      'accounts/ae/acme.md': accountText({ name: 'Acme', stage: 'demo' }),
      'accounts/am/initech.md': accountText({ name: 'Initech', stage: 'active' }),
    });
    const loadWith = async (by: SnapshotMaker, kept: string | undefined) => {
      const store = new AccountStore(source, { keepStamps: true });
      source.reads = 0;
      await store.load(openSnapshot(by, kept));
      return { reads: source.reads, kept: sealSnapshot(by, store.snapshot()) };
    };
    const first = await loadWith(maker, undefined);
    assert.equal(first.reads, 3, 'the config and both accounts');
    assert.equal((await loadWith(maker, first.kept)).reads, 1, 'the same build reads the config alone');
    const upgraded = await loadWith({ ...maker, version: '0.2.0' }, first.kept);
    assert.equal(upgraded.reads, 3, 'the new version reads every account again');
    assert.equal((await loadWith({ ...maker, version: '0.2.0' }, upgraded.kept)).reads, 1, 'once');
  });
});
