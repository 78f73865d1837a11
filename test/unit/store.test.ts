import * as assert from 'node:assert/strict';
import { AccountStore, type StoreChange } from '../../src/core/index/store';
import { accountText, MemorySource } from './memorySource';

function workspace() {
  const source = new MemorySource({
    'accounts/ae/apac/acme.md': accountText({ name: 'Acme', stage: 'demo' }),
    'accounts/ae/globex.md': accountText({ name: 'Globex', stage: 'negotiatoin' }),
    'accounts/am/initech.md': accountText({ name: 'Initech', stage: 'active', contract_end: '2027-12-31' }),
    'accounts/README.md': '# not an account\n',
    'accounts/ae/notes.txt': 'not markdown',
    'docs/guide.md': '# not an account either\n',
  });
  const store = new AccountStore(source);
  const changes: StoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return { source, store, changes };
}

describe('AccountStore', () => {
  it('loads every account under the AE and AM folders, and nothing else', async () => {
    const { store } = workspace();
    await store.load();
    assert.deepEqual(store.accounts().map((a) => `${a.file}:${a.role}`).sort(), ['accounts/ae/apac/acme.md:ae', 'accounts/ae/globex.md:ae', 'accounts/am/initech.md:am']);
    assert.deepEqual(store.problems().map((p) => `${p.file}:${p.code}`), ['accounts/ae/globex.md:unknown-stage']);
  });

  it('adds, changes and deletes one file at a time, reading only that file', async () => {
    const { source, store, changes } = workspace();
    await store.load();
    changes.length = 0;
    source.reads = 0;

    source.files.set('accounts/am/new.md', accountText({ name: 'New', stage: 'onboarding', contract_end: '2027-12-31' }));
    await store.refresh(['accounts/am/new.md']);
    assert.equal(store.get('accounts/am/new.md')?.account?.name, 'New');

    source.files.set('accounts/ae/globex.md', accountText({ name: 'Globex', stage: 'negotiation' }));
    await store.refresh(['accounts/ae/globex.md']);
    assert.deepEqual(store.problems(), []);

    source.files.delete('accounts/ae/apac/acme.md');
    await store.refresh(['accounts/ae/apac/acme.md']);
    assert.equal(store.get('accounts/ae/apac/acme.md'), undefined);

    assert.equal(source.reads, 3);
    assert.deepEqual(changes, [
      { changed: ['accounts/am/new.md'], removed: [], configChanged: false },
      { changed: ['accounts/ae/globex.md'], removed: [], configChanged: false },
      { changed: [], removed: ['accounts/ae/apac/acme.md'], configChanged: false },
    ]);
  });

  it('follows a folder of accounts that is deleted, moved or added as a whole (one watcher event for the folder)', async () => {
    const { source, store, changes } = workspace();
    source.write('accounts/ae/apac/initech-two.md', accountText({ name: 'Initech Two', stage: 'demo' }));
    await store.load();
    changes.length = 0;
    for (const file of ['accounts/ae/apac/acme.md', 'accounts/ae/apac/initech-two.md']) {
      source.write(file.replace('/ae/apac/', '/ae/emea/'), source.files.get(file)!);
      source.files.delete(file);
    }
    await store.refresh(['accounts/ae/apac', 'accounts/ae/emea']);
    assert.deepEqual(store.accounts().map((a) => a.file).sort(), ['accounts/ae/emea/acme.md', 'accounts/ae/emea/initech-two.md', 'accounts/ae/globex.md', 'accounts/am/initech.md']);
    assert.deepEqual(changes, [{ changed: ['accounts/ae/emea/acme.md', 'accounts/ae/emea/initech-two.md'], removed: ['accounts/ae/apac/acme.md', 'accounts/ae/apac/initech-two.md'], configChanged: false }]);
    await store.refresh(['docs', 'accounts/ae/notes.txt']);
    assert.equal(changes.length, 1, 'paths outside the account folders, or not accounts, change nothing');
  });

  it('follows a rename from the AE folder to the AM folder, role and problems included', async () => {
    const { source, store, changes } = workspace();
    await store.load();
    changes.length = 0;
    source.files.set('accounts/am/apac/acme.md', source.files.get('accounts/ae/apac/acme.md')!);
    source.files.delete('accounts/ae/apac/acme.md');
    await store.refresh(['accounts/ae/apac/acme.md', 'accounts/am/apac/acme.md']);
    assert.equal(store.get('accounts/ae/apac/acme.md'), undefined);
    assert.equal(store.get('accounts/am/apac/acme.md')?.role, 'am');
    assert.deepEqual(store.get('accounts/am/apac/acme.md')?.problems.map((p) => p.code), ['stage-role-mismatch']);
    assert.deepEqual(changes, [{ changed: ['accounts/am/apac/acme.md'], removed: ['accounts/ae/apac/acme.md'], configChanged: false }]);
  });

  it('ignores files that are not accounts', async () => {
    const { source, store, changes } = workspace();
    await store.load();
    changes.length = 0;
    source.files.set('docs/other.md', accountText({ name: 'X', stage: 'demo' }));
    await store.refresh(['docs/other.md', 'accounts/ae/notes.txt']);
    assert.equal(store.size, 3);
    assert.deepEqual(changes, []);
  });

  it('re-validates everything when .handoff.yml changes, and reports its problems', async () => {
    const { source, store, changes } = workspace();
    await store.load();
    changes.length = 0;
    source.files.set('.handoff.yml', 'stages:\n  - { id: negotiatoin, role: ae }\n  - { id: demo, role: ae }\n  - { id: active, role: am }\nhandoff: { from: nope }\n');
    await store.refresh(['.handoff.yml']);
    assert.deepEqual(store.problems().map((p) => `${p.file}:${p.line}`), ['.handoff.yml:5']);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].configChanged, true);
  });

  it('moves the whole index when the configured root changes', async () => {
    const { source, store } = workspace();
    source.files.set('crm/hunters/a.md', accountText({ name: 'A', stage: 'demo' }));
    source.files.set('.handoff.yml', 'root: crm\nfolders: { ae: hunters }\n');
    await store.load();
    assert.deepEqual(store.accounts().map((a) => a.file), ['crm/hunters/a.md']);
  });

  it('keeps the role folders at the top of the workspace with root: .', async () => {
    const source = new MemorySource({ '.handoff.yml': 'root: .\n', 'ae/a.md': accountText({ name: 'A', stage: 'demo' }), 'am/b.md': accountText({ name: 'B', stage: 'active', contract_end: '2027-12-31' }) });
    const store = new AccountStore(source);
    await store.load();
    assert.deepEqual(store.accounts().map((a) => `${a.file}:${a.role}`).sort(), ['ae/a.md:ae', 'am/b.md:am']);
    assert.deepEqual(store.problems(), []);
  });

  it('reads unsaved editor text without touching the source', async () => {
    const { source, store } = workspace();
    await store.load();
    store.updateText('accounts/ae/apac/acme.md', accountText({ name: 'Acme', stage: 'demoo' }));
    assert.deepEqual(store.problems().map((p) => p.file).sort(), ['accounts/ae/apac/acme.md', 'accounts/ae/globex.md']);
    assert.match(source.files.get('accounts/ae/apac/acme.md')!, /stage: demo\n/);
  });

  it('turns an unreadable file into a problem rather than a failure', async () => {
    const { source, store } = workspace();
    const read = source.readText.bind(source);
    source.readText = async (file) => {
      if (file === 'accounts/ae/globex.md') throw new Error('EACCES: permission denied');
      return read(file);
    };
    await store.load();
    assert.deepEqual(store.problems().map((p) => `${p.file}:${p.code}`), ['accounts/ae/globex.md:unreadable']);
    assert.equal(store.accounts().length, 2);
  });
});

