// The web bench's probe (test/bench/webHost.ts), run like the web suite inside the browser-only
// extension in the web worker extension host: how long the extension took from activation to an idle
// index on the opened workspace, then where such time goes on this thread — listing the folder,
// reading every file through workspace.fs, parsing every file — each timed alone. Writes one JSON
// object where the options file beside this bundle says.
import * as vscode from 'vscode';
import { readAccount } from '../../src/core/read/accountRead';
import { parseConfig } from '../../src/core/read/configRead';
import type { HandoffApi } from '../../src/extension/extension';
import { READ_CONCURRENCY } from '../../src/core/index/store';
import { WorkspaceFileSource } from '../../src/extension/workspace/workspaceFileSource';
import { EXTENSION_ID } from '../integration/workbench';
import { suiteOptions, writeResults } from './suiteOptions';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<HandoffApi>(EXTENSION_ID);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!extension || !folder) throw new Error('no extension or no folder');
  const options = await suiteOptions();
  const api = await extension.activate();
  // When the Pipeline first shows every account (it fills in as files are read), polled while the rest settles.
  const rows = () => api.pipeline().reduce((sum, group) => sum + group.children.length, 0);
  const counts: [number, number][] = [];
  const poll = setInterval(() => {
    const count = rows();
    if (count !== counts.at(-1)?.[1]) counts.push([Date.now(), count]);
  }, 100);
  await api.whenIdle();
  const idleAt = Date.now();
  clearInterval(poll);
  const shownAt = counts.find(([, count]) => count === rows())?.[0] ?? idleAt;
  const results: Record<string, number> = { activationToShown: shownAt - api.activatedAt, activationToIdle: idleAt - api.activatedAt, indexed: api.indexedFiles().length };

  const source = new WorkspaceFileSource(folder.uri);
  let started = performance.now();
  const files = await source.listFiles('accounts');
  results.list = performance.now() - started;

  // Reading is round trips to the workbench and the server: how many to keep in flight (the index keeps READ_CONCURRENCY).
  const texts = new Map<string, string>();
  const readAll = async (concurrency: number, withStat: boolean) => {
    let next = 0;
    const reader = async () => {
      while (next < files.length) {
        const file = files[next++];
        if (withStat) await source.stat(file);
        texts.set(file, (await source.readText(file)) ?? '');
      }
    };
    const begun = performance.now();
    await Promise.all(Array.from({ length: concurrency }, reader));
    return performance.now() - begun;
  };
  // The index's own level last, so `read` is what the index does.
  for (const concurrency of [8, 32, READ_CONCURRENCY]) results[`read${concurrency}`] = await readAll(concurrency, false);
  results.read = results[`read${READ_CONCURRENCY}`];
  // As the index reads when it keeps stamps for its snapshot: the stamp, then the text.
  results.statAndRead = await readAll(READ_CONCURRENCY, true);

  const config = parseConfig(await source.readText('.handoff.yml')).config;
  started = performance.now();
  for (const [file, text] of texts) readAccount(file, file.startsWith('accounts/am/') ? 'am' : 'ae', text, config);
  results.parse = performance.now() - started;
  results.bytes = [...texts.values()].reduce((sum, text) => sum + text.length, 0);

  await writeResults(options, results);
}
