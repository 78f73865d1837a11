// A worker thread of the parallel reader: reads and parses the shares of account files it is sent.
// It stays alive between loads, so its compiled code stays warm.
import { parentPort, workerData } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import { parseConfig } from '../core/read/configRead';
import type { Role } from '../core/model/stage';
import { readAccountFile } from './readAccountFile';

interface Share {
  root: string;
  jobs: { file: string; role: Role }[];
  configText: string | undefined;
  withStamps: boolean;
}

const { messages } = (workerData ?? {}) as { messages?: l10n.l10nJsonFormat };
if (messages) l10n.config({ contents: messages });

parentPort!.on('message', ({ root, jobs, configText, withStamps }: Share) => {
  const { config } = parseConfig(configText);
  // One JSON string crosses threads far faster than a structured clone of thousands of small objects.
  parentPort!.postMessage(JSON.stringify(jobs.map(({ file, role }) => readAccountFile(root, file, role, config, withStamps))));
});
