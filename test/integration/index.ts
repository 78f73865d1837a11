// The integration suite's entry point: VS Code's extension host calls `run()` (--extensionTestsPath).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { removeTestAccounts } from './helpers';
import { failureLine } from './workbench';

export function run(): Promise<void> {
  // HANDOFF_TEST_GREP (test/run.js --grep <text>) runs only the tests whose full title contains it.
  const grep = process.env.HANDOFF_TEST_GREP || undefined;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: 'spec',
    grep,
    // Whatever a test made with testAccounts() is removed after it, pass or fail (helpers.ts).
    rootHooks: { afterEach: removeTestAccounts },
  });
  // `<name>.<suite>.test.js` runs only in the host test/run.js starts for that suite (`id`: --locale id,
  // `restricted`: an untrusted folder, `virtual`: a folder behind the FileSystemProvider of the test
  // extension in test/vfs-extension, `failed`: a folder whose .handoff.yml cannot be read); every other
  // test file in the default one.
  const suite = process.env.HANDOFF_TEST_SUITE ?? 'default';
  for (const file of fs.readdirSync(__dirname)) {
    const suffix = /\.(\w+)\.test\.js$/.exec(file)?.[1] ?? 'default';
    if (file.endsWith('.test.js') && suffix === suite) mocha.addFile(path.join(__dirname, file));
  }
  const failed: string[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 1, pending: 0 };
      const resultsFile = process.env.HANDOFF_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed: failures, skipped: pending, failures: failed }));
      console.log(`integration (${suite}${grep ? `, --grep ${JSON.stringify(grep)}` : ''}): ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('fail', (test, error) => failed.push(failureLine(test, error)));
  });
}
