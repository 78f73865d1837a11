// The layers' boundary is a lint rule (eslint.config.mjs) that `npm test` runs: this shows it refuses a
// `vscode` or Node import in src/core, and an import of the extension in the CLI or src/node, while the
// layers that may use them still can. Each snippet uses what it imports, so the boundary rule is the
// only one that can speak.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..');
const BOUNDARY = '@typescript-eslint/no-restricted-imports';

describe("lint: the layers' boundary", () => {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  /** The rules that report on `code` as if it were the file at `filePath`. */
  async function reports(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.map((message) => message.ruleId ?? message.message);
  }

  it('refuses vscode and Node in src/core: `vscode`, `node:fs`, a bare `fs`, `fs/promises`, even for types', async () => {
    const file = 'src/core/insight/x.ts';
    assert.deepEqual(await reports(file, "import * as vscode from 'vscode';\nexport const v = vscode;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import * as fs from 'node:fs';\nexport const f = fs;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import * as fs from 'fs';\nexport const f = fs;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import { readFile } from 'fs/promises';\nexport const r = readFile;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import type { Worker } from 'worker_threads';\nexport type W = Worker;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "export const load = () => import('node:fs');\n"), ['no-restricted-syntax']);
  });

  it('refuses an import from src/extension, src/cli or src/node in src/core, and allows the core and its packages', async () => {
    const file = 'src/core/insight/x.ts';
    for (const target of ['../../extension/views/pipelineView', '../../cli/table', '../../node/git']) {
      assert.deepEqual(await reports(file, `import { x } from '${target}';\nexport const y = x;\n`), [BOUNDARY], target);
    }
    assert.deepEqual(await reports(file, "import { x } from '../model/account';\nimport { parse } from 'yaml';\nexport const y = [x, parse];\n"), []);
  });

  it('allows vscode and Node in the desktop entry of src/extension, and Node in src/node and src/cli', async () => {
    const both = "import * as vscode from 'vscode';\nimport * as fs from 'node:fs';\nimport { runGit } from '../node/git';\nexport const v = [vscode, fs, runGit];\n";
    assert.deepEqual(await reports('src/extension/desktop.ts', both), []);
    assert.deepEqual(await reports('src/node/x.ts', "import * as fs from 'node:fs';\nexport const f = fs;\n"), []);
    assert.deepEqual(await reports('src/cli/x.ts', "import * as fs from 'fs';\nimport { x } from '../core/model/account';\nexport const f = [fs, x];\n"), []);
  });

  it('refuses Node and src/node in the rest of src/extension, which runs in the browser too, but allows their types', async () => {
    const file = 'src/extension/views/x.ts';
    assert.deepEqual(await reports(file, "import * as vscode from 'vscode';\nexport const v = vscode;\n"), []);
    assert.deepEqual(await reports(file, "import * as fs from 'node:fs';\nexport const f = fs;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import * as os from 'os';\nexport const o = os;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import { runGit } from '../../node/git';\nexport const r = runGit;\n"), [BOUNDARY]);
    assert.deepEqual(await reports(file, "import type { Revisions } from '../../node/gitRevisions';\nexport type R = Revisions;\n"), []);
    // Node's globals type-check there, and would fail only in the browser.
    assert.deepEqual(await reports(file, "export const home = process.env.HOME;\n"), ['no-restricted-globals']);
    assert.deepEqual(await reports(file, "export const bytes = Buffer.from('x');\n"), ['no-restricted-globals']);
    assert.deepEqual(await reports('src/extension/desktop.ts', "export const home = process.env.HOME;\n"), []);
  });

  it('refuses vscode and src/extension in src/cli and src/node', async () => {
    for (const file of ['src/cli/x.ts', 'src/node/x.ts']) {
      assert.deepEqual(await reports(file, "import * as vscode from 'vscode';\nexport const v = vscode;\n"), [BOUNDARY], file);
      assert.deepEqual(await reports(file, "import { x } from '../extension/workspace/y';\nexport const y = x;\n"), [BOUNDARY], file);
    }
  });
});
