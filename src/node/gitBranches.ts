/**
 * The branches Compare with Branch offers, and which one it suggests: the main line (origin/main,
 * origin/master, main, master: what a pull request is compared with) first, the current branch's
 * upstream next; the others most recently
 * committed first; the current branch itself last, where comparing means its last commit, that is
 * the uncommitted changes only. Read-only, through `git.ts`.
 */
import { runGit } from './git';

export interface Branch {
  /** As git names it: `main`, `origin/main`. */
  name: string;
  /** The branch checked out. */
  current: boolean;
  /** The branch it tracks (`origin/main`), or ''. */
  upstream: string;
}

/** What a branch is to the comparison: `suggested` is the first and preselected; `current` compares with its last commit. */
export type BranchRole = 'upstream' | 'main' | 'other' | 'current';

export interface BranchChoice {
  name: string;
  role: BranchRole;
}

/** Local and remote branches, most recently committed first (a remote's HEAD left out). Throws NotAGitRepository outside a repository. */
export async function readBranches(dir: string, signal?: AbortSignal): Promise<Branch[]> {
  const output = await runGit(dir, ['for-each-ref', '--sort=-committerdate', '--format=%(HEAD)%00%(refname:short)%00%(upstream:short)', 'refs/heads', 'refs/remotes'], { signal });
  // git allows no control character in a ref name, so a line is a branch.
  return output
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [head, name, upstream] = line.split('\0');
      return { name, current: head === '*', upstream: upstream ?? '' };
    })
    .filter((branch) => branch.name !== '' && !branch.name.endsWith('/HEAD'));
}

const MAIN_LINES = ['origin/main', 'origin/master', 'main', 'master'];

/**
 * The branches in the order offered: the first main line that is not the current branch, then the
 * current branch's upstream, then the rest as given, the current branch last.
 * With HEAD detached (or no branch at all), `HEAD` stands last for the current commit.
 */
export function branchChoices(branches: readonly Branch[]): BranchChoice[] {
  const current = branches.find((branch) => branch.current);
  const names = new Set(branches.map((branch) => branch.name));
  const mainLine = MAIN_LINES.find((name) => names.has(name) && name !== current?.name);
  const upstream = current && current.upstream !== '' && names.has(current.upstream) && current.upstream !== mainLine ? current.upstream : undefined;
  const suggested: BranchChoice[] = [...(mainLine !== undefined ? [{ name: mainLine, role: 'main' as const }] : []), ...(upstream !== undefined ? [{ name: upstream, role: 'upstream' as const }] : [])];
  const others: BranchChoice[] = branches.filter((branch) => !branch.current && !suggested.some((s) => s.name === branch.name)).map((branch) => ({ name: branch.name, role: 'other' }));
  return [...suggested, ...others, { name: current?.name ?? 'HEAD', role: 'current' }];
}
