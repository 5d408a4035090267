import { KNOWN_FACTS, ORDER_FACTS } from '../facts/catalog.js';
import { deepFreeze, frozenPlainCopy, PlainDataError } from '../freeze.js';
import { familyOf, ParameterError, type ParameterTable } from '../law/parameters.js';
import { REGIME_IDS } from '../law/regimes.js';
import { OPERATORS, PACK_LIMITS, PackDefinition, type Condition, type FindingKind, type PackDefinition as Pack } from './pack.js';
import { PACK_FILES } from './bundled.generated.js';

/** A rule pack as shipped or passed in: its file name travels with it so every refusal can name it. */
export interface PackSource {
  readonly file: string;
  readonly data: unknown;
}

export interface LoadedPack extends Pack {
  readonly file: string;
}

/** A rule pack that cannot be loaded. The message names the file and, where it can, the rule. */
export class RulePackError extends Error {
  override name = 'RulePackError';
  constructor(
    readonly file: string,
    readonly rule: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}${rule ? ` rule "${rule}"` : ''}: ${problem}`);
  }
}

/** The packs shipped with the library, by identity: a caller's pack is never one of them, whatever it calls its file. */
const BUNDLED_SOURCES: ReadonlySet<unknown> = new Set(PACK_FILES);
const BUNDLED_FILES: ReadonlySet<string> = new Set(PACK_FILES.map((p) => p.file));

/** Most packs a caller may add in one validator. */
export const MAX_CALLER_PACKS = 100;

const describeValue = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/** An own data property, read without running a getter or trusting a Proxy; undefined where there is none. */
function ownData(value: unknown, key: string | number): { value: unknown } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  if (d === undefined) return undefined;
  if (!('value' in d)) throw new TypeError(`${key} is an accessor (a getter), not data`);
  return { value: d.value };
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : 'it threw');

/** How a caller's pack is named in errors: its own file name when it gives one, else its own id, else its place in options.rules. */
function callerLabel(data: unknown, index: number): string {
  try {
    const id = ownData(data, 'id')?.value;
    if (typeof id === 'string' && id.length <= 200 && /^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(id)) return `pack ${id}`;
  } catch {
    // An unreadable id names nothing; the pack's own check will say why.
  }
  return `options.rules[${index}]`;
}

/**
 * A caller's `rules` option as pack sources: each entry a pack, or `{ file, data }`. Only the list
 * and the wrappers are read here, as data (a getter or a Proxy whose traps throw is refused with a
 * RulePackError naming the entry); each pack is copied and checked by loadPacks, which names it.
 */
export function callerPackSources(rules: unknown): PackSource[] {
  if (rules === undefined) return [];
  const entries: unknown[] = [];
  try {
    if (!Array.isArray(rules)) throw new RulePackError('options.rules', undefined, `must be a list of rule packs, not ${describeValue(rules)}`);
    const length = ownData(rules, 'length')?.value;
    if (typeof length !== 'number' || length > MAX_CALLER_PACKS) throw new RulePackError('options.rules', undefined, `holds ${String(length)} packs, more than the ${MAX_CALLER_PACKS} allowed`);
    for (let i = 0; i < length; i++) entries.push(ownData(rules, i)?.value);
  } catch (error) {
    if (error instanceof RulePackError) throw error;
    throw new RulePackError('options.rules', undefined, `cannot be read: ${reasonOf(error)}`);
  }
  return entries.map((entry, index): PackSource => {
    let file: unknown;
    let data: unknown = entry;
    try {
      const givenFile = ownData(entry, 'file');
      const givenData = ownData(entry, 'data');
      if (givenFile && givenData) {
        file = givenFile.value;
        data = givenData.value;
      }
    } catch (error) {
      throw new RulePackError(`options.rules[${index}]`, undefined, `cannot be read: ${reasonOf(error)}`);
    }
    const label = typeof file === 'string' && file.length > 0 && file.length <= 500 ? file : callerLabel(data, index);
    if (BUNDLED_FILES.has(label))
      throw new RulePackError(callerLabel(data, index), undefined, `is passed under the file name of a bundled pack (${label}); a caller's pack needs a name of its own`);
    return { file: label, data };
  });
}

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value']);
const BOOLEAN_KEYS = ['all', 'any', 'not', 'condition'] as const;
const PLACEHOLDER = /\{([A-Za-z0-9.-]+)\}/g;

