/** One workspace folder through `workspace.fs`, so remote and virtual folders work as local ones do. */
import * as vscode from 'vscode';
import type { FileSource } from '../../core/index/fileSource';
import type { FileStamp } from '../../core/index/fileSource';

export class WorkspaceFileSource implements FileSource {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(private readonly folder: vscode.Uri) {}

  async readText(file: string): Promise<string | undefined> {
    try {
      return this.decoder.decode(await vscode.workspace.fs.readFile(this.uriOf(file)));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return undefined;
      throw error;
    }
  }

  async listFiles(folder: string): Promise<string[]> {
    // Search (ripgrep) serves folders on disk; a virtual folder has no search provider, so it is walked.
    if (this.folder.scheme !== 'file') return this.walk(folder);
    // `null` excludes: `files.exclude` hides files from people, not accounts from the index.
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.uriOf(folder), '**/*'), null);
    return uris.map((uri) => this.relativePath(uri)).filter((file): file is string => file !== undefined);
  }

  private async walk(folder: string): Promise<string[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.uriOf(folder));
    } catch (error) {
      // A folder that is not there holds no accounts; one that cannot be listed fails the index, which says so.
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory')) return [];
      throw error;
    }
    const files: string[] = [];
    for (const [name, type] of entries) {
      const file = `${folder}/${name}`;
      // Linked folders are not followed: a link back up would never end.
      if (type & vscode.FileType.Directory) {
        if (!(type & vscode.FileType.SymbolicLink)) files.push(...(await this.walk(file)));
      } else if (type & vscode.FileType.File) {
        files.push(file);
      }
    }
    return files;
  }

  async stat(file: string): Promise<FileStamp | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(this.uriOf(file));
      return { size: stat.size, mtime: stat.mtime };
    } catch {
      return undefined;
    }
  }

  uriOf(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, ...file.split('/'));
  }

  /** The workspace-relative path of a URI inside this folder, with `/`; undefined outside it. */
  relativePath(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.folder.scheme || uri.authority !== this.folder.authority) return undefined;
    const base = this.folder.path.endsWith('/') ? this.folder.path : `${this.folder.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }
}
