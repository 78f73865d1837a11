// Builds the extension and the CLI from the same src/core, plus the test bundles.
// `node esbuild.js [--production] [--watch] [--tests] [--cli]`; --cli builds the CLI alone (dist/cli.js and the
// dist/accountWorker.js it starts), as the GitHub Action (action.yml) does; type-checking is `tsc --noEmit` (npm run typecheck).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const cliOnly = process.argv.includes('--cli');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

function testEntries(folder) {
  const dir = path.join(__dirname, 'test', folder);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name));
}

/**
 * The manifest's `browser` entry (vscode.dev, github.dev): the same extension for a web worker, with no
 * Node built-in (test/unit/webBundle.test.ts builds it with these options and checks what it imports).
 */
const webBuild = { ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] };

const builds = [
  ...(cliOnly ? [] : [{ ...common, entryPoints: ['src/extension/desktop.ts'], outfile: 'dist/extension.js', external: ['vscode'] }, webBuild]),
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['src/node/accountWorker.ts'], outfile: 'dist/accountWorker.js' },
];
if (tests) {
  // Bundles of test files since deleted or renamed must not run again.
  fs.rmSync(path.join(__dirname, 'out', 'test'), { recursive: true, force: true });
  builds.push(
    { ...common, sourcemap: true, entryPoints: testEntries('unit'), outdir: 'out/test/unit', external: ['mocha', '@vscode/l10n-dev', 'eslint', 'esbuild'] },
    { ...common, sourcemap: true, entryPoints: testEntries('cli'), outdir: 'out/test/cli', external: ['mocha'] },
    { ...common, sourcemap: true, entryPoints: testEntries('integration'), outdir: 'out/test/integration', external: ['vscode', 'mocha'] },
    { ...common, sourcemap: true, entryPoints: testEntries('e2e'), outdir: 'out/test/e2e', external: ['playwright-core'] },
    { ...common, sourcemap: true, entryPoints: testEntries('grammar'), outdir: 'out/test/grammar', external: ['mocha', 'vscode-oniguruma', 'vscode-textmate'] },
    // The web suite and the web bench's probe run in the web worker extension host, beside the browser bundle (test/host/webExtension.js).
    { ...webBuild, sourcemap: true, entryPoints: ['test/web/index.ts', 'test/web/probe.ts'], outfile: undefined, outdir: 'out/test/web' },
    // The virtual suite's FileSystemProvider, an extension of its own: its bundle next to its manifest.
    { ...common, sourcemap: true, entryPoints: ['test/vfs-extension/extension.ts'], outfile: 'out/test/vfs-extension/extension.js', external: ['vscode'] },
  );
}

if (bench) {
  builds.push({ ...common, sourcemap: true, entryPoints: testEntries('bench'), outdir: 'out/test/bench', external: ['esbuild'] });
}

async function main() {
  const contexts = await Promise.all(builds.filter((b) => b.entryPoints.length > 0).map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching for changes');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
  if (tests) fs.copyFileSync(path.join(__dirname, 'test', 'vfs-extension', 'package.json'), path.join(__dirname, 'out', 'test', 'vfs-extension', 'package.json'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { webBuild };
