/**
 * Keeps each folder's index snapshot in the extension's workspace storage (never in the user's
 * repository), so a reopened window reads only the files that changed.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { failureDetail } from './failure';

const SAVE_DELAY_MS = 10_000;

export class IndexSnapshots {
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private uriFor(folder: vscode.Uri): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    // Problems are stored with their messages, so a snapshot belongs to one display language.
    const name = createHash('sha256').update(`${vscode.env.language}\0${folder}`).digest('hex').slice(0, 16);
    return vscode.Uri.joinPath(this.storage, `index-${name}.json`);
  }

  async read(folder: vscode.Uri): Promise<string | undefined> {
    const uri = this.uriFor(folder);
    if (!uri) return undefined;
    try {
      return this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      // None yet (a folder opened for the first time) is no failure; anything else means a full read.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.warn(`Reading the index snapshot of ${folder} failed; reading every file: ${failureDetail(error)}`);
      return undefined;
    }
  }

  async write(folder: vscode.Uri, snapshot: string): Promise<void> {
    const uri = this.uriFor(folder);
    if (!uri || !this.storage) return;
    await vscode.workspace.fs.createDirectory(this.storage);
    await vscode.workspace.fs.writeFile(uri, this.encoder.encode(snapshot));
  }

  /** Saves `snapshot()` a few seconds after the last change, and once more on dispose. */
  keep(folder: vscode.Uri, onDidChange: (listener: () => void) => { dispose(): void }, snapshot: () => string): vscode.Disposable {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Never rejects: a snapshot that cannot be saved costs the next window a full read, which the log says.
    const save = async () => {
      timer = undefined;
      try {
        await this.write(folder, snapshot());
      } catch (error) {
        this.log.warn(`Writing the index snapshot of ${folder} failed: ${failureDetail(error)}`);
      }
    };
    const subscription = onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    return new vscode.Disposable(() => {
      subscription.dispose();
      if (timer) {
        clearTimeout(timer);
        void save();
      }
    });
  }
}
