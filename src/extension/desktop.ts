/**
 * The manifest's `main`: VS Code on the desktop (a Node extension host). A large folder on disk is
 * read on every core (worker threads), git runs for Compare with Branch and "me", and a CSV is
 * suggested in the home folder.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { GitCancelled, GitError, NotAGitRepository, userEmail } from '../node/git';
import { branchChoices, readBranches } from '../node/gitBranches';
import { readHistory } from '../node/gitHistory';
import { readRevisions } from '../node/gitRevisions';
import { parallelReader } from '../node/parallelReader';
import { activateOn, type HandoffApi } from './extension';
import type { Platform } from './platform';

const desktop: Platform = {
  entry: 'main',
  // Elsewhere than on disk (remote, virtual) files are read through workspace.fs.
  bulkReader: (folder) => (folder.scheme === 'file' ? parallelReader(folder.fsPath, { messages: vscode.l10n.bundle }) : undefined),
  git: {
    userEmail: (dir) => userEmail(dir),
    branches: async (dir, signal) => {
      const branches = await readBranches(dir, signal);
      return { choices: branchChoices(branches), current: branches.find((branch) => branch.current)?.name };
    },
    history: (dir, folders, signal) => readHistory(dir, folders, signal),
    revisions: (dir, folders, base, signal) => readRevisions(dir, folders, base, undefined, signal),
    failures: { refused: [GitError], cancelled: [GitCancelled] },
    isNotARepository: (error) => error instanceof NotAGitRepository,
  },
  homeFolder: vscode.Uri.file(os.homedir()),
};

export function activate(context: vscode.ExtensionContext): Promise<HandoffApi> {
  return activateOn(desktop, context);
}

export function deactivate(): void {}
