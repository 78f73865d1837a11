#!/usr/bin/env node
'use strict';
// `npm test`: builds, lints and type-checks, runs the unit and CLI tests in plain Node, sets up the real
// VS Code test host once (test/host/setup.js), runs the grammar token test and the integration suite in
// it on a copy of the sample workspace, then the end-to-end check of the packaged .vsix in chromium
// (test/e2e). Ends with one line: `N passed, N failed, N skipped` (a failed lint or type-check counts
// as one failure each; skipped tests are mocha's pending ones).
//   --unit-only / --integration-only   run one half
//   --grep <text>   only the tests whose full title contains <text> (a /regular expression/ too), in
//                   every suite; the end-to-end check, which is not a Mocha suite, is then skipped
//   --suite <name>  only that integration suite: default, id, restricted, virtual, failed or web
//   HANDOFF_VSCODE_EXECUTABLE=/path/to/code   use a desktop VS Code instead of code-server
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SUITES = ['default', 'id', 'restricted', 'virtual', 'failed', 'web'];
const { flags: args, grep, suite: onlySuite } = parseArgs(process.argv.slice(2));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** What failed, by name, repeated above the closing line: a long log's end is what a CI page shows. */
const failures = [];
const mocharc = require('../.mocharc.js');
const { writeWebExtension } = require('./host/webExtension');

function parseArgs(argv) {
  const flags = new Set();
  const values = {};
  for (let index = 0; index < argv.length; index++) {
    const [name, inline] = argv[index].split(/=(.*)/s);
    if (name === '--grep' || name === '--suite') {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '') throw new Error(`${name} needs a value`);
      values[name.slice(2)] = value;
    } else if (name === '--unit-only' || name === '--integration-only') flags.add(name);
    else throw new Error(`unknown option ${argv[index]} (known: --unit-only, --integration-only, --grep <text>, --suite <name>)`);
  }
  if (values.suite && !SUITES.includes(values.suite)) throw new Error(`--suite is one of ${SUITES.join(', ')}`);
  return { flags, grep: values.grep, suite: values.suite };
}

function step(title) {
  process.stdout.write(`\n=== ${title}\n`);
}

function build() {
  step('build, lint and type-check');
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--tests'], { cwd: root, stdio: 'inherit' });
  // The tests still run after a failed check, so one run shows everything that is wrong.
  check('lint', path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), ['--cache', '--cache-location', path.join(root, '.cache', 'eslint') + path.sep, '.']);
  check('type-check', require.resolve('typescript/bin/tsc'), ['-p', root]);
  check('type-check of src/core without Node', require.resolve('typescript/bin/tsc'), ['-p', path.join(root, 'src', 'core')]);
}

function check(name, script, scriptArgs) {
  try {
    execFileSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' });
  } catch {
    process.stderr.write(`${name} failed (counted as one failure)\n`);
    totals.failed += 1;
    failures.push(name);
  }
}

function listTests(folder) {
  const dir = path.join(root, 'out', 'test', folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)) : [];
}

function runMocha() {
  step('unit and CLI tests (Node)');
  return runFiles([...listTests('unit'), ...listTests('cli')]);
}

/**
 * The token test needs VS Code's own Markdown and YAML grammars, which code-server brings. Where this
 * run set code-server up, grammars not found are a failure (HANDOFF_GRAMMARS_REQUIRED); with a desktop
 * VS Code instead, the tests are pending and counted as skipped.
 */
function runGrammar(required) {
  step('grammar token test (VS Code\'s Markdown and YAML grammars)');
  if (required) process.env.HANDOFF_GRAMMARS_REQUIRED = '1';
  return runFiles(listTests('grammar'));
}

