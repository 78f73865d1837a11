// Handoff in VS Code's web worker extension host, as vscode.dev and github.dev run it: the browser
// entry alone (no Node, no git), on a copy of the sample workspace reached through workspace.fs
// (vscode-remote:// URIs, not file:). Each test's own files sit in the sample's folders and are
// deleted after it.
import { assert } from 'chai';
import * as vscode from 'vscode';
import type { HandoffApi } from '../../src/extension/extension';
import { IndexSnapshots } from '../../src/extension/workspace/indexSnapshots';
import { recordNotifications } from '../integration/notifications';
import { activateHandoff, EXTENSION_ID, groupOf, handoffDiagnostics, pipelineGroup, waitFor, workspaceUri } from '../integration/workbench';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const uriOf = (file: string) => workspaceUri(...file.split('/'));

async function read(file: string): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uriOf(file)));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

describe('Handoff on the web (the web worker extension host)', () => {
  let api: HandoffApi;
  /** What the running test made, deleted after it. */
  const made: string[] = [];

  /** Writes a file of the test's own and waits until the index holds it. */
  async function write(file: string, text: string): Promise<vscode.Uri> {
    made.push(file);
    await vscode.workspace.fs.writeFile(uriOf(file), encoder.encode(text));
    await waitFor(`the index to hold ${file}`, () => api.indexedFiles().includes(file));
    return uriOf(file);
  }

  before(async () => {
    api = await activateHandoff();
    // The notes folder a handoff writes into, made one level at a time with a moment between: a
    // folder made inside one code-server's file watcher has not seen yet stays unwatched (Linux), so
    // the index would never hear of the note that an undo takes away (test/integration/helpers.ts).
    for (const folder of ['accounts/handoffs', 'accounts/handoffs/apac']) {
      await vscode.workspace.fs.createDirectory(uriOf(folder));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  afterEach(async () => {
    const files = made.splice(0);
    const ours = new Set(files.map((file) => uriOf(file).toString()));
    // Unsaved text (a note whose file an undo took away is such a document) would ask to be saved on
    // close, or be auto saved back after the delete (afterDelay in a browser): reverted first, as
    // test/integration/helpers.ts does.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && ours.has(d.uri.toString()))) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of files) if ((await read(file)) !== undefined) await vscode.workspace.fs.delete(uriOf(file), { useTrash: false });
    const held = () => api.indexedFiles().filter((file) => files.includes(file));
    await waitFor('the index to let go of the test\'s files', () => held().length === 0).catch(async (error: Error) => {
      const onDisk = await Promise.all(files.map(async (file) => `${file} ${(await read(file)) === undefined ? 'gone' : 'there'}`));
      throw new Error(`${error.message}: the index holds ${held().join(', ')}; on disk: ${onDisk.join(', ')}`);
    });
  });

  it('activates in a web worker (no Node, no process), on files reached through workspace.fs', () => {
    assert.isFunction((globalThis as { importScripts?: unknown }).importScripts, 'a web worker');
    assert.isUndefined((globalThis as { process?: unknown }).process, 'no Node');
    assert.notEqual(workspaceUri().scheme, 'file');
    const accounts = api.indexedFiles().filter((file) => file.startsWith('accounts/a'));
    assert.lengthOf(accounts, 32, 'every account of the sample is indexed');
  });

  it('fills the Pipeline, Renewals and Key Accounts views', () => {
    const stages = api.pipeline().map((group) => group.key);
    assert.includeOrderedMembers(stages, ['prospecting', 'qualification', 'demo', 'proposal', 'negotiation', 'closed_won']);
    assert.include(pipelineGroup(api, 'demo')!.children.map((item) => item.label), 'Baltic Freight');
    assert.equal(groupOf(api, 'accounts/am/apac/globex.md'), 'onboarding');
    assert.match(api.pipelineMessage() ?? '', /forecast/i);
    const renewals = api.renewals();
    assert.isAbove(renewals.flatMap((bucket) => bucket.rows).length, 0, `renewal rows: ${JSON.stringify(renewals)}`);
    assert.isDefined(api.treeElement('handoff.keyAccounts', 'accounts/am/emea/lumen-health.md'), 'a scored customer is a key account');
    assert.equal(api.keyAccountsMessage(), '4 of 5 key-account places: only 4 accounts have scores — add scores: to more accounts');
  });

  it('reports a problem in the Problems panel, and its quick fix repairs the file', async () => {
    const text = '---\nname: Web Typo\nstage: qualifcation\nae: dewi@example.com\n---\n\n# Web Typo\n';
    const uri = await write('accounts/ae/apac/web-typo.md', text);
    const [diagnostic] = await waitFor('the misspelt stage', () => handoffDiagnostics(uri).length > 0 && handoffDiagnostics(uri));
    assert.equal(diagnostic.range.start.line, 2);
    const document = await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((action) => action.title === "Change stage to 'qualification'");
    assert.isDefined(fix?.edit, `no quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.isTrue(await vscode.workspace.applyEdit(fix!.edit!));
    await document.save();
    await waitFor('the fixed file on disk', async () => (await read('accounts/ae/apac/web-typo.md')) === text.replace('qualifcation', 'qualification'));
    await waitFor('the problem to clear', () => handoffDiagnostics(uri).length === 0);
  });

  it('puts the renewal lens above contract_end', async () => {
    // Globex's contract ends 2027-10-31 with 60 days' notice: on 2027-08-20 the notice is 12 days away.
    api.setToday('2027-08-20');
    try {
      const uri = uriOf('accounts/am/apac/globex.md');
      // The command needs the document loaded in the workbench ("Illegal argument" otherwise).
      const document = await vscode.workspace.openTextDocument(uri);
      const lenses = await waitFor('the renewal lens', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found.some((lens) => /notice in 12 d/.test(lens.command?.title ?? '')) && found;
      });
      const renewal = lenses.find((lens) => /notice in 12 d/.test(lens.command?.title ?? ''))!;
      assert.match(document.lineAt(renewal.range.start.line).text, /^contract_end:/);
      assert.include(lenses.map((lens) => lens.command?.title), 'Start Renewal');
    } finally {
      api.setToday(undefined);
    }
  });

  it('moves a deal to another stage by its stage line alone', async () => {
    const file = 'accounts/ae/emea/web-move.md';
    const before = (await read('accounts/ae/emea/baltic-freight.md'))!.replaceAll('Baltic Freight', 'Web Move');
    const uri = await write(file, before);
    assert.equal(groupOf(api, file), 'demo');
    await vscode.commands.executeCommand('handoff.moveToStage', uri, 'proposal');
    assert.equal(await read(file), before.replace('\nstage: demo\n', '\nstage: proposal\n'));
    await waitFor('the Pipeline to show the move', () => groupOf(api, file) === 'proposal');
  });

  it('hands a won deal off as a rename and a note, which one undo restores', async () => {
    const from = 'accounts/ae/apac/web-toko.md';
    const to = 'accounts/am/apac/web-toko.md';
    const note = 'accounts/handoffs/apac/web-toko.md';
    made.push(to, note);
    const before = (await read('accounts/ae/apac/tokopintar.md'))!.replaceAll('TokoPintar', 'Web Toko');
    await write(from, before);
    const result = await vscode.commands.executeCommand<vscode.Uri>('handoff.handOff', uriOf(from), 'budi@example.com');
    assert.equal(result?.toString(), uriOf(to).toString());
    assert.isUndefined(await read(from));
    assert.equal(await read(to), before.replace('\nstage: closed_won\n', '\nstage: onboarding\n'));
    assert.match((await read(note)) ?? '', /^---\nhandoff:\n  date: \d{4}-\d\d-\d\d\n  from: rizky@example.com\n  to: budi@example.com\n---\n/);
    await waitFor('the account under onboarding', () => groupOf(api, to) === 'onboarding');

    await vscode.commands.executeCommand('undo');
    await waitFor('undo to move the file back and take the note away', async () => (await read(to)) === undefined && (await read(note)) === undefined && (await read(from)) !== undefined, 30_000);
    const restored = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriOf(from).toString());
    assert.equal(restored?.getText(), before);
    await restored?.save();
    await waitFor('the restored text on disk', async () => (await read(from)) === before);
    await waitFor('the deal back under closed_won', () => groupOf(api, from) === 'closed_won');
  });

  it('opens the period report as Markdown', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('handoff.openReport', '2026-Q4');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^# Pipeline report 2026-Q4\n/);
  });

  it('has no git: Compare with Branch and Show Account History say why instead of failing, and "me" is the setting alone', async () => {
    const shown = recordNotifications();
    try {
      assert.isUndefined(await vscode.commands.executeCommand('handoff.compareWithBranch'));
      assert.isUndefined(await vscode.commands.executeCommand('handoff.showHistory', uriOf('accounts/am/apac/globex.md')));
      assert.isUndefined(await vscode.commands.executeCommand('handoff.filterMine'));
    } finally {
      shown.dispose();
    }
    assert.deepEqual(
      shown.shown.map((notification) => [notification.severity, notification.message]),
      [
        ['warning', 'Handoff: Compare with Branch runs git, which VS Code in the browser cannot run. Open the repository in VS Code on the desktop to compare it with a branch.'],
        ['warning', "Handoff: an account's history comes from git, which VS Code in the browser cannot run. Open the repository in VS Code on the desktop to see it."],
        ['information', "Handoff does not know who you are: set 'handoff.me' to your e-mail as written in ae: and am: (or set git's user.email)."],
      ],
    );
    // Nor are they offered: the palette and the menus show them only where git runs.
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
    for (const command of ['handoff.compareWithBranch', 'handoff.showHistory']) {
      const whens = Object.values(menus).flat().filter((item) => item.command === command).map((item) => item.when ?? '');
      assert.isNotEmpty(whens, command);
      for (const when of whens) assert.match(when, /(^|&& )!handoff\.gitUnavailable$/, command);
    }
  });

  it('writes and reads back an index snapshot in the browser (Web Crypto, workspace.fs), reused only by the same bundle', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const log = vscode.window.createOutputChannel('Handoff web snapshot test', { log: true });
    try {
      const storage = vscode.Uri.joinPath(workspaceUri(), '..', 'web-storage');
      const snapshot = '{"version":2,"configText":null,"keyNames":[],"entries":[]}';
      await new IndexSnapshots(storage, extension, log, 'browser').write(workspaceUri(), snapshot);
      assert.equal(await new IndexSnapshots(storage, extension, log, 'browser').read(workspaceUri()), snapshot);
      assert.isUndefined(await new IndexSnapshots(storage, extension, log, 'main').read(workspaceUri()), 'the desktop bundle does not reuse it');
    } finally {
      log.dispose();
    }
  });
});
