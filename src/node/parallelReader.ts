/**
 * Reads a large set of account files on every core: worker threads take their shares while this
 * thread reads its own. YAML parsing, not I/O, is where the time goes (about 60–80 µs a file here
 * against 15–30 µs to read it). Workers are kept between loads (and let go after a minute idle):
 * a fresh worker parses at about half the speed of warmed-up code.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { l10nJsonFormat } from '@vscode/l10n';
import { parseConfig } from '../core/read/configRead';
import { reviveRecord } from '../core/index/indexSnapshot';
import type { Role } from '../core/model/stage';
import type { BulkReader } from '../core/index/store';
import { readAccountFile, type ReadResult } from './readAccountFile';

const IDLE_MS = 60_000;

export interface ParallelReaderOptions {
  /** The built `accountWorker.js`; by default the one next to this bundle. */
  workerScript?: string;
  threads?: number;
  /** The message bundle this thread's `@vscode/l10n` uses, so problems read by workers speak the same language. */
  messages?: l10nJsonFormat;
}

/** @param root the workspace folder on disk */
export function parallelReader(root: string, options: ParallelReaderOptions = {}): BulkReader {
  const { workerScript = path.join(__dirname, 'accountWorker.js'), threads = os.availableParallelism?.() ?? os.cpus().length, messages } = options;
  const count = Math.max(0, Math.min(threads - 1, 7));
  let pool: Worker[] = [];
  let idle: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    pool.forEach((worker) => void worker.terminate());
    pool = [];
  };
  return async (jobs, configText, withStamps) => {
    if (count === 0 || !fs.existsSync(workerScript)) return readHere(root, jobs, configText, withStamps);
    clearTimeout(idle);
    while (pool.length < count) {
      const worker = new Worker(workerScript, { workerData: { messages } });
      worker.unref();
      pool.push(worker);
    }
    // An even share: measured here, this thread's extra work (parsing the workers' JSON) and the
    // workers' handoff cost about the same.
    const share = Math.min(jobs.length, Math.ceil(jobs.length / (count + 1)));
    const rest = jobs.slice(share);
    const size = Math.ceil(rest.length / count);
    const pending = pool.map((worker, i) => ask(worker, { root, jobs: rest.slice(i * size, (i + 1) * size), configText, withStamps }));
    try {
      const local = await readHere(root, jobs.slice(0, share), configText, withStamps);
      const remote = (await Promise.all(pending)).flat();
      for (const result of remote) if (result.record) result.record = reviveRecord(result.record);
      return [...local, ...remote];
    } catch (error) {
      release();
      throw error;
    } finally {
      idle = setTimeout(release, IDLE_MS);
      idle.unref?.();
    }
  };
}

function ask(worker: Worker, share: unknown): Promise<ReadResult[]> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (json: string) => {
      worker.off('error', onError);
      resolve(JSON.parse(json) as ReadResult[]);
    });
    worker.postMessage(share);
  });
}

async function readHere(root: string, jobs: { file: string; role: Role }[], configText: string | undefined, withStamps: boolean): Promise<ReadResult[]> {
  const { config } = parseConfig(configText);
  return jobs.map(({ file, role }) => readAccountFile(root, file, role, config, withStamps));
}
