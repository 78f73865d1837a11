/**
 * The index as a snapshot, so a reopened workspace starts from it: a record is reused when its file
 * has the same size and modification time, and only changed files are read again. Kept by the
 * extension in its own storage, never in the user's repository.
 */
import type { AccountRecord } from './account';
import { KeyPositions } from './frontMatter';

const SNAPSHOT_VERSION = 1;

export interface FileStamp {
  size: number;
  mtime: number;
}

export interface SnapshotEntry {
  stamp: FileStamp;
  record: AccountRecord;
}

interface SnapshotJson {
  version: number;
  configText: string | null;
  entries: [file: string, size: number, mtime: number, record: unknown][];
}

export function writeSnapshot(configText: string | undefined, entries: Iterable<[string, SnapshotEntry]>): string {
  const json: SnapshotJson = { version: SNAPSHOT_VERSION, configText: configText ?? null, entries: [] };
  for (const [file, { stamp, record }] of entries) json.entries.push([file, stamp.size, stamp.mtime, record]);
  return JSON.stringify(json);
}

/** The entries of a snapshot made under the same team configuration; empty for anything else. */
export function readSnapshot(text: string | undefined, configText: string | undefined): Map<string, SnapshotEntry> {
  const entries = new Map<string, SnapshotEntry>();
  if (!text) return entries;
  let json: SnapshotJson;
  try {
    json = JSON.parse(text) as SnapshotJson;
  } catch {
    return entries;
  }
  if (json?.version !== SNAPSHOT_VERSION || json.configText !== (configText ?? null) || !Array.isArray(json.entries)) return entries;
  for (const [file, size, mtime, record] of json.entries) {
    const revived = reviveRecord(record);
    if (revived) entries.set(file, { stamp: { size, mtime }, record: revived });
  }
  return entries;
}

/** A record that crossed a thread or a cache as plain data, with its key positions rebuilt. */
export function reviveRecord(value: unknown): AccountRecord | undefined {
  const record = value as AccountRecord | undefined;
  if (!record || typeof record.file !== 'string') return undefined;
  if (record.account) record.account.keys = KeyPositions.revive(record.account.keys as unknown as { names: string[]; numbers: number[] });
  return record;
}
