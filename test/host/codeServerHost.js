#!/usr/bin/env node
'use strict';
// A stand-in for the VS Code executable that @vscode/test-electron's runTests spawns: it takes
// VS Code's flags, opens the folder in code-server's real workbench in headless chromium, runs the
// extension test suite in the real Node extension host, relays its output, and exits with its code.
const { format } = require('node:util');
const { startCodeServer, launchChromium } = require('./codeServer');

// What code-server's workbench logs on its own (and, in the virtual suite, its check of the folder
// before the extension host that provides the folder's scheme has started); shown with HANDOFF_TEST_VERBOSE=1.
const WORKBENCH_NOISE = /^(\[(AgentHost|RemoteAgentHostProtocol|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time|remote-connection)|Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin|getaddrinfo ENOTFOUND|Ignoring the error while validating workspace folder)/;
const TIMEOUT_MS = Number(process.env.HANDOFF_TEST_TIMEOUT_MS || 300_000);

function parseFlags(argv) {
  const flags = { extensionDevelopmentPaths: [], folder: undefined, extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, locale: undefined };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [name, inline] = arg.startsWith('--') ? [arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [undefined, undefined];
    const value = () => inline ?? argv[++index];
    if (name === 'extensionDevelopmentPath') flags.extensionDevelopmentPaths.push(value());
    else if (name === 'extensionTestsPath') flags.extensionTestsPath = value();
    else if (name === 'user-data-dir') flags.userDataDir = value();
    else if (name === 'extensions-dir') flags.extensionsDir = value();
    else if (name === 'locale') flags.locale = value();
    else if (name === 'folder-uri') flags.folder = value();
    else if (name === undefined) flags.folder = arg;
    // Other VS Code flags (--no-sandbox, --disable-extensions, …) have no meaning for a fresh code-server.
  }
  return flags;
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const verbose = process.env.HANDOFF_TEST_VERBOSE === '1';
  // runTests passes test-electron's shared profile folders; a fresh one per run keeps runs independent.
  // The Restricted Mode suite (test/run.js) opens the folder untrusted.
  const trusted = process.env.HANDOFF_TEST_SUITE !== 'restricted';
  // VS Code's built-in git extension is off: it opens the repositories some tests create in the
  // workspace and keeps running `git check-ignore` on them after they are removed, and the EPIPE of
  // that process is an uncaught error in the shared extension host, charged to whichever test runs.
  // Handoff runs git itself (src/node/git.ts) and needs none of it.
  const settings = { 'git.enabled': false };
  const server = await startCodeServer({ locale: flags.locale, trusted, settings, log: verbose ? (line) => process.stderr.write(`[code-server] ${line}`) : undefined });
  let browser;
  const finish = (code) => {
    server.stop();
    void (browser ? browser.close().catch(() => {}) : Promise.resolve()).then(() => process.exit(code));
  };
  const timer = setTimeout(() => {
    process.stderr.write(`[test-host] the test suite did not finish within ${TIMEOUT_MS / 1000} s\n`);
    finish(1);
  }, TIMEOUT_MS);
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    let exited = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      if (exited) return;
      exited = true;
      clearTimeout(timer);
      finish(Number(code) || 0);
    });
    if (verbose) page.on('console', (message) => process.stderr.write(`[page] ${message.text()}\n`));
    const url = server.workbenchUrl({ folder: flags.folder, extensionDevelopmentPaths: flags.extensionDevelopmentPaths, extensionTestsPath: flags.extensionTestsPath });
    await page.goto(url);
  } catch (error) {
    process.stderr.write(`[test-host] ${error.stack || error}\n`);
    clearTimeout(timer);
    finish(1);
  }
}

void main();
