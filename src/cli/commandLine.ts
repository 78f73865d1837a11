/** Arguments shared by every command, parsed with Node's own `parseArgs`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isCalendarDay, localToday, type CalendarDay } from '../core/model/calendarDay';
import { CONFIG_FILE, roleFolder } from '../core/model/teamConfig';
import { AccountStore } from '../core/index/store';
import { NodeFileSource } from '../node/nodeFileSource';
import { parallelReader } from '../node/parallelReader';

/** Exit 2: the command line is wrong or the workspace cannot be read. */
export class UsageError extends Error {
  /** Lines printed under the message, each on its own (each made visible, so none can forge another). */
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Every command takes text and json; `report` and `diff` also md and csv, `check` and `diff` github (each command lists its own). */
export type OutputFormat = 'text' | 'json' | 'md' | 'csv' | 'github';

export interface CommonOptions {
  dir: string;
  today: CalendarDay;
  format: OutputFormat;
}

export const COMMON_OPTIONS = {
  dir: { type: 'string' },
  today: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const COMMON_HELP = `Options for every command:
  --dir <workspace>     the workspace folder (default: the current folder)
  --today YYYY-MM-DD    the day to compute dates against (default: today)
  --format text|json    text for people (default), json for programs
  -h, --help            this help`;

export function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function commonOptions(values: { dir?: unknown; today?: unknown; format?: unknown }, formats: readonly string[] = ['text', 'json']): CommonOptions {
  const today = values.today === undefined ? localToday() : String(values.today);
  if (!isCalendarDay(today)) throw new UsageError(`--today must be a calendar day written YYYY-MM-DD, not '${today}'`);
  const format = values.format === undefined ? 'text' : String(values.format);
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not '${format}'`);
  return { dir: path.resolve(values.dir === undefined ? '.' : String(values.dir)), today, format: format as OutputFormat };
}

/** Loads the workspace's accounts (or, with `configOnly`, its configuration); a folder that cannot be read is a usage error (exit 2). */
export async function openWorkspace(dir: string, configOnly = false): Promise<AccountStore> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    throw new UsageError(`cannot read the workspace ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`the workspace ${dir} is not a folder`);
  const store = new AccountStore(new NodeFileSource(dir), { bulkRead: parallelReader(dir) });
  try {
    await (configOnly ? store.loadConfig() : store.load());
  } catch (error) {
    throw new UsageError(`cannot read the workspace ${dir}: ${(error as Error).message}`);
  }
  // `diff` reads accounts from git: the working tree may not have the account root at all.
  if (!configOnly) checkAccountRoot(dir, store);
  return store;
}

/**
 * The account root must be a folder inside the workspace. Without it every command would report
 * "0 accounts, no problems" — a check a CI could never fail — so a missing root (no accounts here,
 * or `root` misspelt) is an unreadable workspace, exit 2. An existing root with no accounts is fine.
 */
function checkAccountRoot(dir: string, store: AccountStore): void {
  const root = store.config.root;
  const shown = root === '' ? './' : `${root}/`;
  const full = path.join(dir, root);
  const configProblems = store.problems().filter((p) => p.file === CONFIG_FILE);
  const fail = (reason: string) => {
    return new UsageError(`the account root ${shown} ${reason}`, configProblems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}]`));
  };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw fail(`does not exist in ${dir}; create it, or set 'root' in .handoff.yml to the folder that holds ${store.config.folders.ae}/ and ${store.config.folders.am}/`);
  }
  if (!stat.isDirectory()) throw fail(`is not a folder`);
  // A link may point anywhere; the accounts Handoff reads must be the workspace's own.
  const workspace = fs.realpathSync(dir);
  for (const folder of [root, roleFolder(store.config, 'ae'), roleFolder(store.config, 'am')]) {
    let real: string;
    try {
      real = fs.realpathSync(path.join(dir, folder));
    } catch {
      continue;
    }
    if (real !== workspace && !real.startsWith(workspace + path.sep)) throw fail(`leads out of the workspace through a symbolic link (${folder}/ is ${real}); Handoff reads only the workspace's own files`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/**
 * Appends Markdown to the job's summary page on GitHub Actions: the file the runner names in
 * `GITHUB_STEP_SUMMARY` (appended, never overwritten: other steps write there too). Outside
 * GitHub Actions (the variable unset or empty) it does nothing and returns false.
 */
export function appendStepSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return false;
  try {
    fs.appendFileSync(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`);
  } catch (error) {
    throw new UsageError(`cannot append to the step summary GITHUB_STEP_SUMMARY=${file}: ${(error as Error).message}`);
  }
  return true;
}

/**
 * Where the workspace lies in the repository, as GitHub names files in an annotation: the folder
 * from `GITHUB_WORKSPACE` (the repository's root) to `dir`, with `/` and a trailing `/` — so a
 * workspace in a folder of the repository (`--dir sales/team-a`) still annotates the right file.
 * `''` outside GitHub Actions, at the root, or for a workspace outside the repository.
 */
export function repositoryFolder(dir: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (workspace === undefined || workspace === '') return '';
  const real = (folder: string) => {
    try {
      return fs.realpathSync(folder);
    } catch {
      return path.resolve(folder);
    }
  };
  const folder = path.relative(real(workspace), real(dir));
  if (folder === '' || folder === '..' || folder.startsWith(`..${path.sep}`) || path.isAbsolute(folder)) return '';
  return `${folder.split(path.sep).join('/')}/`;
}
