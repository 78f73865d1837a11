/**
 * The index of one workspace folder: every account and every problem, loaded once and then kept
 * current one file at a time (add, change, delete, rename) without a rescan.
 */
import { type Account, type AccountRecord } from '../model/account';
import { readAccount, unreadableRecord } from '../read/accountRead';
import { CONFIG_FILE, defaultConfig, notesFolder, roleFolder, type TeamConfig } from '../model/teamConfig';
import { accountFilesOfNote, noteFileOf } from '../model/handoffNote';
import type { NoteRecord } from '../read/noteRead';
import { HandoffNotes } from './handoffNotes';
import { parseConfig } from '../read/configRead';
import { Emitter } from './emitter';
import type { FileSource } from './fileSource';
import { readSnapshot, writeSnapshot } from './indexSnapshot';
import { type FileStamp } from './fileSource';
import type { Problem } from '../model/problem';
import type { Role } from '../model/stage';

export interface StoreChange {
  /** Account files added or changed. */
  changed: string[];
  /** Account files that are gone (deleted, renamed away, or no longer under an account folder). */
  removed: string[];
  /** The team configuration changed: everything may look different. */
  configChanged: boolean;
}

/**
 * Files read (or stamped) at once. Through `workspace.fs` each read is round trips to the workbench
 * (and on the web to the server), so more in flight is faster: in the web worker host here, 1k files
 * took 4.1 s with 8 in flight, 3.0 s with 32, 1.7 s with 128 (`npm run bench:web`).
 */
export const READ_CONCURRENCY = 128;

/** Reads many accounts at once, for example on several threads; results in any order. */
export type BulkReader = (
  jobs: { file: string; role: Role }[],
  configText: string | undefined,
  withStamps: boolean,
) => Promise<{ file: string; record: AccountRecord | undefined; stamp?: FileStamp }[]>;

export interface StoreOptions {
  /** Used for loads of at least `bulkThreshold` files. */
  bulkRead?: BulkReader;
  bulkThreshold?: number;
  /** Keep each file's size and modification time, so `snapshot()` can be restored by `load()`. */
  keepStamps?: boolean;
}

export class AccountStore {
  private readonly records = new Map<string, AccountRecord>();
  private readonly stamps = new Map<string, FileStamp>();
  /** `accounts()` as last built; dropped on every change. */
  private accountList: readonly Account[] | undefined;
  private configState = { config: defaultConfig(), problems: [] as Problem[], text: undefined as string | undefined };
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changes = new Emitter<StoreChange>();
  readonly onDidChange = this.changes.event;

  private readonly notes: HandoffNotes;

  constructor(
    private readonly source: FileSource,
    private readonly options: StoreOptions = {},
  ) {
    this.notes = new HandoffNotes(source, () => this.config);
  }

  get config(): TeamConfig {
    return this.configState.config;
  }

  /**
   * Reads the configuration and every account. With a snapshot (from `snapshot()`), a file whose
   * size and modification time are unchanged is not read again.
   */
  load(snapshot?: string): Promise<void> {
    return this.enqueue(async () => {
      const removed = this.allFiles();
      await this.loadAll(undefined, snapshot);
      this.changed({ changed: this.allFiles(), removed: removed.filter((f) => !this.records.has(f) && !this.notes.has(f)), configChanged: true });
    });
  }

  /** Reads the configuration alone, for a command that reads no account from the workspace (`diff` reads them from git). */
  loadConfig(): Promise<void> {
    return this.enqueue(async () => {
      const text = await this.source.readText(CONFIG_FILE);
      this.configState = { ...parseConfig(text), text };
    });
  }

