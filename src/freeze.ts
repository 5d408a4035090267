/** Objects this module has frozen all the way down; shared structures (citations, packs) are walked once. */
const deeplyFrozen = new WeakSet<object>();

/**
 * Freeze a value all the way down, so no caller can change what another caller sees. An object
 * someone else froze only at the top is still walked: its children may be open.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || deeplyFrozen.has(value)) return value;
  deeplyFrozen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

/** Keys that reach an object's prototype machinery when data is assigned or merged: never accepted in data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any rule pack or parameter file needs, shallow enough that checking it cannot exhaust the stack. */
export const MAX_DATA_DEPTH = 32;

/** Where a value is not plain JSON data, and why. */
export class PlainDataError extends Error {
  override name = 'PlainDataError';
  constructor(
    readonly path: readonly (string | number)[],
    readonly problem: string,
  ) {
    super(`${path.length ? path.join('.') : '(root)'}: ${problem}`);
  }
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * A deep, frozen copy of JSON-like data (objects, arrays, strings, finite numbers, booleans, null).
 * Refuses what JSON cannot hold or what could reach a prototype: `__proto__`, `constructor` and
 * `prototype` keys, accessors, class instances, functions, symbols, cycles, and nesting past
 * MAX_DATA_DEPTH. A caller who keeps the original can change it afterwards without changing the copy.
 */
export function frozenPlainCopy(value: unknown, path: (string | number)[] = [], seen: Set<object> = new Set()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PlainDataError(path, `${value} is not a JSON number`);
    return value;
  }
  if (typeof value !== 'object') throw new PlainDataError(path, `a ${typeof value} is not JSON data`);
  if (path.length >= MAX_DATA_DEPTH) throw new PlainDataError(path, `nested deeper than ${MAX_DATA_DEPTH} levels`);
  if (seen.has(value)) throw new PlainDataError(path, 'refers back to itself');
  if (!Array.isArray(value) && !isPlainObject(value)) throw new PlainDataError(path, 'is not a plain object or array');
  seen.add(value);
  const keys = Reflect.ownKeys(value);
  if (Array.isArray(value) && keys.length !== value.length + 1) throw new PlainDataError(path, 'is a sparse array or has extra properties');
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of keys) {
    if (typeof key === 'symbol') throw new PlainDataError(path, 'has a symbol key');
    if (Array.isArray(value) && key === 'length') continue;
    if (Array.isArray(value) && !/^(0|[1-9]\d*)$/.test(key)) throw new PlainDataError(path, `an array with a "${key}" property is not JSON data`);
    const step = Array.isArray(value) ? Number(key) : key;
    if (FORBIDDEN_KEYS.has(key)) throw new PlainDataError([...path, key], `the key "${key}" is refused: it could reach an object's prototype`);
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in descriptor)) throw new PlainDataError([...path, step], 'is an accessor, not data');
    // defineProperty, not assignment: the copy never runs a setter, whatever the key.
    Object.defineProperty(out, key, { value: frozenPlainCopy(descriptor.value, [...path, step], seen), enumerable: true, writable: true, configurable: true });
  }
  seen.delete(value);
  deeplyFrozen.add(out);
  return Object.freeze(out);
}
