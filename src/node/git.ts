/**
 * The only way Handoff runs git. A repository is data a teammate (or anyone whose branch is
 * fetched) controls, its `.git/config` included; so git runs here as a reader of objects and refs
 * that starts no program the repository names:
 * - only plumbing that reads objects and refs (`rev-parse`, `ls-tree`, `cat-file --batch`,
 *   `diff-tree`, `for-each-ref`) and `config --get` (reads settings, runs nothing they name): none
 *   of them touches the working tree or the index, so no clean or smudge filter, no fsmonitor, no
 *   index hook; the working tree is read by Node (gitRevisions.ts);
 * - `-c` settings the repository's config cannot override: no fsmonitor, hooks from a folder that
 *   does not exist, `cat` as the pager (and `--no-pager`), no transport (a partial clone would
 *   otherwise fetch a missing object by running the transport the config names);
 * - no `GIT_*` variable of the caller (GIT_DIR, GIT_EXTERNAL_DIFF, GIT_CONFIG_*, GIT_EXEC_PATH,
 *   GIT_SSH_COMMAND, GIT_TRACE…), only ours; pathspecs are literal; no terminal prompt;
 * - every revision a person or the repository names goes through `resolveCommit` (after
 *   `--end-of-options`), and only the commit id it returns is passed on.
 * Processes are spawned (never a shell), their output is streamed without a size limit, and an
 * AbortSignal kills them.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';

/** git failed; the message is git's first line of stderr. */
export class GitError extends Error {}

/** git was run in a folder that is in no repository (git's "fatal: not a git repository"). */
export class NotAGitRepository extends GitError {}

/** The caller's AbortSignal fired; git was stopped. */
export class GitCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const SAFE_OPTIONS = [
  '--no-pager',
  '-c', 'core.fsmonitor=false',
  '-c', `core.hooksPath=${os.devNull}`,
  '-c', 'core.pager=cat',
  '-c', 'protocol.allow=never',
];

/** What the repository cannot change, whatever the caller's environment holds. */
const SAFE_ENVIRONMENT: Record<string, string> = {
  // Transports by name, overriding every protocol.*.allow of the config: none.
  GIT_ALLOW_PROTOCOL: '',
  // The same said plainly, to a git that knows it (2.44 and later).
  GIT_NO_LAZY_FETCH: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  GIT_LITERAL_PATHSPECS: '1',
  GIT_OPTIONAL_LOCKS: '0',
  // What the commits hold, as a hosting service shows them, not what refs/replace/ swaps in.
  GIT_NO_REPLACE_OBJECTS: '1',
  // git's messages reach the CLI's English output.
  LC_ALL: 'C',
};

function environment(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^GIT_/i.test(name)) env[name] = value;
  return { ...env, ...SAFE_ENVIRONMENT, ...extra };
}

export interface GitRun {
  /** Written to git's standard input, which is then closed. */
  input?: string | Uint8Array;
  /** Each chunk of standard output as it arrives; without it, the whole output is returned. */
  onOutput?: (chunk: Buffer) => void;
  /** Extra variables, for the few a command needs (GIT_ALTERNATE_OBJECT_DIRECTORIES). */
  env?: Record<string, string>;
  signal?: AbortSignal;
}

/** Runs `git args…` in `dir`; resolves with its standard output, or rejects with GitError / GitCancelled. */
export function runGit(dir: string, args: readonly string[], run: GitRun = {}): Promise<Buffer> {
  const { signal } = run;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new GitCancelled());
    const child = spawn('git', [...SAFE_OPTIONS, ...args], { cwd: dir, env: environment(run.env), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let stderr = '';
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill();
    };
    const onAbort = () => stop(new GitCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      if (!run.onOutput) return void chunks.push(chunk);
      try {
        run.onOutput(chunk);
      } catch (error) {
        stop(error as Error);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 65_536) stderr += chunk.toString('utf8');
    });
    // git may exit before reading all its input (an unknown object, a kill): the exit code tells.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => stop(error.code === 'ENOENT' ? new GitError('git is not installed (or not on PATH)') : error));
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code !== 0) {
        const message = stderr.trim().split('\n')[0] || `git ${args[0]} ended with ${code ?? killedBy}`;
        reject(/^fatal: not a git repository/.test(message) ? new NotAGitRepository(message) : new GitError(message));
      }
      else resolve(Buffer.concat(chunks));
    });
    child.stdin.end(run.input ?? '');
  });
}

/** `user.email` as git would write it on a commit made in `dir` (the repository's config, then the user's), or undefined when none is set or git is missing. */
export async function userEmail(dir: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const value = (await runGit(dir, ['config', '--get', 'user.email'], { signal })).toString('utf8').trim();
    return value.split('\n')[0] || undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** The commit a revision (branch, tag, id, `HEAD~2`) names, as its full id; a GitError for anything else. */
export async function resolveCommit(dir: string, revision: string, signal?: AbortSignal): Promise<string> {
  let id: string;
  try {
    id = (await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { signal })).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && error.message.startsWith('git rev-parse ended')) throw new GitError(`unknown revision '${revision}'`);
    throw error;
  }
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)) throw new GitError(`unknown revision '${revision}'`);
  return id;
}

/**
 * The contents of these objects through one `git cat-file --batch`, parsed as they stream:
 * `<id> blob <size>\n<bytes>\n` each, or `<id> missing\n` (a GitError).
 */
export async function readBlobs(dir: string, ids: Iterable<string>, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
  const wanted = [...new Set(ids)];
  const blobs = new Map<string, Uint8Array>();
  if (wanted.length === 0) return blobs;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let object: { id: string; size: number } | undefined;
  const take = (length: number): Buffer => {
    const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
    const taken = all.subarray(0, length);
    pending = [all.subarray(length)];
    pendingLength -= length;
    return taken;
  };
  const onOutput = (chunk: Buffer) => {
    pending.push(chunk);
    pendingLength += chunk.length;
    for (;;) {
      if (!object) {
        const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
        pending = [joined];
        const end = joined.indexOf(10);
        if (end < 0) return;
        const header = take(end + 1).toString('latin1').slice(0, -1);
        const match = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
        if (!match) throw new GitError(header.endsWith(' missing') ? `object ${header.split(' ')[0]} is missing from the repository` : `unexpected output of git cat-file: ${header}`);
        if (match[2] !== 'blob') throw new GitError(`object ${match[1]} is a ${match[2]}, not a file`);
        object = { id: match[1], size: Number(match[3]) };
      }
      if (pendingLength < object.size + 1) return;
      const bytes = take(object.size + 1);
      if (bytes[object.size] !== 10) throw new GitError('unexpected output of git cat-file');
      blobs.set(object.id, bytes.subarray(0, object.size));
      object = undefined;
    }
  };
  await runGit(dir, ['cat-file', '--batch'], { input: wanted.join('\n') + '\n', onOutput, signal });
  if (object || pendingLength > 0 || blobs.size !== wanted.length) throw new GitError('git cat-file ended early');
  return blobs;
}
