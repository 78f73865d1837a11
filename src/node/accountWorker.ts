// A worker thread of the parallel reader: reads and parses the shares of account files it is sent.
// It stays alive between loads, so its compiled code stays warm.
import { parentPort } from 'node:worker_threads';
import { parseConfig } from '../core/config';
import type { Role } from '../core/stage';
import { readAccountFile } from './accountFile';

interface Share {
  root: string;
  jobs: { file: string; role: Role }[];
  configText: string | undefined;
  withStamps: boolean;
}

parentPort!.on('message', ({ root, jobs, configText, withStamps }: Share) => {
  const { config } = parseConfig(configText);
  // One JSON string crosses threads far faster than a structured clone of thousands of small objects.
  parentPort!.postMessage(JSON.stringify(jobs.map(({ file, role }) => readAccountFile(root, file, role, config, withStamps))));
});
