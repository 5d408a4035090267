import { z } from 'zod';
import { ProposedOrderSchema, type ProposedOrder } from './order.js';

/**
 * A faster accept path for valid input, generated at load from the zod schema itself: it answers
 * "valid, and here is zod's output" or "not sure", never "invalid". When it is not sure (a bad
 * value, a construct it does not model, a value that throws when read), zod parses as before, so
 * zod stays the source of truth and words every refusal. test/hardening/fast-accept.test.ts holds
 * it to zod over generated, mutated and arbitrary inputs.
 *
 * Zod's own semantics it mirrors (zod 4.6, core/schemas.js): an object's output has the shape's
 * keys in shape order, an optional key only when present; a strict object refuses any enumerable
 * key (own or inherited) outside its shape; checks run on the output; refinements are zod's own
 * check functions, called as zod calls them.
 */

const NOT_SURE: unique symbol = Symbol('not sure');
type Accept = (input: unknown) => unknown;

/** The parts of zod's internals read here: `_zod.def` and what zod derives from it. */
interface ZodNode {
  readonly _zod: {
    readonly def: ZodDef;
    readonly values?: ReadonlySet<unknown>;
    readonly optin?: string;
    readonly optout?: string;
    readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>>;
  };
}
interface ZodDef {
  readonly type: string;
  readonly checks?: readonly ZodCheck[];
  readonly coerce?: boolean;
  readonly shape?: Readonly<Record<string, ZodNode>>;
  readonly catchall?: ZodNode;
  readonly element?: ZodNode;
  readonly innerType?: ZodNode;
  readonly options?: readonly ZodNode[];
  readonly discriminator?: string;
  readonly unionFallback?: boolean;
}
interface ZodCheck {
  readonly _zod: {
    readonly def: { readonly check: string; readonly [key: string]: unknown };
    readonly check: (payload: { value: unknown; issues: unknown[] }) => unknown;
  };
}

/** A node the path does not model: every input is left to zod. */
const leaveToZod: Accept = () => NOT_SURE;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One check as a predicate on the output; undefined for a kind not modelled. */
function checkOf(check: ZodCheck): ((value: never) => boolean) | undefined {
  const def = check._zod.def;
  switch (def.check) {
    case 'min_length':
      return typeof def.minimum === 'number' ? (v: { length: number }) => v.length >= (def.minimum as number) : undefined;
    case 'max_length':
      return typeof def.maximum === 'number' ? (v: { length: number }) => v.length <= (def.maximum as number) : undefined;
    case 'greater_than': {
      const bound = def.value;
      if (typeof bound !== 'number') return undefined;
      return def.inclusive ? (v: number) => v >= bound : (v: number) => v > bound;
    }
    case 'less_than': {
      const bound = def.value;
      if (typeof bound !== 'number') return undefined;
      return def.inclusive ? (v: number) => v <= bound : (v: number) => v < bound;
    }
    case 'number_format':
      return def.format === 'safeint' ? (v: number) => Number.isSafeInteger(v) : undefined;
    case 'custom':
      return refinement(check);
    default:
      return undefined;
  }
}

/**
 * A refinement is zod's own check function, run on a payload of its own exactly as zod runs it:
 * valid only if it reports nothing. An order runs a dozen refinements, so one payload per
 * refinement is reused while it comes back clean. A payload that got an issue, a promise or an
 * exception, or that is still in use (a refinement that validates through this path again), is
 * not reused: the check gets a fresh one.
 */
function refinement(check: ZodCheck): (value: unknown) => boolean {
  let spare: { value: unknown; issues: unknown[] } | undefined;
  return (value) => {
    let payload = spare;
    spare = undefined;
    if (payload === undefined) payload = { value, issues: [] };
    else payload.value = value;
    const answer = check._zod.check(payload);
    const clean = payload.issues.length === 0 && !(answer instanceof Promise);
    if (clean) {
      // Let go of the input: the accepter outlives the order.
      payload.value = undefined;
      spare = payload;
    }
    return clean;
  };
}

/** The node's checks, run on its output after the node itself has accepted. Running a check zod would skip only makes the path less sure, never wrong. */
function withChecks(node: ZodNode, accept: Accept): Accept {
  const checks = node._zod.def.checks ?? [];
  if (checks.length === 0) return accept;
  const predicates = checks.map(checkOf);
  if (predicates.some((p) => p === undefined)) return leaveToZod;
  const all = predicates as ((value: unknown) => boolean)[];
  return (input) => {
    const out = accept(input);
    if (out === NOT_SURE) return NOT_SURE;
    for (let i = 0; i < all.length; i++) if (!all[i]!(out)) return NOT_SURE;
    return out;
  };
}

