import type { FileSource } from '../../src/core/index/fileSource';

/** An in-memory workspace for core tests: a map of workspace-relative paths to file text. */
export class MemorySource implements FileSource {
  readonly files = new Map<string, string>();
  /** Modification times, as a clock that ticks on every write through `write`. */
  readonly mtimes = new Map<string, number>();
  reads = 0;
  private clock = 1;

  constructor(files: Record<string, string> = {}) {
    for (const [file, text] of Object.entries(files)) this.write(file, text);
  }

  write(file: string, text: string): void {
    this.files.set(file, text);
    this.mtimes.set(file, this.clock++);
  }

  async stat(file: string) {
    const text = this.files.get(file);
    return text === undefined ? undefined : { size: text.length, mtime: this.mtimes.get(file) ?? 0 };
  }

  async readText(file: string): Promise<string | undefined> {
    this.reads++;
    return this.files.get(file);
  }

  async listFiles(folder: string): Promise<string[]> {
    return [...this.files.keys()].filter((file) => file.startsWith(`${folder}/`));
  }
}

export function accountText(fields: Record<string, string | number | boolean>, body = '# Notes\n'): string {
  return ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', '', body].join('\n');
}
