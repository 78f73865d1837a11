/**
 * Who "me" is, for "My accounts": the `handoff.me` setting (an e-mail or id as written in `ae:`,
 * `am:`), else git's `user.email` — read only where git runs (not in the browser), in a trusted
 * workspace on a folder on disk, since git reads the repository's own config there.
 */
import * as vscode from 'vscode';
import type { GitTools } from '../platform';
import { failureDetail } from './failure';

export const ME_SETTING = 'handoff.me';

export async function whoAmI(git: GitTools | undefined, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('handoff').get<unknown>('me');
  if (typeof set === 'string' && set.trim() !== '') return set.trim();
  if (!git || !vscode.workspace.isTrusted) return undefined;
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
  if (!folder) return undefined;
  try {
    return await git.userEmail(folder.uri.fsPath);
  } catch (error) {
    log.warn(`Reading git's user.email failed: ${failureDetail(error)}`);
    return undefined;
  }
}
