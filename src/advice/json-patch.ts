/**
 * RFC 6902 JSON Patch, limited to the three operations a remedy needs (add, remove, replace),
 * with RFC 6901 pointers. Applying never mutates the document: the changed path is copied.
 */
export type PatchOperation =
  | { readonly op: 'add'; readonly path: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

export type JsonPatch = readonly PatchOperation[];

export class JsonPatchError extends Error {
  override name = 'JsonPatchError';
}

/** RFC 6901: `~` is written `~0` and `/` is written `~1`. */
export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

export const pointer = (...tokens: readonly (string | number)[]): string => tokens.map((t) => `/${escapeToken(t)}`).join('');

export function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`"${path}" is not a JSON Pointer: it must start with /`);
  return path
    .slice(1)
    .split('/')
    .map((t) => {
      if (/~[^01]|~$/.test(t)) throw new JsonPatchError(`"${path}" has a bad escape`);
      return t.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function arrayIndex(token: string, length: number, forAdd: boolean, path: string): number {
  if (forAdd && token === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new JsonPatchError(`"${path}": "${token}" is not an array index`);
  const i = Number(token);
  if (i > length || (!forAdd && i === length)) throw new JsonPatchError(`"${path}": index ${i} is out of range`);
  return i;
}

/** Whether `path` names an existing member of `doc`. */
export function hasPath(doc: unknown, path: string): boolean {
  let here: unknown = doc;
  for (const token of parsePointer(path)) {
    if (Array.isArray(here)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= here.length) return false;
      here = here[Number(token)];
    } else if (isObject(here) && Object.hasOwn(here, token)) here = here[token];
    else return false;
  }
  return true;
}

/** One operation on `doc`, returning a new document that shares every untouched branch. */
function applyOne(doc: unknown, op: PatchOperation): unknown {
  const tokens = parsePointer(op.path);
  if (tokens.length === 0) {
    if (op.op === 'remove') throw new JsonPatchError('cannot remove the whole document');
    return op.value;
  }
  const step = (node: unknown, depth: number): unknown => {
    const token = tokens[depth]!;
    const last = depth === tokens.length - 1;
    if (Array.isArray(node)) {
      const i = arrayIndex(token, node.length, last && op.op === 'add', op.path);
      const copy = node.slice();
      if (!last) copy[i] = step(node[i], depth + 1);
      else if (op.op === 'add') copy.splice(i, 0, op.value);
      else if (op.op === 'remove') copy.splice(i, 1);
      else copy[i] = op.value;
      return copy;
    }
    if (!isObject(node)) throw new JsonPatchError(`"${op.path}": no object or array at /${tokens.slice(0, depth).join('/')}`);
    const present = Object.hasOwn(node, token);
    if (!last) {
      if (!present) throw new JsonPatchError(`"${op.path}": no member "${token}"`);
      return { ...node, [token]: step(node[token], depth + 1) };
    }
    if (op.op !== 'add' && !present) throw new JsonPatchError(`"${op.path}": no member "${token}" to ${op.op}`);
    if (op.op === 'remove') {
      const { [token]: _gone, ...rest } = node;
      return rest;
    }
    return { ...node, [token]: op.value };
  };
  return step(doc, 0);
}

/** Apply a patch in order; a failing operation throws and nothing is returned (RFC 6902 section 5). */
export function applyPatch<T = unknown>(doc: unknown, patch: JsonPatch): T {
  let out = doc;
  for (const op of patch) out = applyOne(out, op);
  return out as T;
}

/** `add` where the member is absent, `replace` where it is there: the patch applies to the input as given. */
export const setOp = (doc: unknown, path: string, value: unknown): PatchOperation =>
  hasPath(doc, path) ? { op: 'replace', path, value } : { op: 'add', path, value };
