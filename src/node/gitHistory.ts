/**
 * The commits that changed account files, for `handoff history` (core/insight/history.ts makes the
 * transitions and numbers of them): one `git log` over the account folders, first parents only (a
 * merge counts as the change it brought to the main line), with git's rename detection (`-M`, as a
 * pull request shows a handoff), then every version's bytes through one `git cat-file --batch`, of
 * which only the few keys history needs are read. Dates are the author's, in the time zone the
 * commit recorded. Read-only, through `git.ts`.
 */
import type { AccountState, CommitChanges, FileChange } from '../core/insight/history';
import { textOfBytes } from '../core/read/fileText';
import { MAX_FRONT_MATTER_CHARS, splitFrontMatter } from '../core/read/frontMatter';
import { parseFrontMatterYaml } from '../core/read/safeYaml';
import { GitError, NotAGitRepository, readBlobs, resolveCommit, runGit } from './git';

const NO_BLOB = /^0+$/;

/** The commits of HEAD that touched `.md` files below `folders` (workspace-relative), oldest first. An empty repository has none. */
export async function readHistory(dir: string, folders: readonly string[], signal?: AbortSignal): Promise<CommitChanges[]> {
  let head: string;
  try {
    head = await resolveCommit(dir, 'HEAD', signal);
  } catch (error) {
    // A repository without a commit yet has no HEAD: no history, which is not a failure.
    if (error instanceof GitError && !(error instanceof NotAGitRepository)) return [];
    throw error;
  }
  const output = await runGit(
    dir,
    ['log', '--reverse', '--first-parent', '--diff-merges=first-parent', '-M', '--raw', '--no-abbrev', '-z', '--relative', '--date=format:%Y-%m-%d', '--format=%x01%H%x00%ad%x00%an <%ae>%x00', head, '--', ...folders],
    { signal },
  );
  const raw = parseLog(output.toString('utf8'), folders);
  const blobs = await readBlobs(dir, raw.flatMap((commit) => commit.files.flatMap((file) => [file.oldBlob, file.newBlob].filter((id): id is string => id !== undefined))), signal);
  const states = new Map<string, AccountState>();
  const stateOf = (id: string | undefined) => {
    if (id === undefined) return undefined;
    let state = states.get(id);
    if (!state) {
      state = accountState(blobs.get(id));
      states.set(id, state);
    }
    return state;
  };
  return raw.map(({ commit, date, author, files }) => ({
    commit,
    date,
    author,
    changes: files.map((file): FileChange => ({ from: file.from, to: file.to, before: stateOf(file.oldBlob), after: stateOf(file.newBlob) })),
  }));
}

interface RawCommit {
  commit: string;
  date: string;
  author: string;
  files: { from?: string; to?: string; oldBlob?: string; newBlob?: string }[];
}

/** `git log -z --raw` with our format: `\x01<id>\0<date>\0<author>\0`, then `:<modes> <ids> <status>\0<path>\0[<path>\0]` per file. */
function parseLog(text: string, folders: readonly string[]): RawCommit[] {
  const commits: RawCommit[] = [];
  const tokens = text.split('\0');
  const isAccount = (file: string) => file.endsWith('.md') && folders.some((folder) => file.startsWith(`${folder}/`));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index].replace(/^\n/, '');
    if (token.startsWith('\x01')) {
      commits.push({ commit: token.slice(1), date: tokens[index + 1], author: tokens[index + 2], files: [] });
      index += 2;
      continue;
    }
    if (!token.startsWith(':')) continue;
    const [oldMode, newMode, oldBlob, newBlob, status] = token.slice(1).split(' ');
    const paths = /^[RC]/.test(status) ? [tokens[++index], tokens[++index]] : [tokens[++index]];
    const current = commits.at(-1);
    if (!current) continue;
    // Only regular files: a link or a submodule is no account.
    const regular = (mode: string) => mode === '100644' || mode === '100755';
    const before = status === 'A' || !regular(oldMode) || NO_BLOB.test(oldBlob) ? undefined : oldBlob;
    const after = status === 'D' || !regular(newMode) || NO_BLOB.test(newBlob) ? undefined : newBlob;
    const from = before === undefined ? undefined : paths[0];
    const to = after === undefined ? undefined : paths.at(-1);
    // A copy keeps its source: only the new path is a change.
    const fromPath = status.startsWith('C') ? undefined : from;
    const file = { from: fromPath !== undefined && isAccount(fromPath) ? fromPath : undefined, to: to !== undefined && isAccount(to) ? to : undefined };
    if (file.from === undefined && file.to === undefined) continue;
    current.files.push({ ...file, oldBlob: file.from === undefined ? undefined : before, newBlob: file.to === undefined ? undefined : after });
  }
  return commits;
}

/** The keys history reads, from one version's bytes; an unreadable version reads as an account with none of them. */
function accountState(bytes: Uint8Array | undefined): AccountState {
  if (!bytes) return {};
  const split = splitFrontMatter(textOfBytes(bytes));
  // As the index reads: YAML only (never `---js`), within the same size.
  if (split.kind !== 'ok' || split.frontMatter.language !== '' || split.frontMatter.yaml.length > MAX_FRONT_MATTER_CHARS) return {};
  let data: unknown;
  try {
    data = parseFrontMatterYaml(split.frontMatter.yaml);
  } catch {
    return {};
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const value = (key: string) => (Object.hasOwn(data as object, key) ? (data as Record<string, unknown>)[key] : undefined);
  const text = (key: string) => {
    const v = value(key);
    return typeof v === 'string' ? v : undefined;
  };
  const arr = value('arr');
  return { name: text('name'), stage: text('stage'), ae: text('ae'), am: text('am'), arr: typeof arr === 'number' && Number.isFinite(arr) ? arr : undefined };
}
