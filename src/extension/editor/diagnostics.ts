/** Every problem of every account and of `.handoff.yml`, in the Problems panel, kept current by the index. */
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/model/teamConfig';
import { remindersOf } from '../../core/insight/reminders';
import type { AccountFolder, AccountWorkspaces } from '../workspace/accountWorkspaces';
import type { Calendar } from '../workspace/calendar';
import { toDiagnostic } from './convert';

/** Structural problems from the index, plus today's reminders (renewals, stale contact, next steps). */
export function registerDiagnostics(workspaces: AccountWorkspaces, calendar: Calendar): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('handoff');
  const shown = new Map<AccountFolder, Set<string>>();

  const show = (folder: AccountFolder, file: string) => {
    const account = file === CONFIG_FILE ? undefined : folder.store.account(file);
    const problems = file === CONFIG_FILE ? folder.store.configProblems() : [...folder.store.problemsOf(file)];
    if (account) problems.push(...remindersOf(account, folder.store.config, calendar.today));
    const uri = folder.source.uriOf(file);
    const files = shown.get(folder) ?? new Set<string>();
    shown.set(folder, files);
    if (problems.length === 0) {
      collection.delete(uri);
      files.delete(file);
    } else {
      collection.set(uri, problems.map(toDiagnostic));
      files.add(file);
    }
  };
  const showAll = (folder: AccountFolder) => {
    for (const file of shown.get(folder) ?? []) collection.delete(folder.source.uriOf(file));
    shown.delete(folder);
    if (!workspaces.all().includes(folder)) return;
    show(folder, CONFIG_FILE);
    for (const record of folder.store.allRecords()) show(folder, record.file);
    for (const note of folder.store.noteFiles()) show(folder, note);
  };

  workspaces.all().forEach(showAll);
  const subscription = workspaces.onDidChange((change) => {
    if (change.configChanged) {
      showAll(change.folder);
      return;
    }
    for (const file of [...change.changed, ...change.removed]) show(change.folder, file);
  });
  const rollover = calendar.onDidChangeDay(() => workspaces.all().forEach(showAll));
  return vscode.Disposable.from(subscription, rollover, collection);
}
