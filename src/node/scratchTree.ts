/**
 * Files that are not committed (the working tree's accounts) as a git tree, so that git itself can
 * compare them with a commit — its own rename detection, as a reviewer sees it — through
 * `diff-tree` alone. A diff against the working tree would refresh the index (fsmonitor, hooks) and
 * clean every changed file through the filters `.gitattributes` names; this reads nothing of the
 * repository's config and writes nothing into the repository: the objects git does not have yet are
 * written here, zlib-compressed as git stores loose objects, into a temporary folder that git reads
 * as an extra object store (GIT_ALTERNATE_OBJECT_DIRECTORIES), removed afterwards.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';

export type ObjectFormat = 'sha1' | 'sha256';

/**
 * A file of the tree: its path from the repository's top, and either its bytes (written as a blob) or
 * its id alone. `diff-tree -M --raw` reads the contents of added and deleted files only (the
 * candidates for a rename): a file changed in place may be given by its id without its blob.
 */
export type TreeFile = { path: string; mode: string } & ({ id: string } | { bytes: Uint8Array });

/** git's id of a file's bytes, as `git hash-object --no-filters` gives it. */
export function blobId(format: ObjectFormat, bytes: Uint8Array): string {
  return createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

interface Folder {
  entries: Map<string, Folder | { mode: string; id: string }>;
}

/**
 * Writes the tree of `files` (and the blobs of the files given as bytes, unless `known` holds their
 * id, being in the repository already), runs `use` with the tree's id and the environment that lets
 * git read it, and removes what it wrote.
 */
export async function withScratchTree<T>(format: ObjectFormat, files: readonly TreeFile[], known: ReadonlySet<string>, use: (tree: string, env: Record<string, string>) => Promise<T>): Promise<T> {
  const objects = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'handoff-objects-'));
  try {
    const written = new Set<string>();
    const folders = new Set<string>();
    const writes: Promise<void>[] = [];
    const write = (type: string, body: Uint8Array): string => {
      const header = Buffer.from(`${type} ${body.length}\0`);
      const id = createHash(format).update(header).update(body).digest('hex');
      if (known.has(id) || written.has(id)) return id;
      written.add(id);
      const folder = path.join(objects, id.slice(0, 2));
      if (!folders.has(folder)) {
        fs.mkdirSync(folder);
        folders.add(folder);
      }
      writes.push(fs.promises.writeFile(path.join(folder, id.slice(2)), deflateSync(Buffer.concat([header, body]), { level: 1 })));
      return id;
    };
    const root: Folder = { entries: new Map() };
    for (const file of files) {
      const names = file.path.split('/');
      let folder = root;
      for (const name of names.slice(0, -1)) {
        let next = folder.entries.get(name);
        if (!next || !('entries' in next)) folder.entries.set(name, (next = { entries: new Map() }));
        folder = next;
      }
      folder.entries.set(names[names.length - 1], { mode: file.mode, id: 'id' in file ? file.id : write('blob', file.bytes) });
    }
    const writeFolder = (folder: Folder): string => {
      // git's order: by the bytes of the name, a folder's name as if it ended with '/'.
      const entries = [...folder.entries].map(([name, entry]) => {
        const isFolder = 'entries' in entry;
        return { name, key: Buffer.from(isFolder ? `${name}/` : name), mode: isFolder ? '40000' : entry.mode, id: isFolder ? writeFolder(entry) : entry.id };
      });
      entries.sort((a, b) => Buffer.compare(a.key, b.key));
      return write('tree', Buffer.concat(entries.flatMap((entry) => [Buffer.from(`${entry.mode} ${entry.name}\0`), Buffer.from(entry.id, 'hex')])));
    };
    const tree = writeFolder(root);
    await Promise.all(writes);
    return await use(tree, { GIT_ALTERNATE_OBJECT_DIRECTORIES: objects });
  } finally {
    await fs.promises.rm(objects, { recursive: true, force: true });
  }
}