/**
 * Names the `param.*` facts a table offers: each parameter, and each family picked for the case
 * (band-indexed `x.low` ... `x.custody`, tier-indexed `omTier.x.1` ... `omTier.x.4`), exactly the
 * families the order facts fill in.
 */
export function parameterFactNames(table: ParameterTable): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(table)) {
    names.add(`param.${name}`);
    const family = familyOf(name);
    if (family) names.add(`param.${family.family}`);
  }
  return names;
}

const withArticle = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

const isOrderFact = (name: string): boolean => Object.hasOwn(ORDER_FACTS, name);

/**
 * Parse and check rule packs. Everything a rule can get wrong is refused here, before any order
 * is seen: data that is not plain JSON (a `__proto__`, `constructor` or `prototype` key, an
 * accessor, nesting past MAX_DATA_DEPTH), unknown facts, operators or parameters, JSONPath
 * (`path`) lookups, dynamic fact parameters, conditions that reference nothing or each other in a
 * cycle, codes reused across packs or kinds, messages naming facts they do not report, and
 * citations missing for a regime, a caller's pack defining a code a bundled pack defines (whatever
 * it calls its file), and a pack past PACK_LIMITS (rules, named conditions, citations, widths,
 * `in` lists, and the size and depth of its conditions with named conditions written out, measured
 * without writing them out). Each pack is copied and frozen first, so what was checked is what
 * runs: the caller's object can change afterwards without changing the rules.
 */
