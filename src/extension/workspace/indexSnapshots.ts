/**
 * Keeps each folder's index snapshot in the extension's workspace storage (never in the user's
 * repository), so a reopened window reads only the files that changed. A snapshot is reused only by
 * the build of the extension that made it, in the same display language (snapshotStamp.ts).
 */
import * as vscode from 'vscode';
import { failureDetail } from './failure';
import { openSnapshot, sealSnapshot, type SnapshotMaker } from './snapshotStamp';

const SAVE_DELAY_MS = 10_000;

/** What IndexSnapshots needs of the extension: its folder and manifest (`context.extension`). */
export type ExtensionBuild = Pick<vscode.Extension<unknown>, 'extensionUri' | 'packageJSON'>;

export class IndexSnapshots {
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private maker: Promise<SnapshotMaker> | undefined;

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly extension: ExtensionBuild,
    private readonly log: vscode.LogOutputChannel,
    /** The manifest's entry the host runs (Platform.entry): its bundle stamps the snapshot. */
    private readonly entry: 'main' | 'browser',
  ) {}

  /** Undefined without storage, or where the page cannot hash (no Web Crypto outside a secure context): then no snapshot, and every file is read. */
  private async uriFor(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.storage) return undefined;
    // One file per folder and display language, overwritten by each new build: none is left behind by an upgrade.
    const hash = await this.sha256Hex(`${vscode.env.language}\0${folder}`);
    return hash === undefined ? undefined : vscode.Uri.joinPath(this.storage, `index-${hash.slice(0, 16)}.json`);
  }

  /** SHA-256 of a text, in hex, through the Web Crypto API that Node and browsers both have; undefined (and logged) where it is missing. */
  private async sha256Hex(text: string): Promise<string | undefined> {
    try {
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    } catch (error) {
      this.log.warn(`Hashing for the index snapshot failed (${failureDetail(error)}); no index snapshot is kept`);
      return undefined;
    }
  }

  /** This build of the extension: its version, and its bundle's size and modification time (a development build keeps its version). */
  private madeBy(): Promise<SnapshotMaker> {
    this.maker ??= (async () => {
      const manifest = this.extension.packageJSON as { version?: unknown; main?: unknown; browser?: unknown };
      let build: string;
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.extension.extensionUri, String(manifest[this.entry] ?? 'package.json')));
        build = `${stat.size}:${stat.mtime}`;
      } catch (error) {
        this.log.warn(`The extension's bundle cannot be read (${failureDetail(error)}); no index snapshot is reused`);
        build = `unknown:${Date.now()}:${Math.random()}`;
      }
      const bundle = vscode.l10n.bundle;
      const messages = bundle ? ((await this.sha256Hex(JSON.stringify(bundle))) ?? `unknown:${Math.random()}`).slice(0, 16) : '';
      return { version: String(manifest.version ?? ''), build, language: vscode.env.language, messages };
    })();
    return this.maker;
  }

  async read(folder: vscode.Uri): Promise<string | undefined> {
    const uri = await this.uriFor(folder);
    if (!uri) return undefined;
    let stored: string;
    try {
      stored = this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      // None yet (a folder opened for the first time) is no failure; anything else means a full read.
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.warn(`Reading the index snapshot of ${folder} failed; reading every file: ${failureDetail(error)}`);
      return undefined;
    }
    const snapshot = openSnapshot(await this.madeBy(), stored);
    if (snapshot === undefined) this.log.info(`The index snapshot of ${folder} was made by another build of the extension or in another language; reading every file`);
    return snapshot;
  }

  async write(folder: vscode.Uri, snapshot: string): Promise<void> {
    const uri = await this.uriFor(folder);
    if (!uri || !this.storage) return;
    const sealed = sealSnapshot(await this.madeBy(), snapshot);
    await vscode.workspace.fs.createDirectory(this.storage);
    await vscode.workspace.fs.writeFile(uri, this.encoder.encode(sealed));
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

