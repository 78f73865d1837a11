/**
 * A test extension for the `virtual` suite: `handoff-test-vfs:/some/path` is the folder /some/path on
 * disk, reached only through this FileSystemProvider. A workspace opened on it is virtual to the
 * extension under test — no `file:` URIs, no search provider, no local path — as a browser-only or
 * remote-repository folder is. As with vscode.dev or GitHub Repositories, the provider lives in an
 * extension of its own that VS Code activates on demand (`onFileSystem:handoff-test-vfs` in
 * package.json): the file service waits for that activation before it answers, so the extension under
 * test can read the folder whenever it activates. esbuild.js --tests builds it, with its manifest, into
 * out/test/vfs-extension/; test/run.js loads that folder as a second extensionDevelopmentPath.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const VIRTUAL_SCHEME = 'handoff-test-vfs';

function toStat(stat: fs.Stats): vscode.FileStat {
  return { type: stat.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File, ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
}

function onDisk<T>(uri: vscode.Uri, action: () => T): T {
  try {
    return action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw vscode.FileSystemError.FileNotFound(uri);
    if (code === 'EEXIST') throw vscode.FileSystemError.FileExists(uri);
    if (code === 'EISDIR') throw vscode.FileSystemError.FileIsADirectory(uri);
    throw error;
  }
}

class DiskBackedFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    return onDisk(uri, () => toStat(fs.statSync(uri.path)));
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return onDisk(uri, () => fs.readdirSync(uri.path, { withFileTypes: true }).map((entry) => [entry.name, entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File]));
  }
  createDirectory(uri: vscode.Uri): void {
    onDisk(uri, () => fs.mkdirSync(uri.path));
    this.fire(vscode.FileChangeType.Created, uri);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    return onDisk(uri, () => fs.readFileSync(uri.path));
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const existed = fs.existsSync(uri.path);
    if (existed && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!existed && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    onDisk(uri, () => fs.writeFileSync(uri.path, content));
    this.fire(existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri);
  }
  delete(uri: vscode.Uri, options: { recursive: boolean }): void {
    onDisk(uri, () => fs.rmSync(uri.path, { recursive: options.recursive }));
    this.fire(vscode.FileChangeType.Deleted, uri);
  }
  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    if (!options.overwrite && fs.existsSync(to.path)) throw vscode.FileSystemError.FileExists(to);
    onDisk(from, () => fs.renameSync(from.path, to.path));
    this.fire(vscode.FileChangeType.Deleted, from);
    this.fire(vscode.FileChangeType.Created, to);
  }
  /** Changes made through the provider are reported, as a real provider reports its own. */
  private fire(type: vscode.FileChangeType, uri: vscode.Uri): void {
    this.emitter.fire([{ type, uri }]);
  }
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider(VIRTUAL_SCHEME, new DiskBackedFileSystem(), { isCaseSensitive: true }));
}
