/**
 * The index of one workspace folder: every account and every problem, loaded once and then kept
 * current one file at a time (add, change, delete, rename) without a rescan.
 */
import { readAccount, type Account, type AccountRecord } from './account';
import { CONFIG_FILE, defaultConfig, parseConfig, roleFolder, type TeamConfig } from './config';
import { Emitter } from './emitter';
import type { FileSource } from './fileSource';
import type { Problem } from './problem';
import type { Role } from './stage';

export interface StoreChange {
  /** Account files added or changed. */
  changed: string[];
  /** Account files that are gone (deleted, renamed away, or no longer under an account folder). */
  removed: string[];
  /** The team configuration changed: everything may look different. */
  configChanged: boolean;
}

const READ_CONCURRENCY = 32;

export class AccountStore {
  private readonly records = new Map<string, AccountRecord>();
  private configState = { config: defaultConfig(), problems: [] as Problem[], text: undefined as string | undefined };
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changes = new Emitter<StoreChange>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly source: FileSource) {}

  get config(): TeamConfig {
    return this.configState.config;
  }

  /** Reads the configuration and every account. */
  load(): Promise<void> {
    return this.enqueue(async () => {
      const removed = [...this.records.keys()];
      await this.loadAll();
      this.changes.fire({ changed: [...this.records.keys()], removed: removed.filter((f) => !this.records.has(f)), configChanged: true });
    });
  }

  /**
   * Re-reads the given files from the source: created and changed files are read, missing ones
   * removed; a rename is its old and new path. A change to `.handoff.yml` re-reads everything.
   */
  refresh(files: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      if (files.includes(CONFIG_FILE)) {
        const before = this.configState.text;
        const text = await this.source.readText(CONFIG_FILE);
        if (text !== before) {
          const previous = [...this.records.keys()];
          await this.loadAll(text);
          this.changes.fire({ changed: [...this.records.keys()], removed: previous.filter((f) => !this.records.has(f)), configChanged: true });
          return;
        }
      }
      const changed: string[] = [];
      const removed: string[] = [];
      await forEachLimit([...new Set(files)], READ_CONCURRENCY, async (file) => {
        const role = this.roleOf(file);
        const record = role && (await this.readRecord(file, role, this.config));
        if (record) {
          this.records.set(file, record);
          changed.push(file);
        } else if (this.records.delete(file)) {
          removed.push(file);
        }
      });
      if (changed.length > 0 || removed.length > 0) this.changes.fire({ changed, removed, configChanged: false });
    });
  }

  /** Re-reads one account from text that is not on disk yet (an editor's unsaved content). */
  updateText(file: string, text: string): void {
    const role = this.roleOf(file);
    if (!role) return;
    this.records.set(file, readAccount(file, role, text, this.config));
    this.changes.fire({ changed: [file], removed: [], configChanged: false });
  }

  /** The role a workspace-relative path would have as an account, or undefined when it is not one. */
  roleOf(file: string): Role | undefined {
    if (!/\.md$/i.test(file)) return undefined;
    for (const role of ['ae', 'am'] as const) {
      if (file.startsWith(`${roleFolder(this.config, role)}/`)) return role;
    }
    return undefined;
  }

  isConfigFile(file: string): boolean {
    return file === CONFIG_FILE;
  }

  get(file: string): AccountRecord | undefined {
    return this.records.get(file);
  }

  /** Every readable account, in no particular order. */
  accounts(): Account[] {
    const accounts: Account[] = [];
    for (const record of this.records.values()) if (record.account) accounts.push(record.account);
    return accounts;
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
    return problems;
  }

  /** Settles once every load and refresh asked for so far is done. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private async loadAll(configText?: string): Promise<void> {
    const text = configText ?? (await this.source.readText(CONFIG_FILE));
    const { config, problems } = parseConfig(text);
    this.configState = { config, problems, text };
    this.records.clear();
    const files: string[] = [];
    for (const role of ['ae', 'am'] as const) {
      for (const file of await this.source.listFiles(roleFolder(config, role))) {
        if (this.roleOf(file) === role) files.push(file);
      }
    }
    await forEachLimit(files, READ_CONCURRENCY, async (file) => {
      const record = await this.readRecord(file, this.roleOf(file)!, config);
      if (record) this.records.set(file, record);
    });
  }

  /** Undefined when the file does not exist; a record with an `unreadable` problem when it cannot be read. */
  private async readRecord(file: string, role: Role, config: TeamConfig): Promise<AccountRecord | undefined> {
    let text: string | undefined;
    try {
      text = await this.source.readText(file);
    } catch (error) {
      const message = `this file cannot be read: ${(error as Error).message}`;
      return { file, role, problems: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable', message }] };
    }
    return text === undefined ? undefined : readAccount(file, role, text, config);
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
