/**
 * What every edit of an account is made of, on its one write path: the target as read, a draft
 * (text edits and the keys they mean to change), and the plan that `editVerify.ts` lets through —
 * or a refusal that changed nothing.
 */
import type { FrontMatterSource } from './frontMatterEdit';
import type { Role } from '../model/stage';
import type { TextEdit } from './textEdit';

export type RefusalCode = 'edit-refused' | 'edit-unsafe';

/** The largest account file an edit reads: a real one has a few KB; beyond this it would only strain memory. */
export const MAX_EDIT_BYTES = 64 * 1024 * 1024;

/** An edit that will not be made; nothing was changed. The message is for people. */
export class EditRefused extends Error {
  constructor(
    message: string,
    readonly code: RefusalCode = 'edit-refused',
  ) {
    super(message);
  }
}

/** What a plan needs to know of the account, as read from the file about to be edited. */
export interface EditTarget {
  /** Workspace-relative, `/`. */
  file: string;
  role: Role;
  /** The whole file as it is now, BOM included; bytes that are not UTF-8 as `fileText.ts` keeps them. */
  text: string;
  name: string;
  stage: string | undefined;
  data: Record<string, unknown>;
}

/** A top-level key an edit means to change: to a value, or by appending one item to its list. */
export type KeyChange = { key: string; set: unknown } | { key: string; append: unknown };

/** An edit as drafted, before it is verified. */
export interface EditDraft {
  /** Where the file goes; the same as the target's file when it stays. */
  newFile: string;
  /** Edits on the target's text. */
  edits: TextEdit[];
  /** The keys the edits mean to change; every other key must read the same afterwards. */
  changes: KeyChange[];
  /** The edits may add to the body (notes, check-ups). */
  body?: boolean;
  /** One line for people: what the edit does. */
  summary: string;
  /** The target's text as the planner parsed it, so it is not parsed again. */
  source?: FrontMatterSource;
}

/** A verified edit: apply `edits` to the text it was planned on (an editor), or write `newText` (a file). */
export interface EditPlan {
  file: string;
  newFile: string;
  edits: TextEdit[];
  /** The file's text after the edit, verified. */
  newText: string;
  summary: string;
  /** A handoff's or hand-back's note, written with the account (model/handoffNote.ts). */
  note?: NotePlan;
}

/** The edit of an account's handoff note: created (`exists` false, from `before`) or changed in place. */
export interface NotePlan extends EditPlan {
  exists: boolean;
  /** The text the plan was made on: the note as read, or the empty note it creates. */
  before: string;
}

/** An edit that changes nothing, such as a move to the stage the account is in. */
export function unchangedPlan(target: EditTarget, summary: string): EditPlan {
  return { file: target.file, newFile: target.file, edits: [], newText: target.text, summary };
}