describe('AccountStore snapshots', () => {
  it('restores unchanged files from a snapshot and reads only what changed since', async () => {
    const { source } = workspace();
    const first = new AccountStore(source, { keepStamps: true });
    await first.load();
    const snapshot = first.snapshot();
    source.write('accounts/ae/globex.md', accountText({ name: 'Globex', stage: 'negotiation' }));
    source.write('accounts/am/new.md', accountText({ name: 'New', stage: 'active', contract_end: '2027-12-31' }));
    source.reads = 0;
    const second = new AccountStore(source, { keepStamps: true });
    await second.load(snapshot);
    assert.equal(source.reads, 3, 'the config, the changed file and the new one');
    assert.deepEqual(second.accounts().map((a) => `${a.name}:${a.stage}`).sort(), ['Acme:demo', 'Globex:negotiation', 'Initech:active', 'New:active']);
    assert.deepEqual(second.problems(), []);
    assert.equal(second.get('accounts/ae/apac/acme.md')?.account?.keys.get('stage')?.line, 2, 'key positions survive the snapshot');
  });

  it('ignores a snapshot made under another team configuration, or one that is not JSON', async () => {
    const { source } = workspace();
    const first = new AccountStore(source, { keepStamps: true });
    await first.load();
    const snapshot = first.snapshot();
    source.write('.handoff.yml', 'stages:\n  - { id: negotiatoin, role: ae }\n  - { id: demo, role: ae }\n  - { id: active, role: am }\n');
    source.reads = 0;
    const second = new AccountStore(source, { keepStamps: true });
    await second.load(snapshot);
    assert.equal(source.reads, 4, 'everything is read again');
    assert.deepEqual(second.problems(), []);
    await new AccountStore(source, { keepStamps: true }).load('{ not json');
  });

  it('keeps unsaved editor text out of the snapshot', async () => {
    const { source } = workspace();
    const store = new AccountStore(source, { keepStamps: true });
    await store.load();
    store.updateText('accounts/ae/apac/acme.md', accountText({ name: 'Acme', stage: 'proposal' }));
    const restored = new AccountStore(source, { keepStamps: true });
    await restored.load(store.snapshot());
    assert.equal(restored.get('accounts/ae/apac/acme.md')?.account?.stage, 'demo');
  });
});
