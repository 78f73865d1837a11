// The index snapshot the extension keeps in its storage is reused only by the build that made it:
// an upgrade (or a new development build) reads every account again, once (snapshotStamp.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { IndexSnapshots, type ExtensionBuild } from '../../src/extension/workspace/indexSnapshots';
import { EXTENSION_ID, workspaceUri } from './workbench';

describe('Index snapshots', () => {
  const snapshot = '{"version":2,"configText":null,"keyNames":[],"entries":[]}';
  let scratch: string;
  let storage: vscode.Uri;
  let installed: vscode.Uri;
  const folder = () => workspaceUri();
  /** An installed build of the extension: its folder with its bundle, and its manifest. */
  const build = (version: string): ExtensionBuild => ({ extensionUri: installed, packageJSON: { name: 'handoff', version, main: './dist/extension.js' } });
  const log = vscode.window.createOutputChannel('Handoff snapshots test', { log: true });
  after(() => log.dispose());

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-snapshots-'));
    storage = vscode.Uri.file(path.join(scratch, 'storage'));
    installed = vscode.Uri.file(path.join(scratch, 'extension'));
    fs.mkdirSync(path.join(installed.fsPath, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(installed.fsPath, 'dist', 'extension.js'), '// build 1\n');
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is reused by the same build, and kept in the extension storage alone', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID));
    await new IndexSnapshots(storage, build('0.1.0'), log, 'main').write(folder(), snapshot);
    assert.equal(await new IndexSnapshots(storage, build('0.1.0'), log, 'main').read(folder()), snapshot);
    assert.equal(fs.readdirSync(storage.fsPath).length, 1);
  });

  it('is not reused after an upgrade, which keeps its own in the same place', async () => {
    await new IndexSnapshots(storage, build('0.1.0'), log, 'main').write(folder(), snapshot);
    const upgraded = new IndexSnapshots(storage, build('0.2.0'), log, 'main');
    assert.equal(await upgraded.read(folder()), undefined, 'a snapshot made by 0.1.0 is read again by 0.2.0');
    await upgraded.write(folder(), snapshot.replace('"entries":[]', '"entries":[ ]'));
    assert.equal(await new IndexSnapshots(storage, build('0.2.0'), log, 'main').read(folder()), snapshot.replace('"entries":[]', '"entries":[ ]'));
    assert.equal(fs.readdirSync(storage.fsPath).length, 1, 'the upgrade overwrote the old snapshot, leaving none behind');
    assert.equal(await new IndexSnapshots(storage, build('0.1.0'), log, 'main').read(folder()), undefined, 'nor is it reused by a downgrade');
  });

  it('is not reused by a new build of the same version, as in development', async () => {
    await new IndexSnapshots(storage, build('0.1.0'), log, 'main').write(folder(), snapshot);
    fs.writeFileSync(path.join(installed.fsPath, 'dist', 'extension.js'), '// build 2, with a changed rule\n');
    assert.equal(await new IndexSnapshots(storage, build('0.1.0'), log, 'main').read(folder()), undefined);
  });

  it('is not reused when the build cannot be told', async () => {
    await new IndexSnapshots(storage, build('0.1.0'), log, 'main').write(folder(), snapshot);
    fs.rmSync(path.join(installed.fsPath, 'dist'), { recursive: true });
    const unknown = new IndexSnapshots(storage, build('0.1.0'), log, 'main');
    await unknown.write(folder(), snapshot);
    assert.equal(await new IndexSnapshots(storage, build('0.1.0'), log, 'main').read(folder()), undefined);
  });
});
