/** One account: what a Markdown file with YAML front-matter is to the rest of the code. */
import type { KeyPositions } from '../read/frontMatter';
import type { Problem } from './problem';
import type { Role } from './stage';

export interface Account {
  /** Path relative to the workspace, with `/` separators. */
  file: string;
  /** Ownership, from the folder the file is in. */
  role: Role;
  /** `name:` or, when it is missing, the file's base name. */
  name: string;
  stage: string | undefined;
  /** The front-matter as written: dates stay `YYYY-MM-DD` strings, unknown keys are kept. */
  data: Record<string, unknown>;
  /** Lines of the top-level keys (CodeLens and problems use them). */
  keys: KeyPositions;
}

/** What reading one file gives: the account (unless the file is unreadable as one) and its problems. */
export interface AccountRecord {
  file: string;
  role: Role;
  account?: Account;
  problems: Problem[];
}

/** The account of parsed front-matter (also how a snapshot's plain data becomes an account again). */
export function accountOf(file: string, role: Role, data: Record<string, unknown>, keys: KeyPositions): Account {
  const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name : baseName(file);
  const stage = typeof data.stage === 'string' ? data.stage : undefined;
  return { file, role, name, stage, data, keys };
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}
