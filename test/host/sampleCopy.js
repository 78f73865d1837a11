#!/usr/bin/env node
'use strict';
// `node test/host/sampleCopy.js <name>`: a fresh copy of the sample workspace (test/fixtures/sample)
// in .cache/workspaces/<name>, replacing the last one. The launch configurations of .vscode/launch.json
// open such a copy (their preLaunchTask runs this), so what a run or a test changes never reaches the fixtures.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./paths');

const name = process.argv[2];
if (!name || !/^[\w.-]+$/.test(name) || name.startsWith('.')) {
  process.stderr.write('usage: node test/host/sampleCopy.js <name>   (a folder name: letters, digits, - _ .)\n');
  process.exit(2);
}
const target = path.join(root, '.cache', 'workspaces', name);
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.cpSync(path.join(root, 'test', 'fixtures', 'sample'), target, { recursive: true });
process.stdout.write(`sample workspace copied to ${path.relative(root, target)}\n`);