export function loadPacks(sources: readonly PackSource[], parameters: ParameterTable): readonly LoadedPack[] {
  const paramFacts = parameterFactNames(parameters);
  const nullable = nullableParameterFacts(parameters);
  const codeHome = new Map<string, { file: string; kind: FindingKind; source: number; bundled: boolean }>();
  const ruleNames = new Map<string, string>();
  const packIds = new Map<string, string>();
  const loaded = sources.map((source, index): LoadedPack => {
    const bundled = BUNDLED_SOURCES.has(source);
    const file = typeof source?.file === 'string' && source.file.length > 0 ? source.file : callerLabel(source?.data, index);
    let data: unknown;
    try {
      data = frozenPlainCopy(source?.data);
    } catch (error) {
      if (!(error instanceof PlainDataError)) throw error;
      const ruleName = error.path[0] === 'rules' && typeof error.path[1] === 'number' ? ruleNameAt(source?.data, error.path[1]) : undefined;
      throw new RulePackError(file, ruleName, error.message);
    }
    const parsed = PackDefinition.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const ruleIndex = issue.path[0] === 'rules' ? Number(issue.path[1]) : undefined;
      const ruleName = ruleIndex !== undefined ? ruleNameAt(data, ruleIndex) : undefined;
      throw new RulePackError(file, ruleName, `${issue.path.join('.') || '(pack)'}: ${issue.message}`);
    }
    const pack = parsed.data as unknown as Pack;
    if (packIds.has(pack.id)) throw new RulePackError(file, undefined, `pack id "${pack.id}" is also used by ${packIds.get(pack.id)}`);
    packIds.set(pack.id, file);

    const isKnownFact = (name: string): boolean =>
      name.startsWith('param.') ? paramFacts.has(name) : pack.scope === 'requirement' ? KNOWN_FACTS.has(name) : isOrderFact(name);
    const shared = pack.conditions ?? {};
    const names = Object.keys(shared);
    if (names.length > PACK_LIMITS.namedConditions) throw new RulePackError(file, undefined, `has ${names.length} named conditions, more than the ${PACK_LIMITS.namedConditions} allowed`);
    for (const [name, condition] of Object.entries(shared)) checkCondition(condition, file, `condition ${name}`, isKnownFact, shared);
    // Sizes first: every later walk (null guards, the evaluators, factsReadBy) follows references, so
    // it is bounded only once the expanded size is.
    const extentOf = conditionExtents(shared, file);
    let packSize = 0;
    for (const name of names) extentOf({ condition: name });

    for (const rule of pack.rules) {
      const where = ruleNames.get(rule.name);
      if (where) throw new RulePackError(file, rule.name, `rule name is also used in ${where}`);
      ruleNames.set(rule.name, file);
      checkCondition(rule.conditions, file, rule.name, isKnownFact, shared, true);
      const extent = extentOf(rule.conditions);
      checkExtent(extent, (problem) => {
        throw new RulePackError(file, rule.name, problem);
      });
      packSize += extent.size;
      if (packSize > PACK_LIMITS.packExpandedSize)
        throw new RulePackError(file, rule.name, `the pack's conditions expand to more than ${PACK_LIMITS.packExpandedSize} with named conditions written out (by this rule: ${packSize})`);
      checkNullGuards(rule.conditions, shared, nullable, (problem, ref) => {
        // The bundled packs pass with the bundled parameters: here a caller's override made the parameter null.
        if (bundled)
          throw new ParameterError(
            `Parameter overrides make ${ref.slice('param.'.length)} null on some dates, but the bundled rule "${rule.name}" (${file}) compares it without a guard (x ${'<'} null is true for JavaScript): give it a value on every date`,
            ref.slice('param.'.length),
          );
        throw new RulePackError(file, rule.name, problem);
      });

      const { type: code, params } = rule.event;
      const home = codeHome.get(code);
      if (home && home.source !== index)
        throw new RulePackError(file, rule.name, `code ${code} is already defined in ${home.bundled && !bundled ? 'the bundled pack ' : ''}${home.file}; a code belongs to one pack`);
      if (home && home.kind !== params.kind) throw new RulePackError(file, rule.name, `code ${code} is ${withArticle(home.kind)} elsewhere in this pack, not ${withArticle(params.kind)}`);
      codeHome.set(code, { file, kind: params.kind, source: index, bundled });
      if (params.kind === 'invalid' && pack.scope !== 'requirement')
        throw new RulePackError(file, rule.name, 'an invalid finding is about one requirement, so it belongs in a requirement-scoped pack');
      for (const fact of params.facts) if (!isKnownFact(fact)) throw new RulePackError(file, rule.name, `event reports unknown fact "${fact}"`);
      for (const [, fact] of params.message.matchAll(PLACEHOLDER)) {
        if (!params.facts.includes(fact!)) throw new RulePackError(file, rule.name, `message names {${fact}} but the event's facts do not list it`);
      }
      for (const regime of REGIME_IDS) {
        if (!params.citations.some((c) => !c.regimes || c.regimes.includes(regime)))
          throw new RulePackError(file, rule.name, `no citation applies under the ${regime} regime`);
      }
    }
    return deepFreeze({ ...pack, file });
  });
  return deepFreeze(loaded);
}

/** How big a condition is with its named conditions written out, and how deep. */
interface Extent {
  readonly size: number;
  readonly depth: number;
}

function checkExtent(extent: Extent, fail: (problem: string) => never): void {
  if (extent.size > PACK_LIMITS.expandedSize)
    fail(`conditions expand to ${extent.size} conditions with named conditions written out, more than the ${PACK_LIMITS.expandedSize} allowed`);
  if (extent.depth > PACK_LIMITS.expandedDepth) fail(`conditions nest ${extent.depth} deep with named conditions written out, more than the ${PACK_LIMITS.expandedDepth} allowed`);
}

/**
 * Measures conditions as the evaluators see them, with each reference replaced by what it names,
 * without writing anything out: each named condition is measured once and its extent reused, so
 * `c1 -> all[c2, c2] -> ...` costs one step per name, not 2^n. A named condition too big or too
 * deep is refused as soon as it is measured, so the numbers never grow past the bounds; a
 * reference back into the trail is a cycle. Recursion follows at most PACK_LIMITS.expandedDepth
 * references, so a chain of any length is refused, not a stack overflow.
 */
