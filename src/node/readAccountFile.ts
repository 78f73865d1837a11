/** One account file read straight from disk, with its stamp: the unit of work of the parallel reader. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AccountRecord } from '../core/model/account';
import { readAccount, unreadableRecord } from '../core/read/accountRead';
import type { TeamConfig } from '../core/model/teamConfig';
import type { FileStamp } from '../core/index/fileSource';
import type { Role } from '../core/model/stage';

export interface ReadResult {
  file: string;
  /** Undefined when the file no longer exists. */
  record: AccountRecord | undefined;
  stamp?: FileStamp;
}

export function readAccountFile(root: string, file: string, role: Role, config: TeamConfig, withStamp: boolean): ReadResult {
  const full = path.join(root, file);
  try {
    const stat = withStamp ? fs.statSync(full) : undefined;
    const record = readAccount(file, role, fs.readFileSync(full, 'utf8'), config);
    return { file, record, stamp: stat && { size: stat.size, mtime: stat.mtimeMs } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, record: undefined };
    return { file, record: unreadableRecord(file, role, (error as Error).message) };
  }
}
