// The web suite's entry point, run by VS Code's web worker extension host (the host of vscode.dev and
// github.dev): test/run.js writes a copy of the extension whose manifest has `browser` and no `main`,
// puts this bundle inside it (a suite runs in the host of the extension that holds it) and passes it
// as --extensionTestsPath. No Node here: mocha's browser build, chai's assert, and files through
// workspace.fs; what the runner needs to say (results, --grep) goes through a file beside this bundle.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../integration/workbench';

interface Options {
  /** Where on the server's disk to write `{ passed, failed, skipped, failures }`. */
  results: string;
  grep?: string;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in the web worker extension host`);
  const options = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'out', 'test', 'web', 'options.json')))) as Options;
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false, grep: options.grep });
  // After setup, so that `describe` and `it` exist when the test files run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  const failed: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
    runner.on('fail', (test, error: Error | undefined) => failed.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0]}`));
  });
  const results = { passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures: failed };
  // The workspace is on the server's disk, reached as vscode-remote://<server>/<path>: the results file too.
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (workspace) await vscode.workspace.fs.writeFile(workspace.with({ path: options.results }), new TextEncoder().encode(JSON.stringify(results)));
  console.log(`integration (web${options.grep ? `, --grep ${JSON.stringify(options.grep)}` : ''}): ${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) throw new Error(`${results.failed} web tests failed`);
}
