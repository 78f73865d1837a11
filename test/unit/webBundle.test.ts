// The manifest's `browser` entry runs in a web worker (vscode.dev, github.dev), where no Node built-in
// exists: this builds the web bundle with esbuild.js's own options and looks at what it pulls in.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webBuild } = require(path.join(root, 'esbuild.js')) as { webBuild: esbuild.BuildOptions };
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * js-yaml 3 looks for Node's Buffer (its `!!binary` type) inside a try, through a renamed `require`
 * that esbuild does not see as an import: in a browser the lookup throws and is caught. The one
 * built-in named in the bundle, where it is named, and why it is harmless.
 */
const GUARDED = [{ module: 'buffer', in: 'node_modules/js-yaml/lib/js-yaml/type/binary.js' }];

describe('the web bundle (the manifest\'s browser entry)', function () {
  this.timeout(60_000);
  let built: esbuild.BuildResult<{ metafile: true; write: false }>;
  before(async () => {
    built = await esbuild.build({ ...webBuild, absWorkingDir: root, entryPoints: (webBuild.entryPoints as string[]).map((entry) => path.join(root, entry)), metafile: true, write: false, sourcemap: false, logLevel: 'silent' });
  });

  it('is built for the browser from src/extension/web.ts, and the manifest names it', async () => {
    assert.equal(webBuild.platform, 'browser');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require(path.join(root, 'package.json')) as { browser: string };
    assert.equal(path.resolve(root, manifest.browser), path.resolve(root, webBuild.outfile!));
  });

  it('imports nothing but vscode, and bundles no Node built-in', () => {
    const outputs = Object.values(built.metafile.outputs);
    const imported = outputs.flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path));
    assert.deepEqual([...new Set(imported)], ['vscode']);
    const inputs = Object.keys(built.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => builtins.has(input) || /(^|\/)node_modules\/(@types\/node|node-stdlib-browser)\//.test(input)), []);
    // Nothing of src/node (child processes, worker threads, the file system) is in it.
    assert.deepEqual(inputs.filter((input) => input.startsWith('src/node/')), []);
    assert.ok(inputs.includes('src/core/index/store.ts') && inputs.includes('src/extension/extension.ts'), 'the bundle holds the extension');
  });

  it('calls require() only for vscode, and for a built-in only where a library guards the call', () => {
    const text = built.outputFiles[0].text;
    const named = [...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => ({ module: match[1], in: sourceAt(text, match.index) }));
    const unexpected = named.filter((call) => call.module !== 'vscode' && !GUARDED.some((guarded) => guarded.module === call.module && guarded.in === call.in));
    assert.deepEqual(unexpected.filter((call) => builtins.has(call.module)), []);
  });
});

/** The source file esbuild's comment names above a position of an unminified bundle (`// src/core/x.ts`). */
function sourceAt(text: string, index: number): string {
  const comments = [...text.slice(0, index).matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)];
  return comments.at(-1)?.[1] ?? '';
}
