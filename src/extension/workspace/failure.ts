/**
 * What a failure is, by what was thrown: a refusal whose message is for people (an edit
 * refused, git's own complaint), a cancellation (a Cancel button, a killed git), or anything else —
 * a bug or an I/O error, which belongs in the log with its stack. Plain logic, no `vscode`: the
 * command manager hands in the few classes it knows.
 */
export type FailureKind = 'refused' | 'cancelled' | 'failed';

export interface FailureClasses {
  refused: readonly (abstract new (...args: never[]) => Error)[];
  cancelled: readonly (abstract new (...args: never[]) => Error)[];
}

export function failureKind(error: unknown, classes: FailureClasses): FailureKind {
  if (classes.refused.some((type) => error instanceof type)) return 'refused';
  if (classes.cancelled.some((type) => error instanceof type)) return 'cancelled';
  return 'failed';
}

/** The one line a notification shows of anything thrown (an Error, a string, a rejected `undefined`). */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Anything thrown, for the log: an Error's stack (which starts with its message) and its causes; a
 * log channel given the Error itself after a message would print its message alone.
 */
export function failureDetail(error: unknown): string {
  if (!(error instanceof Error)) return failureMessage(error);
  const stack = error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return error.cause === undefined ? stack : `${stack}\nCaused by: ${failureDetail(error.cause)}`;
}
