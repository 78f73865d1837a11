// The web suite's entry point, run by VS Code's web worker extension host (the host of vscode.dev and
// github.dev): test/run.js writes a copy of the extension whose manifest has `browser` and no `main`,
// puts this bundle inside it (a suite runs in the host of the extension that holds it) and passes it
// as --extensionTestsPath. No Node here: mocha's browser build, chai's assert, and files through
// workspace.fs; what the runner needs to say (results, --grep) goes through a file beside this bundle.
import 'mocha/mocha.js';
import { failureLine } from '../integration/workbench';
import { suiteOptions, writeResults } from './suiteOptions';

export async function run(): Promise<void> {
  const options = await suiteOptions();
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false, grep: options.grep });
  // After setup, so that `describe` and `it` exist when the test files run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  const failed: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
    runner.on('fail', (test, error) => failed.push(failureLine(test, error)));
  });
  const results = { passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures: failed };
  await writeResults(options, results);
  console.log(`integration (web${options.grep ? `, --grep ${JSON.stringify(options.grep)}` : ''}): ${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) throw new Error(`${results.failed} web tests failed`);
}
