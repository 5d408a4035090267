import type { z } from 'zod';

/** A structured, JSON-friendly description of one problem with the input. */
export interface InputIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

/** The input is not a well-formed proposed order. `issues` name each bad field by its path. */
export class InvalidOrderError extends Error {
  override name = 'InvalidOrderError';
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const list = issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: i.code, message: i.message }));
    super(`Invalid proposed order: ${list.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.issues = Object.freeze(list.map((i) => Object.freeze({ ...i, path: Object.freeze(i.path) })));
  }
}
