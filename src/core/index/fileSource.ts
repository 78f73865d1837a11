/** How the core reads a workspace: Node's `fs` in the CLI and tests, `workspace.fs` in the extension. */
export interface FileSource {
  /** The text of a file (UTF-8), or undefined when it does not exist. Paths are workspace-relative with `/`. */
  readText(file: string): Promise<string | undefined>;
  /** Every file below a folder, workspace-relative with `/`; empty when the folder does not exist. */
  listFiles(folder: string): Promise<string[]>;
  /** Size and modification time, or undefined when the file does not exist (for the index snapshot). */
  stat?(file: string): Promise<FileStamp | undefined>;
}

/** What says a file changed: its size and modification time (ms). */
export interface FileStamp {
  size: number;
  mtime: number;
}
