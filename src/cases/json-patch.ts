/**
 * RFC 6902 JSON Patch for case files: add, remove and replace are src/advice/json-patch.ts's (the
 * remedies' applier, reused as it is), and this adds `test`, which a case needs to state what it
 * assumes of its base ("this patch changes medium to low"), so a base that drifts fails loudly
 * instead of silently testing something else. A failing operation is named by its index.
 */
import { applyPatch as applyChange, JsonPatchError as ChangeError, parsePointer, pointer, type PatchOperation } from '../advice/json-patch.js';

export { parsePointer } from '../advice/json-patch.js';

export type JsonPatchOperation = PatchOperation | { readonly op: 'test'; readonly path: string; readonly value: unknown };

export class JsonPatchError extends Error {
  override name = 'JsonPatchError';
  constructor(
    /** The index of the failing operation in the patch. */
    readonly index: number,
    readonly problem: string,
  ) {
    super(`patch operation ${index}: ${problem}`);
  }
}

/** The pointer for a path of keys and indexes. */
export const toPointer = (path: readonly (string | number)[]): string => pointer(...path);

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => value !== null && typeof value === 'object';

/** JSON equality, as RFC 6902's `test` defines it: same type, same members, arrays in the same order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => jsonEqual(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function valueAt(document: unknown, path: string): unknown {
  let node = document;
  for (const token of parsePointer(path)) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (isContainer(node) && !Array.isArray(node) && Object.hasOwn(node, token)) node = node[token];
    else throw new Error(`nothing at "${path}"`);
  }
  return node;
}

/** Apply a patch; the document is never mutated (untouched branches are shared with it, changed ones copied). */
export function applyPatch<T>(document: T, patch: readonly JsonPatchOperation[]): T {
  let doc: unknown = document;
  patch.forEach((operation, index) => {
    try {
      if (operation.op === 'test') {
        if (!jsonEqual(valueAt(doc, operation.path), operation.value)) throw new Error(`the value at "${operation.path}" is not ${JSON.stringify(operation.value)}`);
        return;
      }
      // A copy of the value, so the patched input never shares an object with the case definition.
      const change: PatchOperation = operation.op === 'remove' ? operation : { ...operation, value: structuredClone(operation.value) };
      doc = applyChange(doc, [change]);
    } catch (error) {
      if (error instanceof ChangeError || error instanceof Error) throw new JsonPatchError(index, `${operation.op} ${operation.path}: ${error.message}`);
      throw error;
    }
  });
  return doc as T;
}
