'use strict';
// The extension as vscode.dev and github.dev load it, for the web suite (test/run.js), the end-to-end
// check's web pass (test/e2e) and the web bench (test/bench/webHost.ts): a folder holding a manifest
// with `browser` and no `main` (with both, code-server would run it in its Node host), the browser
// bundle and what the manifest names (icons, translations, the walkthrough, the README), and the web
// suite's bundles inside it, where a suite must be to run in the same host (shared/TEST_HOST.md, "Web
// extensions"). Needs `node esbuild.js --tests` first.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./paths');

/**
 * Writes the browser-only extension into `folder`. `suite`: the options the suite in it reads from
 * out/test/web/options.json (where to write its results, a --grep); without it, no suite is copied.
 */
function writeWebExtension(folder, { suite } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  delete manifest.bin;
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const name of fs.readdirSync(root).filter((n) => /^package\.nls(\.[\w-]+)?\.json$/.test(n) || n === 'README.md')) fs.copyFileSync(path.join(root, name), path.join(folder, name));
  const folders = ['l10n', 'media', 'syntaxes', path.join('dist', 'web'), ...(suite ? [path.join('out', 'test', 'web')] : [])];
  for (const name of folders) fs.cpSync(path.join(root, name), path.join(folder, name), { recursive: true });
  if (suite) fs.writeFileSync(path.join(folder, 'out', 'test', 'web', 'options.json'), JSON.stringify(suite));
}

module.exports = { writeWebExtension };
