#!/usr/bin/env node
// Sets up, once, the real VS Code test host of shared/TEST_HOST.md in a git-ignored cache folder:
// Debian's chromium and libkrb5-dev, Node 24 from the npm registry, and code-server on that Node.
// Every step checks first, so a warm run costs a few milliseconds.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { cacheDir, node24Dir, node24Home, node24Bin, codeServerDir, codeServerEntry, CODE_SERVER_VERSION } = require('./paths');

function log(message) {
  process.stderr.write(`[test-host] ${message}\n`);
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!hasCommand('apt-get')) {
    throw new Error(`missing ${missing.join(', ')} and no apt-get to install them; install them by hand`);
  }
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
  log(`installing ${missing.join(', ')} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', ...missing], { env });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Under `npm test`, the outer npm's settings reach the nested installs as npm_* variables; among them
 * npm_config_user_agent names Node 20, which code-server's postinstall reads as the Node it runs on.
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

function ensureNode24() {
  if (fs.existsSync(node24Bin)) return;
  log('installing Node 24 from the npm registry (for code-server)');
  writeJson(path.join(node24Dir, 'package.json'), { name: 'handoff-test-node24', private: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], { cwd: node24Dir, env: withoutNpmVariables(process.env) });
  if (!fs.existsSync(node24Bin)) throw new Error(`Node 24 did not install at ${node24Bin}`);
}

function ensureCodeServer() {
  if (fs.existsSync(codeServerEntry)) return;
  log(`installing code-server@${CODE_SERVER_VERSION} (about 3 minutes and 0.8 GB, once)`);
  writeJson(path.join(codeServerDir, 'package.json'), {
    name: 'handoff-test-code-server',
    private: true,
    allowScripts: { 'code-server': true },
  });
  const env = {
    ...withoutNpmVariables(process.env),
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: node24Home,
  };
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env,
  });
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server did not install at ${codeServerEntry}`);
}

function setup() {
  fs.mkdirSync(cacheDir, { recursive: true });
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
}

module.exports = { setup };

if (require.main === module) {
  try {
    setup();
    log('ready');
  } catch (error) {
    log(`setup failed: ${error.message}`);
    process.exit(1);
  }
}