function objectAccept(def: ZodDef, build: Build): Accept {
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return leaveToZod;
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return leaveToZod;
  // No catchall strips unknown keys; `never` (a strict object) refuses them; anything else passes them on, not modelled.
  const strict = def.catchall !== undefined;
  if (strict && def.catchall!._zod.def.type !== 'never') return leaveToZod;
  const known = new Set(keys);
  const fields = keys.map((key) => {
    const field = shape[key]!;
    const { optin, optout } = field._zod;
    const optional = optin === 'optional' && optout === 'optional';
    // A defaulted or otherwise half-optional field substitutes values for absence: not modelled.
    if (!optional && optin !== undefined) return undefined;
    return { key, optional, accept: accepter(field, build), test: inlineTest(field) };
  });
  if (fields.some((f) => f === undefined)) return leaveToZod;
  const plan = fields as Field[];
  const generated = build.generate ? generatedObject(plan, strict ? known : undefined) : undefined;
  // Refused once (a Content-Security-Policy), refused every time: do not ask again for each object.
  if (!generated) build.generate = false;
  return generated ?? interpretedObject(plan, strict ? known : undefined);
}

interface Field {
  readonly key: string;
  readonly optional: boolean;
  readonly accept: Accept;
  readonly test: InlineTest | undefined;
}

/** A leaf's test written as a JS expression on `v`: the leaf's output is its input, so a test is all it needs. `ref` names a value the code closes over. */
type InlineTest = (v: string, ref: (value: unknown) => string) => string;

const literal = (n: unknown): string | undefined => (typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined);

/** One check as an expression, for the kinds checkOf reads; a refinement is called, as checkOf calls it. */
function inlineCheck(check: ZodCheck, v: string, ref: (value: unknown) => string): string | undefined {
  const def = check._zod.def;
  const n = literal(def.check === 'min_length' ? def.minimum : def.check === 'max_length' ? def.maximum : def.value);
  switch (def.check) {
    case 'min_length':
      return n && `${v}.length >= ${n}`;
    case 'max_length':
      return n && `${v}.length <= ${n}`;
    case 'greater_than':
      return n && `${v} ${def.inclusive ? '>=' : '>'} ${n}`;
    case 'less_than':
      return n && `${v} ${def.inclusive ? '<=' : '<'} ${n}`;
    case 'number_format':
      return def.format === 'safeint' ? `Number.isSafeInteger(${v})` : undefined;
    case 'custom':
      return `${ref(refinement(check))}(${v})`;
    default:
      return undefined;
  }
}

/** The same test as accepter(node), for a leaf simple enough to write into its object's code; undefined otherwise. */
function inlineTest(node: ZodNode): InlineTest | undefined {
  const def = node._zod.def;
  const checks = def.checks ?? [];
  let own: InlineTest | undefined;
  switch (def.type) {
    case 'string':
      own = def.coerce ? undefined : (v) => `typeof ${v} === "string"`;
      break;
    case 'number':
      own = def.coerce ? undefined : (v) => `typeof ${v} === "number" && Number.isFinite(${v})`;
      break;
    case 'boolean':
      own = def.coerce ? undefined : (v) => `typeof ${v} === "boolean"`;
      break;
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      own = values && ((v, ref) => `${ref(values)}.has(${v})`);
      break;
    }
    case 'optional': {
      const inner = def.innerType!;
      const test = inner._zod.optin === undefined ? inlineTest(inner) : undefined;
      own = test && ((v, ref) => `(${v} === undefined || (${test(v, ref)}))`);
      break;
    }
  }
  if (!own || checks.some((check) => inlineCheck(check, 'v', () => 'f') === undefined)) return undefined;
  const base = own;
  return (v, ref) => [base(v, ref), ...checks.map((check) => inlineCheck(check, v, ref)!)].join(' && ');
}

/**
 * The object's accepter as code with its keys written in, as zod's own JIT does: one shared loop
 * over keys reads every object through the same megamorphic property accesses and cost three
 * times as much. Undefined where code cannot be generated (a Content-Security-Policy without
 * 'unsafe-eval'); the interpreted form then does the same work.
 */
function generatedObject(plan: readonly Field[], known: ReadonlySet<string> | undefined): Accept | undefined {
  const lines = [
    'return function acceptObject(input) {',
    'if (typeof input !== "object" || input === null || Array.isArray(input)) return NOT_SURE;',
    known ? 'for (const key in input) if (!known.has(key)) return NOT_SURE;' : '',
    'const out = {};',
    'let value;',
  ];
  const refs: unknown[] = [];
  const ref = (value: unknown) => `refs[${refs.push(value) - 1}]`;
  plan.forEach(({ key, optional, test }, i) => {
    const k = JSON.stringify(key);
    lines.push(
      `value = input[${k}];`,
      optional ? `if (${k} in input) {` : `if (!(${k} in input)) return NOT_SURE; {`,
      test ? `if (!(${test('value', ref)})) return NOT_SURE;` : `value = accepts[${i}](value); if (value === NOT_SURE) return NOT_SURE;`,
      `out[${k}] = value; }`,
    );
  });
  lines.push('return out;', '};');
  try {
    return new Function('NOT_SURE', 'known', 'accepts', 'refs', lines.join('\n'))(NOT_SURE, known, plan.map((f) => f.accept), refs) as Accept;
  } catch {
    return undefined;
  }
}

