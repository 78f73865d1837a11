/**
 * The index as a snapshot, so a reopened workspace starts from it: a record is reused when its file
 * has the same size and modification time, and only changed files are read again. Kept by the
 * extension in its own storage, never in the user's repository. Compact on purpose (each file's
 * path once, key names in one shared table): parsing the snapshot is most of a warm start.
 */
import { accountOf, type AccountRecord } from '../model/account';
import { intern, KeyPositions } from '../read/frontMatter';
import type { Problem } from '../model/problem';
import type { Role } from '../model/stage';
import type { FileStamp } from './fileSource';

const SNAPSHOT_VERSION = 2;

export interface SnapshotEntry {
  stamp: FileStamp;
  record: AccountRecord;
}

type Entry = [file: string, size: number, mtime: number, role: Role, data: Record<string, unknown> | 0, keyIndexes: number[] | 0, numbers: number[] | 0, problems: Problem[] | 0];

interface SnapshotJson {
  version: number;
  configText: string | null;
  keyNames: string[];
  entries: Entry[];
}

export function writeSnapshot(configText: string | undefined, entries: Iterable<[string, SnapshotEntry]>): string {
  const keyNames: string[] = [];
  const keyIndex = new Map<string, number>();
  const indexOf = (name: string) => {
    let index = keyIndex.get(name);
    if (index === undefined) {
      index = keyNames.push(name) - 1;
      keyIndex.set(name, index);
    }
    return index;
  };
  const json: SnapshotJson = { version: SNAPSHOT_VERSION, configText: configText ?? null, keyNames, entries: [] };
  for (const [file, { stamp, record }] of entries) {
    const keys = record.account?.keys.toJSON();
    json.entries.push([
      file,
      stamp.size,
      stamp.mtime,
      record.role,
      record.account?.data ?? 0,
      keys ? keys.names.map(indexOf) : 0,
      keys ? keys.numbers : 0,
      record.problems.length > 0 ? record.problems : 0,
    ]);
  }
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
  if (json?.version !== SNAPSHOT_VERSION || json.configText !== (configText ?? null) || !Array.isArray(json.entries) || !Array.isArray(json.keyNames)) return entries;
  const names = json.keyNames.map(intern);
  for (const [file, size, mtime, role, data, keyIndexes, numbers, problems] of json.entries) {
    const account = data && keyIndexes && numbers ? accountOf(file, role, data, new KeyPositions(keyIndexes.map((i) => names[i]), numbers)) : undefined;
    entries.set(file, { stamp: { size, mtime }, record: { file, role, account, problems: problems || [] } });
  }
  return entries;
}

/** A record that crossed a thread as plain data, with its key positions rebuilt. */
export function reviveRecord(value: unknown): AccountRecord | undefined {
  const record = value as AccountRecord | undefined;
  if (!record || typeof record.file !== 'string') return undefined;
  if (record.account) record.account.keys = KeyPositions.revive(record.account.keys as unknown as { names: string[]; numbers: number[] });
  return record;
}
