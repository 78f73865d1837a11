'use strict';
// The extension as vscode.dev and github.dev load it, for the web suite (test/run.js) and the web bench
// (test/bench/webHost.ts); the end-to-end check makes the installed .vsix browser-only the same way: a folder holding a manifest
// with `browser` and no `main` (with both, code-server would run it in its Node host), the browser
// bundle and what the manifest names (icons, translations, the walkthrough, the README), and the web
// suite's bundles inside it, where a suite must be to run in the same host (shared/TEST_HOST.md, "Web
// extensions"). Needs `node esbuild.js --tests` first.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./paths');

/** Makes the extension in `folder` (a copy: written here, or installed from the .vsix) browser-only, as vscode.dev sees it. */
function browserOnly(folder) {
  const file = path.join(folder, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!manifest.browser) throw new Error(`${file} has no browser entry`);
  delete manifest.main;
  delete manifest.bin;
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/**
 * Writes the browser-only extension into `folder`. `suite`: the options the suite in it reads from
 * out/test/web/options.json (where to write its results, a --grep); without it, no suite is copied.
 */
function writeWebExtension(folder, { suite } = {}) {
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(folder, 'package.json'));
  browserOnly(folder);
  for (const name of fs.readdirSync(root).filter((n) => /^package\.nls(\.[\w-]+)?\.json$/.test(n) || n === 'README.md')) fs.copyFileSync(path.join(root, name), path.join(folder, name));
  const folders = ['l10n', 'media', 'syntaxes', path.join('dist', 'web'), ...(suite ? [path.join('out', 'test', 'web')] : [])];
  for (const name of folders) fs.cpSync(path.join(root, name), path.join(folder, name), { recursive: true });
  if (suite) fs.writeFileSync(path.join(folder, 'out', 'test', 'web', 'options.json'), JSON.stringify(suite));
}

module.exports = { writeWebExtension, browserOnly };
