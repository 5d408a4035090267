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

/** More entries than this in one object or array is refused unless the caller asks for another bound. */
export const MAX_DATA_ENTRIES = 10_000;

export interface PlainCopyLimits {
  /** Most keys of one object or items of one array; checked before any of them is read, so a huge one costs nothing. */
  readonly maxEntries?: number;
}

const reason = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'it threw';
  }
};

/**
 * A deep, frozen copy of JSON-like data (objects, arrays, strings, finite numbers, booleans, null).
 * Refuses what JSON cannot hold or what could reach a prototype: `__proto__`, `constructor` and
 * `prototype` keys, accessors, class instances, functions, symbols, cycles, nesting past
 * MAX_DATA_DEPTH and objects or arrays with more than `maxEntries` entries. A Proxy whose traps
 * throw (a revoked one among them) is refused like any other unreadable value, with its path. A
 * caller who keeps the original can change it afterwards without changing the copy.
 */
export function frozenPlainCopy(value: unknown, limits: PlainCopyLimits = {}): unknown {
  return copyAt(value, [], new Set(), limits.maxEntries ?? MAX_DATA_ENTRIES);
}

function copyAt(value: unknown, path: (string | number)[], seen: Set<object>, maxEntries: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PlainDataError(path, `${value} is not a JSON number`);
    return value;
  }
  if (typeof value !== 'object') throw new PlainDataError(path, `a ${typeof value} is not JSON data`);
  if (path.length >= MAX_DATA_DEPTH) throw new PlainDataError(path, `nested deeper than ${MAX_DATA_DEPTH} levels`);
  if (seen.has(value)) throw new PlainDataError(path, 'refers back to itself');
  // Every reflective step can run a Proxy trap: what throws there is the caller's value being unreadable.
  let isArray: boolean;
  let keys: (string | symbol)[];
  let sparse = false;
  try {
    isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) throw new PlainDataError(path, 'is not a plain object or array');
    const length = isArray ? (value as unknown[]).length : 0;
    if (length > maxEntries) throw new PlainDataError(path, `has ${length} items, more than the ${maxEntries} allowed`);
    keys = Reflect.ownKeys(value);
    sparse = isArray && keys.length !== (value as unknown[]).length + 1;
  } catch (error) {
    if (error instanceof PlainDataError) throw error;
    throw new PlainDataError(path, `cannot be read: ${reason(error)}`);
  }
  const entries = isArray ? keys.length - 1 : keys.length;
  if (entries > maxEntries) throw new PlainDataError(path, `has ${entries} ${isArray ? 'items' : 'keys'}, more than the ${maxEntries} allowed`);
  seen.add(value);
  if (sparse) throw new PlainDataError(path, 'is a sparse array or has extra properties');
  const out: Record<string, unknown> | unknown[] = isArray ? [] : {};
  for (const key of keys) {
    if (typeof key === 'symbol') throw new PlainDataError(path, 'has a symbol key');
    if (isArray && key === 'length') continue;
    if (isArray && !/^(0|[1-9]\d*)$/.test(key)) throw new PlainDataError(path, `an array with a "${key}" property is not JSON data`);
    const step = isArray ? Number(key) : key;
    if (FORBIDDEN_KEYS.has(key)) throw new PlainDataError([...path, key], `the key "${key}" is refused: it could reach an object's prototype`);
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(value, key);
    } catch (error) {
      throw new PlainDataError([...path, step], `cannot be read: ${reason(error)}`);
    }
    if (descriptor === undefined) throw new PlainDataError([...path, step], 'vanished while it was read');
    if (!('value' in descriptor)) throw new PlainDataError([...path, step], 'is an accessor, not data');
    // defineProperty, not assignment: the copy never runs a setter, whatever the key.
    Object.defineProperty(out, key, { value: copyAt(descriptor.value, [...path, step], seen, maxEntries), enumerable: true, writable: true, configurable: true });
  }
  seen.delete(value);
  deeplyFrozen.add(out);
  return Object.freeze(out);
}

/** A caller's value as a message can show it, whatever it is: never runs its toString, never throws. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined) return String(value);
  if (value === null) return 'null';
  if (typeof value === 'object') {
    try {
      return Array.isArray(value) ? 'a list' : 'an object';
    } catch {
      return 'an unreadable object';
    }
  }
  return `a ${typeof value}`;
}

/**
 * An options object's own data properties, read once into a plain object. `null`, a list, a
 * string or a class instance is refused, and so is an accessor (a getter could answer differently on each read) or a
 * Proxy whose traps throw, each with a TypeError naming the option. Values are not copied here:
 * each option's own check copies what it keeps.
 */
export function ownDataOptions(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) return {};
  let keys: (string | symbol)[];
  try {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`${what} must be an object, not ${shownValue(value)}`);
    // Options inherited from a prototype (a class's getters) would be read here and nowhere else: refused, not ignored.
    if (!isPlainObject(value)) throw new TypeError(`${what} must be a plain object (an object literal), not a class instance`);
    keys = Reflect.ownKeys(value);
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith(what)) throw error;
    throw new TypeError(`${what} cannot be read: ${reason(error)}`);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (typeof key === 'symbol') continue;
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(value, key);
    } catch (error) {
      throw new TypeError(`${what}.${key} cannot be read: ${reason(error)}`);
    }
    if (descriptor === undefined) continue;
    if (!('value' in descriptor)) throw new TypeError(`${what}.${key} is an accessor (a getter), not a value: pass plain data`);
    if (FORBIDDEN_KEYS.has(key)) continue;
    out[key] = descriptor.value;
  }
  return out;
}