  /**
   * Re-reads the given files from the source: created and changed files are read, missing ones
   * removed; a rename is its old and new path. A path may be a folder (a watcher reports a folder
   * deleted, moved or checked out as one event): the accounts under it are read or removed.
   * A change to `.handoff.yml` re-reads everything.
   */
  refresh(files: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      if (files.includes(CONFIG_FILE)) {
        const before = this.configState.text;
        const text = await this.source.readText(CONFIG_FILE);
        if (text !== before) {
          const previous = this.allFiles();
          await this.loadAll(text);
          this.changed({ changed: this.allFiles(), removed: previous.filter((f) => !this.records.has(f) && !this.notes.has(f)), configChanged: true });
          return;
        }
      }
      const changed: string[] = [];
      const removed: string[] = [];
      await forEachLimit([...new Set(await this.withFolderContents(files))], READ_CONCURRENCY, async (file) => {
        if (this.isNote(file)) {
          const had = this.notes.has(file);
          if (await this.notes.read(file)) changed.push(file, ...this.accountsOfNote(file));
          else if (had) {
            changed.push(...this.accountsOfNote(file));
            removed.push(file);
          }
          return;
        }
        const role = this.roleOf(file);
        const record = role && (await this.readRecord(file, role, this.config));
        if (record) {
          this.records.set(file, record);
          changed.push(file);
        } else if (this.records.delete(file)) {
          this.stamps.delete(file);
          removed.push(file);
        }
      });
      // A note's problems depend on its account (the note gate asks for an AM account): re-published with it.
      const published = new Set(changed);
      for (const file of [...changed, ...removed]) {
        const note = this.roleOf(file) && noteFileOf(file, this.config);
        if (note && this.notes.has(note)) published.add(note);
      }
      if (published.size > 0 || removed.length > 0) this.changed({ changed: [...published], removed, configChanged: false });
    });
  }

  /** Every file in the index: accounts and notes. */
  private allFiles(): string[] {
    return [...this.records.keys(), ...this.notes.files()];
  }

  /** The paths, with each folder under an account root replaced by the accounts it held and holds now. */
  private async withFolderContents(paths: readonly string[]): Promise<string[]> {
    const result: string[] = [];
    const roots = [...(['ae', 'am'] as const).map((role) => `${roleFolder(this.config, role)}/`), `${notesFolder(this.config)}/`];
    for (const path of paths) {
      if (this.roleOf(path) || this.isNote(path)) {
        result.push(path);
        continue;
      }
      const prefix = `${path}/`;
      if (!roots.some((root) => prefix.startsWith(root) || root.startsWith(prefix))) continue;
      for (const file of this.allFiles()) if (file.startsWith(prefix)) result.push(file);
      for (const file of await this.source.listFiles(path)) if (this.roleOf(file) || this.isNote(file)) result.push(file);
    }
    return result;
  }

  /** Re-reads one account or note from text that is not on disk yet (an editor's unsaved content). */
  updateText(file: string, text: string): void {
    if (this.isNote(file)) {
      this.notes.setText(file, text);
      this.changed({ changed: [file, ...this.accountsOfNote(file)], removed: [], configChanged: false });
      return;
    }
    const role = this.roleOf(file);
    if (!role) return;
    // Unsaved text is not what the disk holds: keep it out of the snapshot.
    this.stamps.delete(file);
    this.records.set(file, readAccount(file, role, text, this.config));
    this.changed({ changed: [file], removed: [], configChanged: false });
  }

  /** The role a workspace-relative path would have as an account, or undefined when it is not one. */
  roleOf(file: string): Role | undefined {
    if (!/\.md$/i.test(file)) return undefined;
    for (const role of ['ae', 'am'] as const) {
      if (file.startsWith(`${roleFolder(this.config, role)}/`)) return role;
    }
    return undefined;
  }

  /** Whether a workspace-relative path would be a handoff note. */
  isNote(file: string): boolean {
    return this.notes.isNote(file);
  }

  /** The record of an account file as read (its own front-matter alone); `account()` adds its note. */
  get(file: string): AccountRecord | undefined {
    return this.records.get(file);
  }

  /** The account in `file` as every view reads it: with what its handoff note records. */
  account(file: string): Account | undefined {
    const account = this.records.get(file)?.account;
    return account && this.notes.join(account);
  }

  /** The handoff note of an account file (either role), when there is one. */
  noteOf(file: string): NoteRecord | undefined {
    return this.notes.noteOf(file);
  }

  /** Every readable account, with its note, in no particular order. Built once per change, not per call. */
  accounts(): readonly Account[] {
    if (!this.accountList) {
      const accounts: Account[] = [];
      for (const record of this.records.values()) if (record.account) accounts.push(this.notes.join(record.account));
      this.accountList = accounts;
    }
    return this.accountList;
  }

  /** Every record, readable or not. */
  allRecords(): IterableIterator<AccountRecord> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }

  configProblems(): Problem[] {
    return this.configState.problems;
  }

  problems(): Problem[] {
    const problems = [...this.configState.problems];
    for (const record of this.records.values()) problems.push(...record.problems);
    for (const file of this.notes.files()) problems.push(...this.problemsOf(file));
    return problems;
  }

  /** The problems of one file: an account's, a note's (with the note gate's), or none. */
  problemsOf(file: string): Problem[] {
    if (!this.notes.has(file)) return this.records.get(file)?.problems ?? [];
    return this.notes.problemsOf(file, (account) => this.records.get(account)?.account !== undefined);
  }

  /** Every handoff note's file. */
  noteFiles(): IterableIterator<string> {
    return this.notes.files();
  }

  /** Settles once every load and refresh asked for so far is done. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** The index as text for the next `load()`: every record read from disk, with its file's stamp. */
  snapshot(): string {
    const entries: [string, { stamp: FileStamp; record: AccountRecord }][] = [];
    for (const [file, stamp] of this.stamps) {
      const record = this.records.get(file);
      if (record) entries.push([file, { stamp, record }]);
    }
    return writeSnapshot(this.configState.text, entries);
  }

  dispose(): void {
    this.changes.dispose();
  }

  /** The account files a note belongs to, of either role, that are in the index. */
  private accountsOfNote(file: string): string[] {
    const accounts = accountFilesOfNote(file, this.config);
    return accounts ? [accounts.ae, accounts.am].filter((f) => this.records.has(f)) : [];
  }

  private changed(change: StoreChange): void {
    this.accountList = undefined;
    this.changes.fire(change);
  }

  private async loadAll(configText?: string, snapshot?: string): Promise<void> {
    const text = configText ?? (await this.source.readText(CONFIG_FILE));
    const { config, problems } = parseConfig(text);
    this.configState = { config, problems, text };
    this.records.clear();
    this.stamps.clear();
    this.accountList = undefined;
    await this.notes.load((files, read) => forEachLimit(files, READ_CONCURRENCY, async (file) => void (await read(file))));
    const files: string[] = [];
    for (const role of ['ae', 'am'] as const) {
      for (const file of await this.source.listFiles(roleFolder(config, role))) {
        if (this.roleOf(file) === role) files.push(file);
      }
    }
    let toRead = files;
    const previous = readSnapshot(snapshot, text);
    if (previous.size > 0 && this.source.stat) {
      toRead = [];
      await forEachLimit(files, READ_CONCURRENCY, async (file) => {
        const stamp = await this.source.stat!(file);
        const entry = previous.get(file);
        if (stamp && entry && entry.stamp.size === stamp.size && entry.stamp.mtime === stamp.mtime) {
          this.records.set(file, entry.record);
          this.stamps.set(file, stamp);
        } else {
          toRead.push(file);
        }
      });
    }
    const { bulkRead, bulkThreshold = 2_000 } = this.options;
    if (bulkRead && toRead.length >= bulkThreshold) {
      const jobs = toRead.map((file) => ({ file, role: this.roleOf(file)! }));
      for (const { file, record, stamp } of await bulkRead(jobs, text, this.keepsStamps)) {
        if (!record) continue;
        this.records.set(file, record);
        if (stamp) this.stamps.set(file, stamp);
      }
      return;
    }
    await forEachLimit(toRead, READ_CONCURRENCY, async (file) => {
      const record = await this.readRecord(file, this.roleOf(file)!, config);
      if (record) this.records.set(file, record);
    });
  }

  private get keepsStamps(): boolean {
    return this.options.keepStamps === true && this.source.stat !== undefined;
  }

  /** Undefined when the file does not exist; a record with an `unreadable` problem when it cannot be read. */
  private async readRecord(file: string, role: Role, config: TeamConfig): Promise<AccountRecord | undefined> {
    let text: string | undefined;
    try {
      // The stamp comes first: a file changed while it is read then looks changed next time, never the reverse.
      const stamp = this.keepsStamps ? await this.source.stat!(file) : undefined;
      if (stamp) this.stamps.set(file, stamp);
      text = await this.source.readText(file);
    } catch (error) {
      return unreadableRecord(file, role, (error as Error).message);
    }
    if (text === undefined) {
      this.stamps.delete(file);
      return undefined;
    }
    return readAccount(file, role, text, config);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

async function forEachLimit<T>(items: readonly T[], limit: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
