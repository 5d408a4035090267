import type { z } from 'zod';
import { frozenPlainCopy, PlainDataError } from './freeze.js';

/** A structured, JSON-friendly description of one problem with the input. */
export interface InputIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  /** For `unrecognized_keys`: the keys refused, each a child of `path` (at most 100, none longer than 1,000 characters). */
  readonly keys?: readonly string[];
  /** For `unrecognized_keys`: how many more keys were refused than `keys` lists. */
  readonly keysNotListed?: number;
}

/** The message lists this many issues; `issues` keeps them all. */
const ISSUES_IN_MESSAGE = 20;
/** An unknown-keys issue keeps this many of the keys (`keysNotListed` counts the rest) and its message names fewer. */
const KEYS_IN_ISSUE = 100;
const KEYS_IN_MESSAGE = 10;
/** A key is data the caller sent, not ours to echo at any length: the message cuts it here... */
const KEY_LENGTH_SHOWN = 100;
/** ...and `keys` leaves out (and counts) a key longer than this. */
const KEY_LENGTH_KEPT = 1000;

/**
 * zod reports unknown keys as one issue on the object that holds them (so `{"__proto__": 1}` at the
 * root has the empty path); `keys` carries them, so a caller can point at each one.
 */
function toInputIssue(issue: z.core.$ZodIssue): InputIssue {
  const path = Object.freeze(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  if (issue.code !== 'unrecognized_keys') return Object.freeze({ path, code: issue.code, message: issue.message });
  // An object with two million unknown keys must not become a 75 MB error: name a few, count the rest.
  // `keys` holds only real keys, whole, so a caller can find each one; a key too long to repeat is counted instead.
  const keys = issue.keys.filter((k) => k.length <= KEY_LENGTH_KEPT).slice(0, KEYS_IN_ISSUE);
  const more = issue.keys.length - keys.length;
  const shown = issue.keys.slice(0, KEYS_IN_MESSAGE);
  const listed = shown.map((k) => JSON.stringify(k.length > KEY_LENGTH_SHOWN ? `${k.slice(0, KEY_LENGTH_SHOWN)}...` : k)).join(', ');
  const unlisted = issue.keys.length - shown.length;
  const message = `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${listed}${unlisted > 0 ? ` and ${unlisted} more` : ''}`;
  return Object.freeze({ path, code: issue.code, message, keys: Object.freeze(keys), ...(more > 0 ? { keysNotListed: more } : {}) });
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

/**
 * The order could not even be read: a getter threw, or a Proxy (revoked, or with traps that throw)
 * stood where data should be. Validation never runs the caller's code on purpose, but parsing reads
 * properties; what throws there is bad input, answered with the path of the first value that is not
 * plain data where one can be found.
 */
export function unreadableOrder(input: unknown, error: unknown): InvalidOrderError {
  let path: (string | number)[] = [];
  let problem: string | undefined;
  try {
    frozenPlainCopy(input, { maxEntries: Number.MAX_SAFE_INTEGER });
  } catch (found) {
    if (found instanceof PlainDataError) {
      path = [...found.path];
      problem = found.problem;
    }
  }
  let why: string;
  try {
    why = error instanceof Error ? error.message : 'it threw';
  } catch {
    why = 'it threw';
  }
  const message = `cannot be read as data (${problem ?? why})`;
  return new InvalidOrderError([{ code: 'custom', path, message, input: undefined } as unknown as z.core.$ZodIssue]);
}