function conditionExtents(shared: Readonly<Record<string, Condition>>, file: string): (node: Condition) => Extent {
  const measured = new Map<string, Extent>();
  const trail: string[] = [];
  const named = (name: string): Extent => {
    const known = measured.get(name);
    if (known) return known;
    const at = trail.indexOf(name);
    if (at >= 0) throw new RulePackError(file, `condition ${trail[at]}`, `named conditions refer to each other in a cycle: ${[...trail.slice(at), name].join(' -> ')}`);
    if (trail.length >= PACK_LIMITS.expandedDepth)
      throw new RulePackError(file, `condition ${trail[0]}`, `named conditions refer to one another more than ${PACK_LIMITS.expandedDepth} deep (${trail.slice(0, 3).join(' -> ')} -> ...)`);
    trail.push(name);
    const inner = extentOf(shared[name]!);
    trail.pop();
    const extent = { size: inner.size + 1, depth: inner.depth + 1 };
    checkExtent(extent, (problem) => {
      throw new RulePackError(file, `condition ${name}`, problem);
    });
    measured.set(name, extent);
    return extent;
  };
  const extentOf = (node: Condition): Extent => {
    if ('condition' in node) return named(node.condition);
    if ('not' in node) {
      const inner = extentOf(node.not);
      return { size: inner.size + 1, depth: inner.depth + 1 };
    }
    if ('all' in node || 'any' in node) {
      let size = 1;
      let depth = 0;
      for (const child of 'all' in node ? node.all : node.any) {
        const e = extentOf(child);
        size += e.size;
        depth = Math.max(depth, e.depth);
      }
      return { size, depth: depth + 1 };
    }
    return { size: 1, depth: 1 };
  };
  return extentOf;
}

function ruleNameAt(data: unknown, index: number): string | undefined {
  // The data may be the caller's original, unreadable part of it: read it as data or not at all.
  try {
    const rules = ownData(data, 'rules')?.value;
    const name = Array.isArray(rules) ? ownData(ownData(rules, index)?.value, 'name')?.value : undefined;
    return typeof name === 'string' ? name : `#${index}`;
  } catch {
    return `#${index}`;
  }
}

const NUMERIC: ReadonlySet<string> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * `param.*` facts that are null on some date: a series that starts after 1990, holds a null, or a
 * tier-picked family (null when no tier is recorded).
 */
export function nullableParameterFacts(table: ParameterTable): Set<string> {
  const out = new Set<string>();
  for (const [name, def] of Object.entries(table)) {
    const nullable = def.values[0]!.from > '1990-01-01' || def.values.some((v) => v.value === null);
    if (nullable) out.add(`param.${name}`);
    const family = familyOf(name);
    if (family && (nullable || family.members.includes('1'))) out.add(`param.${family.family}`);
  }
  return out;
}

/**
 * json-rules-engine compares with JavaScript's operators, so `x > null` is `x > 0`: a limit that is
 * not in force would fire its rule. A numeric comparison against a parameter that can be null must
 * sit in an `all` beside `{ fact: that parameter, operator: notEqual, value: null }`.
 */
function checkNullGuards(
  node: Condition,
  shared: Readonly<Record<string, Condition>>,
  nullable: ReadonlySet<string>,
  fail: (problem: string, parameterFact: string) => never,
  guarded: ReadonlySet<string> = new Set(),
): void {
  if ('all' in node) {
    const inner = new Set(guarded);
    for (const c of node.all) if ('fact' in c && c.operator === 'notEqual' && c.value === null) inner.add(c.fact);
    for (const c of node.all) checkNullGuards(c, shared, nullable, fail, inner);
    return;
  }
  if ('any' in node) return node.any.forEach((c) => checkNullGuards(c, shared, nullable, fail, guarded));
  if ('not' in node) return checkNullGuards(node.not, shared, nullable, fail, guarded);
  if ('condition' in node) return checkNullGuards(shared[node.condition]!, shared, nullable, fail, guarded);
  const ref = node.value !== null && typeof node.value === 'object' && !Array.isArray(node.value) ? (node.value as { fact: string }).fact : undefined;
  if (NUMERIC.has(node.operator) && ref !== undefined && nullable.has(ref) && !guarded.has(ref))
    fail(`compares "${node.fact}" with "${ref}", which is null on some dates (x ${node.operator} null is true for JavaScript): add { "fact": "${ref}", "operator": "notEqual", "value": null } beside it in an "all"`, ref);
}

