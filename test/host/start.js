#!/usr/bin/env node
'use strict';
// `npm start`: the extension (built from this folder) in code-server's real VS Code, on a copy of the
// sample workspace, at an address to open in a browser. Ctrl+C stops it.
//   HANDOFF_PORT=8080 picks the port; HANDOFF_WORKSPACE=/path opens another folder instead of the sample;
//   HANDOFF_LOCALE=id shows the extension in Bahasa Indonesia.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setup } = require('./setup');
const { startCodeServer } = require('./codeServer');
const { root } = require('./paths');

async function main() {
  setup();
  let folder = process.env.HANDOFF_WORKSPACE && path.resolve(process.env.HANDOFF_WORKSPACE);
  let scratch;
  if (!folder) {
    // A copy, so what you try in the demo never changes the test fixtures.
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-sample-'));
    folder = path.join(scratch, 'sample');
    fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), folder, { recursive: true });
  }
  const port = process.env.HANDOFF_PORT ? Number(process.env.HANDOFF_PORT) : undefined;
  const server = await startCodeServer({ port, locale: process.env.HANDOFF_LOCALE });
  const url = server.workbenchUrl({ folder, extensionDevelopmentPaths: [root] });
  process.stdout.write(`\nHandoff is running in VS Code (code-server) on ${folder}\n\n  Open: ${url}\n\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    server.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    process.stderr.write(`code-server exited (${code})\n`);
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  process.exit(1);
});
