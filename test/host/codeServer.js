'use strict';
// Starts code-server (the real VS Code workbench and Node extension host, shared/TEST_HOST.md) on a
// free loopback port, and builds the workbench URL that loads an extension under development.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { node24Bin, codeServerEntry } = require('./paths');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

/**
 * @param {{ userDataDir?: string, extensionsDir?: string, locale?: string, trusted?: boolean, settings?: Record<string, unknown>, env?: NodeJS.ProcessEnv, log?: (line: string) => void, port?: number }} options
 */
async function startCodeServer(options = {}) {
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server is not installed; run: node test/host/setup.js`);
  const port = options.port ?? (await freePort());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-code-server-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (options.locale && !options.locale.startsWith('en')) registerLanguage(options.locale, userDataDir, scratch);
  if (options.settings) {
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  }
  const configFile = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const child = spawn(
    node24Bin,
    [
      codeServerEntry,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      // Trusted unless asked otherwise; `trusted: false` opens folders in Restricted Mode.
      ...(options.trusted === false ? [] : ['--disable-workspace-trust']),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--vscode-option', 'enable-smoke-test-driver',
      ...(options.locale ? ['--locale', options.locale] : []),
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const log = options.log ?? (() => {});
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(port, child);
  } catch (error) {
    stop();
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  /** The workbench URL for a folder (a path, or a URI such as `scheme:/path`), loading extensions under development and, optionally, a test suite. */
  const workbenchUrl = ({ folder, extensionDevelopmentPaths = [], extensionTestsPath }) => {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = [
      ...(extensionDevelopmentPaths.length > 0 ? [['extensionDevelopmentPath', remote(developmentFolder(extensionDevelopmentPaths, scratch))]] : []),
      ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
      ['skipWelcome', 'true'],
    ];
    const query = new URLSearchParams();
    // A path opens that folder on the server; a URI of another scheme (a virtual folder) is passed as it is.
    if (folder) query.set('folder', /^[a-z][\w+.-]+:/i.test(folder) ? folder : path.resolve(folder));
    if (payload.length > 1) query.set('payload', JSON.stringify(payload));
    return `${origin}/?${query}`;
  };
  return { port, origin, workbenchUrl, stop, process: child };
}

/**
 * The one extensionDevelopmentPath to put in the payload. The workbench reads the payload into a Map,
 * so of several `extensionDevelopmentPath` entries only the last would count; but VS Code also takes
 * a folder without a package.json as a folder of extensions under development (the scanner's
 * scanOneOrMultipleExtensions). Several extensions are therefore linked into one such folder.
 */
function developmentFolder(extensionDevelopmentPaths, scratch) {
  if (extensionDevelopmentPaths.length === 1) return extensionDevelopmentPaths[0];
  const folder = fs.mkdtempSync(path.join(scratch, 'extensions-under-development-'));
  extensionDevelopmentPaths.forEach((p, index) => fs.symlinkSync(path.resolve(p), path.join(folder, `${index}-${path.basename(path.resolve(p))}`), 'dir'));
  return folder;
}

/**
 * VS Code runs in a language only when a language pack for it is known (`languagepacks.json` in the
 * user data folder), and real packs come from the Marketplace, which this machine cannot reach. A
 * pack with no translations of VS Code's own strings is enough: the workbench stays English, while
 * `vscode.env.language` becomes `locale` and extensions load their `l10n/bundle.l10n.<locale>.json`
 * and `package.nls.<locale>.json`, which is what the extension's own translation tests need.
 */
function registerLanguage(locale, userDataDir, scratch) {
  const translations = path.join(scratch, 'language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `handoff-test-${locale}`, extensions: [{ extensionIdentifier: { id: `handoff-test.language-pack-${locale}` }, version: '0.0.0' }], translations: { vscode: translations }, label: locale };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: process.env.HANDOFF_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

module.exports = { startCodeServer, launchChromium, freePort };