function runFiles(files) {
  const Mocha = require('mocha');
  const mocha = new Mocha({ ...mocharc, reporter: 'spec', grep });
  files.forEach((file) => mocha.addFile(file));
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      totals.passed += runner.stats.passes;
      totals.failed += runner.stats.failures;
      totals.skipped += runner.stats.pending;
      resolve();
    });
    runner.on('fail', (test, error) => failures.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0]}`));
  });
}

async function runIntegration() {
  let executable = process.env.HANDOFF_VSCODE_EXECUTABLE;
  const codeServer = !executable;
  if (codeServer) {
    step('test host (code-server)');
    require('./host/setup').setup();
    executable = path.join(__dirname, 'host', 'codeServerHost.js');
  }
  const wanted = (suite) => !onlySuite || onlySuite === suite;
  if (!onlySuite) await runGrammar(codeServer);
  if (wanted('default')) {
    step('integration tests (a real VS Code extension host)');
    await runSuite(executable, 'default', 'en');
  }
  // The other suites need what the code-server stand-in sets up: a language pack for --locale id
  // (a desktop VS Code without the Indonesian pack stays English), an untrusted folder, and
  // --folder-uri on a scheme that only a test extension provides.
  if (!process.env.HANDOFF_VSCODE_EXECUTABLE) {
    if (wanted('id')) {
      step('integration tests in Bahasa Indonesia (--locale id)');
      await runSuite(executable, 'id', 'id');
    }
    if (wanted('restricted')) {
      step('integration tests in Restricted Mode (an untrusted folder)');
      await runSuite(executable, 'restricted', 'en');
    }
    // A folder reached only through a FileSystemProvider, as in a browser: the provider is a second
    // extension under development (test/vfs-extension, built into out/test/vfs-extension), which VS Code
    // activates on `onFileSystem:handoff-test-vfs`, as vscode.dev activates the extension of a remote repository.
    if (wanted('virtual')) {
      step('integration tests on a virtual folder (no file: URIs)');
      await runSuite(executable, 'virtual', 'en', (dir) => `handoff-test-vfs:${dir}`, [path.join(root, 'out', 'test', 'vfs-extension')]);
    }
    // A team folder whose first index fails: its .handoff.yml cannot be read (a symbolic link to
    // itself fails with ELOOP for every user, root included, where a chmod would not stop root).
    if (wanted('failed')) {
      step('integration tests on a folder whose first index fails');
      await runSuite(executable, 'failed', 'en', undefined, [], (dir) => {
        fs.rmSync(path.join(dir, '.handoff.yml'), { force: true });
        fs.symlinkSync('.handoff.yml', path.join(dir, '.handoff.yml'));
      });
    }
    // The browser entry in VS Code's web worker extension host (vscode.dev, github.dev): test/web.
    if (wanted('web')) {
      step('integration tests in the web worker extension host (the browser entry, as on vscode.dev)');
      await runWebSuite(executable);
    }
  }
}

async function runWebSuite(executable) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-web-'));
  try {
    const extension = path.join(scratch, 'extension');
    writeWebExtension(extension, { suite: { results: path.join(scratch, 'results.json'), ...(grep && { grep }) } });
    await runSuite(executable, 'web', 'en', undefined, [], undefined, { extensionDevelopmentPath: [extension], extensionTestsPath: path.join(extension, 'out', 'test', 'web', 'index.js'), resultsFile: path.join(scratch, 'results.json') });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * One run of the integration suite on a fresh copy of the sample: `*.<suite>.test.js`, or for `default`
 * every other test file. `testExtensions`: more extension folders loaded with the one under test;
 * `prepare(dir)`: changes the copy before VS Code opens it.
 */
async function runSuite(executable, suite, locale, folderUri, testExtensions = [], prepare = undefined, web = undefined) {
  const { runTests } = require('@vscode/test-electron');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-integration-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(__dirname, 'fixtures', 'sample'), workspace, { recursive: true });
  prepare?.(workspace);
  // The web suite's extension and suite are elsewhere, and it writes its results where it is told (it has no environment).
  const resultsFile = web?.resultsFile ?? path.join(scratch, 'results.json');
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: web?.extensionDevelopmentPath ?? [root, ...testExtensions],
      extensionTestsPath: web?.extensionTestsPath ?? path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [folderUri ? `--folder-uri=${folderUri(workspace)}` : workspace, '--disable-extensions', `--locale=${locale}`],
      extensionTestsEnv: { HANDOFF_TEST_RESULTS: resultsFile, HANDOFF_TEST_SUITE: suite, ...(grep && { HANDOFF_TEST_GREP: grep }) },
    });
  } catch (error) {
    process.stderr.write(`integration run failed: ${error.message}\n`);
  }
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    totals.passed += results.passed;
    totals.failed += results.failed;
    totals.skipped += results.skipped ?? 0;
    failures.push(...(results.failures ?? []).map((title) => `[${suite}] ${title}`));
  } else {
    process.stderr.write('the integration suite reported no results (the host did not start or the suite crashed)\n');
    totals.failed += 1;
    failures.push(`[${suite}] the suite reported no results`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

function runEndToEnd() {
  step('end-to-end (the packaged .vsix in a real VS Code, driven in chromium)');
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-e2e-results-')), 'results.json');
  try {
    execFileSync(process.execPath, [path.join(root, 'out', 'test', 'e2e', 'e2e.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, HANDOFF_TEST_RESULTS: resultsFile } });
  } catch {
    // counted below
  }
  const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, failures: ['the end-to-end check reported no results'] };
  totals.passed += results.passed;
  totals.failed += results.failed;
  failures.push(...(results.failures ?? []).map((title) => `[end-to-end] ${title}`));
}

async function main() {
  const started = Date.now();
  build();
  if (!args.has('--integration-only')) await runMocha();
  if (!args.has('--unit-only')) await runIntegration();
  // The end-to-end check needs code-server (the desktop-VS Code path cannot drive a browser).
  if (!args.has('--unit-only') && !args.has('--integration-only') && !grep && !onlySuite && !process.env.HANDOFF_VSCODE_EXECUTABLE) runEndToEnd();
  process.stdout.write(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (failures.length > 0) process.stdout.write(`failed:\n${failures.map((title) => `  - ${title}`).join('\n')}\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed + 1} failed, ${totals.skipped} skipped\n`);
  process.exitCode = 1;
});