function checkCondition(
  node: unknown,
  file: string,
  rule: string,
  isKnownFact: (name: string) => boolean,
  shared: Readonly<Record<string, unknown>>,
  root = false,
): asserts node is Condition {
  const fail = (problem: string): never => {
    throw new RulePackError(file, rule, problem);
  };
  if (node === null || typeof node !== 'object' || Array.isArray(node)) fail('a condition must be an object');
  const c = node as Record<string, unknown>;
  const keys = Object.keys(c);
  const boolKeys = BOOLEAN_KEYS.filter((k) => Object.hasOwn(c, k));
  if (root && (boolKeys.length !== 1 || keys.length !== 1)) fail('the conditions root must hold exactly one of all, any, not or condition');
  if (boolKeys.length > 0) {
    if (keys.length !== 1) fail(`a ${boolKeys[0]} condition must have no other keys (found ${keys.join(', ')})`);
    const key = boolKeys[0]!;
    const inner = c[key];
    if (key === 'condition') {
      if (typeof inner !== 'string' || !Object.hasOwn(shared, inner)) fail(`condition reference "${String(inner)}" names no condition in this pack`);
      return;
    }
    if (key === 'not') return checkCondition(inner, file, rule, isKnownFact, shared);
    if (!Array.isArray(inner) || inner.length === 0) fail(`"${key}" needs a non-empty list of conditions`);
    if ((inner as unknown[]).length > PACK_LIMITS.width) fail(`"${key}" lists ${(inner as unknown[]).length} conditions, more than the ${PACK_LIMITS.width} allowed`);
    for (const child of inner as unknown[]) checkCondition(child, file, rule, isKnownFact, shared);
    return;
  }
  const has = (key: string): boolean => Object.hasOwn(c, key);
  if (has('path')) fail('conditions may not use "path": JSONPath lookups are refused (jsonpath-plus has had remote code execution CVEs)');
  if (has('params')) fail('conditions may not pass fact "params": every fact is precomputed');
  for (const k of keys) if (!LEAF_KEYS.has(k)) fail(`unknown condition key "${k}"`);
  if (typeof c.fact !== 'string' || !isKnownFact(c.fact)) fail(`unknown fact "${String(c.fact)}"`);
  if (typeof c.operator !== 'string' || !OPERATOR_SET.has(c.operator)) fail(`unknown operator "${String(c.operator)}"`);
  if (!has('value')) fail(`condition on "${String(c.fact)}" has no value`);
  const value = c.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>;
    if (Object.keys(ref).length !== 1 || !Object.hasOwn(ref, 'fact') || typeof ref.fact !== 'string') fail('a value object must be exactly { "fact": name }');
    if (!isKnownFact(ref.fact as string)) fail(`value names unknown fact "${String(ref.fact)}"`);
    if (c.operator === 'in' || c.operator === 'notIn') fail(`"${c.operator}" needs a literal list, not a fact`);
    return;
  }
  if ((c.operator === 'in' || c.operator === 'notIn') !== Array.isArray(value))
    fail(Array.isArray(value) ? `only "in" and "notIn" take a list` : `"${c.operator}" needs a literal list`);
  if (Array.isArray(value) && value.length > PACK_LIMITS.listValues) fail(`"${c.operator}" lists ${value.length} values, more than the ${PACK_LIMITS.listValues} allowed`);
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) fail('list values must be plain numbers, strings, booleans or null');
}
