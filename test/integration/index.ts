// The integration suite's entry point: VS Code's extension host calls `run()` (--extensionTestsPath).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // `<name>.<locale>.test.js` runs only in a host started with that --locale; the rest in English.
  const locale = process.env.HANDOFF_TEST_LOCALE ?? 'en';
  for (const file of fs.readdirSync(__dirname)) {
    const suffix = /\.(\w\w)\.test\.js$/.exec(file)?.[1] ?? 'en';
    if (file.endsWith('.test.js') && suffix === locale) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes, failures } = runner.stats ?? { passes: 0, failures: 1 };
      const resultsFile = process.env.HANDOFF_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed: failures }));
      console.log(`integration (${locale}): ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
