/**
 * Who "me" is, for "My accounts": the `handoff.me` setting (an e-mail or id as written in `ae:`,
 * `am:`), else git's `user.email` — read only in a trusted workspace on a folder on disk, since git
 * reads the repository's own config there.
 */
import * as vscode from 'vscode';
import { userEmail } from '../../node/git';
import { failureDetail } from './failure';

export const ME_SETTING = 'handoff.me';

export async function whoAmI(log: vscode.LogOutputChannel): Promise<string | undefined> {
  const set = vscode.workspace.getConfiguration('handoff').get<unknown>('me');
  if (typeof set === 'string' && set.trim() !== '') return set.trim();
  if (!vscode.workspace.isTrusted) return undefined;
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
  if (!folder) return undefined;
  try {
    return await userEmail(folder.uri.fsPath);
  } catch (error) {
    log.warn(`Reading git's user.email failed: ${failureDetail(error)}`);
    return undefined;
  }
}