function interpretedObject(plan: readonly Field[], known: ReadonlySet<string> | undefined): Accept {
  return (input) => {
    if (!isObject(input)) return NOT_SURE;
    if (known) for (const key in input) if (!known.has(key)) return NOT_SURE;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < plan.length; i++) {
      const { key, optional, accept } = plan[i]!;
      const value = input[key];
      // Presence is `in`, as zod reads it: an own or inherited key, whatever its value.
      if (!(key in input)) {
        if (optional) continue;
        return NOT_SURE;
      }
      const parsed = accept(value);
      if (parsed === NOT_SURE) return NOT_SURE;
      out[key] = parsed;
    }
    return out;
  };
}

function arrayAccept(def: ZodDef, build: Build): Accept {
  const element = accepter(def.element!, build);
  // A list over its limit is left to zod before a single element is read, as zod refuses it: a hostile
  // five-million-entry list must cost no more than it did (test/hardening/input-limits.test.ts).
  const bounds = (def.checks ?? []).map((check) => check._zod.def);
  const most = Math.min(...bounds.map((b) => (b.check === 'max_length' && typeof b.maximum === 'number' ? b.maximum : Infinity)));
  const least = Math.max(...bounds.map((b) => (b.check === 'min_length' && typeof b.minimum === 'number' ? b.minimum : 0)));
  return (input) => {
    if (!Array.isArray(input) || input.length > most || input.length < least) return NOT_SURE;
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const parsed = element(input[i]);
      if (parsed === NOT_SURE) return NOT_SURE;
      out[i] = parsed;
    }
    return out;
  };
}

/** A discriminated union: the option its discriminator names, as zod picks it; an ambiguous value is left to zod. */
function discriminatedAccept(def: ZodDef, build: Build): Accept {
  if (def.unionFallback) return leaveToZod;
  const discriminator = def.discriminator!;
  const byValue = new Map<unknown, Accept | null>();
  for (const option of def.options ?? []) {
    const values = option._zod.propValues?.[discriminator];
    if (!values) return leaveToZod;
    const accept = accepter(option, build);
    for (const value of values) byValue.set(value, byValue.has(value) || value === undefined ? null : accept);
  }
  return (input) => {
    if (!isObject(input)) return NOT_SURE;
    const option = byValue.get(input[discriminator]);
    return option ? option(input) : NOT_SURE;
  };
}

function ownAccept(node: ZodNode, build: Build): Accept {
  const def = node._zod.def;
  switch (def.type) {
    case 'string':
      return def.coerce ? leaveToZod : (v) => (typeof v === 'string' ? v : NOT_SURE);
    case 'number':
      return def.coerce ? leaveToZod : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NOT_SURE);
    case 'boolean':
      return def.coerce ? leaveToZod : (v) => (typeof v === 'boolean' ? v : NOT_SURE);
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      return values ? (v) => (values.has(v) ? v : NOT_SURE) : leaveToZod;
    }
    case 'optional': {
      const inner = def.innerType!;
      if (inner._zod.optin !== undefined) return leaveToZod;
      const accept = accepter(inner, build);
      return (v) => (v === undefined ? undefined : accept(v));
    }
    case 'object':
      return objectAccept(def, build);
    case 'array':
      return arrayAccept(def, build);
    case 'union':
      return def.discriminator === undefined ? leaveToZod : discriminatedAccept(def, build);
    default:
      return leaveToZod;
  }
}

interface Build {
  /** Shared sub-schemas (a date, a piece of text) get one accepter. */
  readonly built: Map<ZodNode, Accept>;
  /** Whether objects get generated code (see generatedObject) or the interpreted form. */
  generate: boolean;
}

function accepter(node: ZodNode, build: Build): Accept {
  let accept = build.built.get(node);
  if (!accept) {
    accept = withChecks(node, ownAccept(node, build));
    build.built.set(node, accept);
  }
  return accept;
}

export interface FastAccepterOptions {
  /**
   * false: no generated code, as under a Content-Security-Policy without 'unsafe-eval' (the same
   * answers, slower). By default, code unless zod itself was told not to (`z.config({ jitless: true })`).
   */
  readonly generateCode?: boolean;
}

/** The accept path for a zod schema: the parsed value when the input is certainly valid, otherwise undefined. */
export function fastAccepter<T>(schema: z.ZodType<T>, options: FastAccepterOptions = {}): (input: unknown) => { readonly success: true; readonly data: T } | undefined {
  const accept = accepter(schema as unknown as ZodNode, { built: new Map(), generate: options.generateCode ?? z.config().jitless !== true });
  return (input) => {
    let out: unknown;
    try {
      out = accept(input);
    } catch {
      // A getter or a Proxy that throws is zod's to report, as before.
      return undefined;
    }
    return out === NOT_SURE ? undefined : { success: true, data: out as T };
  };
}

let orderAccepter: ReturnType<typeof fastAccepter<ProposedOrder>> | undefined;

/**
 * `ProposedOrderSchema.safeParse` for an input the accept path is sure of; undefined means "ask zod".
 * Built on first use, so that a `z.config({ jitless: true })` made after import still counts.
 */
export function acceptOrder(input: unknown): { readonly success: true; readonly data: ProposedOrder } | undefined {
  orderAccepter ??= fastAccepter(ProposedOrderSchema);
  return orderAccepter(input);
}
