/**
 * Which kept index snapshot may be reused. A snapshot holds each file's problems as they were found,
 * with their messages: found by the rules of one build of the extension and worded in one display
 * language. Made by another version or build (a development build keeps its version while its rules
 * change), or under other messages, it is not reused: every file is read again, once, and the next
 * snapshot is made by this build. The team configuration is checked by the snapshot itself.
 */

/** What made a snapshot, besides the folder it indexes. */
export interface SnapshotMaker {
  /** The extension's version, from its manifest. */
  version: string;
  /** The build that read the files, such as its bundle's size and modification time. */
  build: string;
  /** The display language. */
  language: string;
  /** The translations the messages came from (a digest of the bundle), empty in English. */
  messages: string;
}

/** The text to keep: the snapshot, marked with what made it. */
export function sealSnapshot(maker: SnapshotMaker, snapshot: string): string {
  return `${stampOf(maker)}\n${snapshot}`;
}

/** The snapshot in `stored` when this maker made it; undefined for any other maker, or none. */
export function openSnapshot(maker: SnapshotMaker, stored: string | undefined): string | undefined {
  const end = stored?.indexOf('\n') ?? -1;
  return stored !== undefined && end >= 0 && stored.slice(0, end) === stampOf(maker) ? stored.slice(end + 1) : undefined;
}

/** One line (JSON escapes line breaks) that no snapshot kept before stamps began with. */
function stampOf({ version, build, language, messages }: SnapshotMaker): string {
  return JSON.stringify({ madeBy: [version, build, language, messages] });
}
