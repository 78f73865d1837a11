// `npm run bench:web`: Handoff in VS Code's web worker extension host (the host of vscode.dev and
// github.dev) on the bench's generated workspaces of 1k and 10k accounts: the browser-only extension
// (test/host/webExtension.js) opened on each in code-server and chromium, cold (a fresh profile, no
// index snapshot), with a probe (test/web/probe.ts) that reports the time from activation to an idle
// index and, timed alone on the same thread, listing, reading through workspace.fs and parsing. Next to
// it, the same workspace indexed by the core on Node in this process (one thread, Node's file system),
// and the web bundle's size as shipped (minified) and gzipped. Medians of three windows per size.
//   npm run bench:web -- --sizes 1000
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { AccountStore } from '../../src/core/index/store';
import { NodeFileSource } from '../../src/node/nodeFileSource';
import { ensureWorkspace } from './generate';
import { median, time } from './timing';

const root = path.resolve(__dirname, '..', '..', '..');
/* eslint-disable @typescript-eslint/no-require-imports */
const { setup } = require(path.join(root, 'test', 'host', 'setup.js')) as { setup(): void };
const { writeWebExtension } = require(path.join(root, 'test', 'host', 'webExtension.js')) as { writeWebExtension(folder: string, options: { suite: { results: string } }): void };
const { webBuild } = require(path.join(root, 'esbuild.js')) as { webBuild: esbuild.BuildOptions };
/* eslint-enable @typescript-eslint/no-require-imports */

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1_000, 10_000];
const WINDOWS = Number(process.env.HANDOFF_BENCH_WINDOWS || 3);

type Probe = Record<'activationToShown' | 'activationToIdle' | 'indexed' | 'list' | 'read' | 'read8' | 'read32' | 'statAndRead' | 'parse' | 'bytes', number>;

/** One window of code-server on `workspace` with the browser-only extension and the probe; what the probe wrote. */
function probeOnce(workspace: string): Probe {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-web-bench-'));
  try {
    const extension = path.join(scratch, 'extension');
    const results = path.join(scratch, 'results.json');
    writeWebExtension(extension, { suite: { results } });
    execFileSync(process.execPath, [path.join(root, 'test', 'host', 'codeServerHost.js'), `--extensionDevelopmentPath=${extension}`, `--extensionTestsPath=${path.join(extension, 'out', 'test', 'web', 'probe.js')}`, workspace], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, HANDOFF_TEST_TIMEOUT_MS: '600000' },
    });
    return JSON.parse(fs.readFileSync(results, 'utf8')) as Probe;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function bundleSize(): Promise<{ bytes: number; gzip: number }> {
  const built = await esbuild.build({ ...webBuild, absWorkingDir: root, minify: true, sourcemap: false, write: false, logLevel: 'silent' });
  const bytes = built.outputFiles[0].contents;
  return { bytes: bytes.length, gzip: zlib.gzipSync(bytes).length };
}

const ms = (n: number) => `${Math.round(n)} ms`;

async function main() {
  setup();
  const size = await bundleSize();
  process.stdout.write(`web bundle (dist/web/extension.js, minified as shipped): ${(size.bytes / 1024).toFixed(0)} KB, ${(size.gzip / 1024).toFixed(0)} KB gzipped\n`);
  const all: Record<number, Record<string, number>> = {};
  for (const count of sizes) {
    const workspace = ensureWorkspace(path.join(root, '.cache', 'bench'), count);
    const probes = Array.from({ length: WINDOWS }, () => probeOnce(workspace));
    const pick = (key: keyof Probe) => median(probes.map((probe) => probe[key]));
    const core = await time(3, () => new AccountStore(new NodeFileSource(workspace)).load());
    all[count] = { activationToShown: pick('activationToShown'), activationToIdle: pick('activationToIdle'), list: pick('list'), read: pick('read'), read8: pick('read8'), read32: pick('read32'), statAndRead: pick('statAndRead'), parse: pick('parse'), indexed: pick('indexed'), coreOneThread: core };
    const r = all[count];
    process.stdout.write(
      [
        `\n${count} accounts (${r.indexed} files indexed), median of ${WINDOWS} windows:`,
        `  web worker host, activation to the Pipeline showing every account: ${ms(r.activationToShown)}; to an idle index (problems published): ${ms(r.activationToIdle)}  (${(r.activationToIdle / core).toFixed(1)}× the core on Node, one thread: ${ms(core)})`,
        `  of which, each timed alone on the same thread: list ${ms(r.list)}, read through workspace.fs (128 in flight) ${ms(r.read)}, parse ${ms(r.parse)} (${((r.parse / (r.list + r.read + r.parse)) * 100).toFixed(0)} % of the three)`,
        `  reading with 8 / 32 / 128 reads in flight: ${ms(r.read8)} / ${ms(r.read32)} / ${ms(r.read)}; a stamp then the text (as the index does for its snapshot), 128 in flight: ${ms(r.statAndRead)}`,
      ].join('\n') + '\n',
    );
  }
  fs.mkdirSync(path.join(root, '.cache', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, '.cache', 'bench', 'web-results.json'), JSON.stringify({ bundle: size, sizes: all }, null, 2));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
