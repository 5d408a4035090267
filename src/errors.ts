import type { z } from 'zod';

/** A structured, JSON-friendly description of one problem with the input. */
export interface InputIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  /** For `unrecognized_keys`: the keys refused, each a child of `path`. */
  readonly keys?: readonly string[];
}

/** The message lists this many issues; `issues` keeps them all. */
const ISSUES_IN_MESSAGE = 20;

/**
 * zod reports unknown keys as one issue on the object that holds them (so `{"__proto__": 1}` at the
 * root has the empty path); `keys` carries them, so a caller can point at each one.
 */
function toInputIssue(issue: z.core.$ZodIssue): InputIssue {
  const path = Object.freeze(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  const base = { path, code: issue.code, message: issue.message };
  return Object.freeze(issue.code === 'unrecognized_keys' ? { ...base, keys: Object.freeze([...issue.keys]) } : base);
}

/** The input is not a well-formed proposed order. `issues` name each bad field by its path. */
export class InvalidOrderError extends Error {
  override name = 'InvalidOrderError';
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const list = issues.map(toInputIssue);
    const shown = list.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    if (list.length > ISSUES_IN_MESSAGE) shown.push(`and ${list.length - ISSUES_IN_MESSAGE} more`);
    super(`Invalid proposed order: ${shown.join('; ')}`);
    this.issues = Object.freeze(list);
  }
}
