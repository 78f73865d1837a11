/**
 * What differs between VS Code on the desktop (a Node extension host) and in the browser (vscode.dev,
 * github.dev: a web worker extension host, no Node, no git). Each entry the manifest names builds one
 * (desktop.ts for `main`, web.ts for `browser`) and hands it to the wiring (extension.ts); the rest of
 * the extension asks the platform what it can do, never which host it runs in.
 */
import type * as vscode from 'vscode';
import type { CommitChanges } from '../core/insight/history';
import type { BulkReader } from '../core/index/store';
import type { BranchChoice } from '../node/gitBranches';
import type { Revisions } from '../node/gitRevisions';
import type { FailureClasses } from './workspace/failure';

export interface Platform {
  /** The manifest's entry this host runs (`main` or `browser`): an index snapshot is reused only by the same bundle. */
  readonly entry: 'main' | 'browser';
  /** Reads many account files of a folder at once, off the extension host's thread; undefined: one by one through `workspace.fs`. */
  bulkReader(folder: vscode.Uri): BulkReader | undefined;
  /** git, where this host can run it; undefined in the browser. */
  readonly git: GitTools | undefined;
  /** Where a Save dialog suggests a file that belongs outside the workspace (the home folder); undefined: the dialog's own choice. */
  readonly homeFolder: vscode.Uri | undefined;
}

/** The few things Handoff reads with git, in a folder on disk (node/git.ts runs git safely). */
export interface GitTools {
  /** git's `user.email` for the folder, if set. */
  userEmail(dir: string): Promise<string | undefined>;
  /** The branches to compare with, in the order offered (node/gitBranches.ts), and the one checked out. */
  branches(dir: string, signal?: AbortSignal): Promise<{ choices: BranchChoice[]; current: string | undefined }>;
  /** The commits that changed account files below `folders` (node/gitHistory.ts), oldest first. */
  history(dir: string, folders: readonly string[], signal?: AbortSignal): Promise<CommitChanges[]>;
  /** The account files below `folders` that differ between `base` and the working tree, at each. */
  revisions(dir: string, folders: readonly string[], base: string, signal?: AbortSignal): Promise<Revisions>;
  /** What git throws that is a refusal to show (its own complaint) or a cancel, for the command manager. */
  readonly failures: FailureClasses;
  /** git said the folder is in no repository. */
  isNotARepository(error: unknown): boolean;
}
