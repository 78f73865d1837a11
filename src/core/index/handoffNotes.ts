/**
 * The handoff notes of a workspace (model/handoffNote.ts), kept beside its accounts: read from the
 * notes folder, re-read as they change, joined to their accounts, and checked by the note gate.
 * Read on every load (one small file per handed-off account), never snapshotted.
 */
import type { Account } from '../model/account';
import { accountFilesOfNote, noteFileOf, withNote } from '../model/handoffNote';
import type { Problem } from '../model/problem';
import { notesFolder, type TeamConfig } from '../model/teamConfig';
import { noteEmptyProblem } from '../read/noteGate';
import { readHandoffNote, type NoteRecord } from '../read/noteRead';
import type { FileSource } from './fileSource';

export class HandoffNotes {
  private readonly notes = new Map<string, NoteRecord>();

  constructor(
    private readonly source: FileSource,
    private readonly configOf: () => TeamConfig,
  ) {}

  /** Whether a workspace-relative path would be a handoff note. */
  isNote(file: string): boolean {
    return accountFilesOfNote(file, this.configOf()) !== undefined;
  }

  has(file: string): boolean {
    return this.notes.has(file);
  }

  files(): IterableIterator<string> {
    return this.notes.keys();
  }

  /** Every note of the notes folder, read afresh. */
  async load(forEach: (files: string[], read: (file: string) => Promise<unknown>) => Promise<void>): Promise<void> {
    this.notes.clear();
    const files = (await this.source.listFiles(notesFolder(this.configOf()))).filter((file) => this.isNote(file));
    await forEach(files, (file) => this.read(file));
  }

  /** Reads a note; false when it does not exist (any more), and it is let go. */
  async read(file: string): Promise<boolean> {
    let text: string | undefined;
    try {
      text = await this.source.readText(file);
    } catch (error) {
      this.notes.set(file, { file, problems: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable', message: (error as Error).message }] });
      return true;
    }
    if (text === undefined) {
      this.notes.delete(file);
      return false;
    }
    this.notes.set(file, readHandoffNote(file, text));
    return true;
  }

  /** A note's text that is not on disk yet (an editor's unsaved content). */
  setText(file: string, text: string): void {
    this.notes.set(file, readHandoffNote(file, text));
  }

  /** The note of an account file (either role), when it has one. */
  noteOf(accountFile: string): NoteRecord | undefined {
    const note = noteFileOf(accountFile, this.configOf());
    return note === undefined ? undefined : this.notes.get(note);
  }

  /** The account with what its note records (`withNote`), or as it is when it has none. */
  join(account: Account): Account {
    if (this.notes.size === 0) return account;
    const noteFile = noteFileOf(account.file, this.configOf());
    const note = noteFile === undefined ? undefined : this.notes.get(noteFile)?.note;
    return note && noteFile !== undefined ? withNote(account, noteFile, note) : account;
  }

  /** A note's problems, with the note gate's while its AM account is in the index (`hasAccount`). */
  problemsOf(file: string, hasAccount: (file: string) => boolean): Problem[] {
    const note = this.notes.get(file);
    if (!note) return [];
    const accounts = accountFilesOfNote(file, this.configOf());
    const gate = note.note && accounts && hasAccount(accounts.am) ? noteEmptyProblem(file, note.note, this.configOf()) : undefined;
    return gate ? [...note.problems, gate] : note.problems;
  }
}
