import type { FileSource } from '../../src/core/fileSource';

/** An in-memory workspace for core tests: a map of workspace-relative paths to file text. */
export class MemorySource implements FileSource {
  readonly files = new Map<string, string>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [file, text] of Object.entries(files)) this.files.set(file, text);
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
