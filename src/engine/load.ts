import { KNOWN_FACTS, ORDER_FACTS } from '../facts/catalog.js';
import type { ParameterTable } from '../law/parameters.js';
import { REGIME_IDS } from '../law/regimes.js';
import { OPERATORS, PackDefinition, type Condition, type FindingKind, type PackDefinition as Pack } from './pack.js';

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

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value']);
const BOOLEAN_KEYS = ['all', 'any', 'not', 'condition'] as const;
const FAMILY_MEMBERS = new Set(['low', 'medium', 'high', 'custody', '1', '2', '3', '4']);
const PLACEHOLDER = /\{([A-Za-z0-9.-]+)\}/g;

/** Names the `param.*` facts a table offers: each parameter, and each band- or tier-indexed family. */
export function parameterFactNames(table: ParameterTable): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(table)) {
    names.add(`param.${name}`);
    const dot = name.lastIndexOf('.');
    if (FAMILY_MEMBERS.has(name.slice(dot + 1))) names.add(`param.${name.slice(0, dot)}`);
  }
  return names;
}

/**
 * Parse and check rule packs. Everything a rule can get wrong is refused here, before any order
 * is seen: unknown facts, operators or parameters, JSONPath (`path`) lookups, dynamic fact
 * parameters, conditions that reference nothing, codes reused across packs or kinds, messages
 * naming facts they do not report, and citations missing for a regime.
 */
export function loadPacks(sources: readonly PackSource[], parameters: ParameterTable): LoadedPack[] {
  const paramFacts = parameterFactNames(parameters);
  const codeHome = new Map<string, { file: string; kind: FindingKind }>();
  const ruleNames = new Map<string, string>();
  const packIds = new Map<string, string>();
  return sources.map(({ file, data }) => {
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
      name.startsWith('param.') ? paramFacts.has(name) : pack.scope === 'requirement' ? KNOWN_FACTS.has(name) : name in ORDER_FACTS;
    const shared = pack.conditions ?? {};
    for (const [name, condition] of Object.entries(shared)) checkCondition(condition, file, `condition ${name}`, isKnownFact, shared);

    for (const rule of pack.rules) {
      const where = ruleNames.get(rule.name);
      if (where) throw new RulePackError(file, rule.name, `rule name is also used in ${where}`);
      ruleNames.set(rule.name, file);
      checkCondition(rule.conditions, file, rule.name, isKnownFact, shared, true);

      const { type: code, params } = rule.event;
      const home = codeHome.get(code);
      if (home && home.file !== file) throw new RulePackError(file, rule.name, `code ${code} is already defined in ${home.file}; a code belongs to one pack`);
      if (home && home.kind !== params.kind) throw new RulePackError(file, rule.name, `code ${code} is a ${home.kind} elsewhere in this pack, not a ${params.kind}`);
      codeHome.set(code, { file, kind: params.kind });
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
    return { ...pack, file };
  });
}

function ruleNameAt(data: unknown, index: number): string | undefined {
  const rules = (data as { rules?: unknown[] } | null)?.rules;
  const rule = Array.isArray(rules) ? (rules[index] as { name?: unknown } | undefined) : undefined;
  return typeof rule?.name === 'string' ? rule.name : `#${index}`;
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
  const boolKeys = BOOLEAN_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(c, k));
  if (root && (boolKeys.length !== 1 || keys.length !== 1)) fail('the conditions root must hold exactly one of all, any, not or condition');
  if (boolKeys.length > 0) {
    if (keys.length !== 1) fail(`a ${boolKeys[0]} condition must have no other keys (found ${keys.join(', ')})`);
    const key = boolKeys[0]!;
    const inner = c[key];
    if (key === 'condition') {
      if (typeof inner !== 'string' || !Object.prototype.hasOwnProperty.call(shared, inner)) fail(`condition reference "${String(inner)}" names no condition in this pack`);
      return;
    }
    if (key === 'not') return checkCondition(inner, file, rule, isKnownFact, shared);
    if (!Array.isArray(inner) || inner.length === 0) fail(`"${key}" needs a non-empty list of conditions`);
    for (const child of inner as unknown[]) checkCondition(child, file, rule, isKnownFact, shared);
    return;
  }
  if ('path' in c) fail('conditions may not use "path": JSONPath lookups are refused (jsonpath-plus has had remote code execution CVEs)');
  if ('params' in c) fail('conditions may not pass fact "params": every fact is precomputed');
  for (const k of keys) if (!LEAF_KEYS.has(k)) fail(`unknown condition key "${k}"`);
  if (typeof c.fact !== 'string' || !isKnownFact(c.fact)) fail(`unknown fact "${String(c.fact)}"`);
  if (typeof c.operator !== 'string' || !OPERATOR_SET.has(c.operator)) fail(`unknown operator "${String(c.operator)}"`);
  if (!('value' in c)) fail(`condition on "${String(c.fact)}" has no value`);
  const value = c.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>;
    if (Object.keys(ref).length !== 1 || typeof ref.fact !== 'string') fail('a value object must be exactly { "fact": name }');
    if (!isKnownFact(ref.fact as string)) fail(`value names unknown fact "${String(ref.fact)}"`);
    if (c.operator === 'in' || c.operator === 'notIn') fail(`"${c.operator}" needs a literal list, not a fact`);
    return;
  }
  if ((c.operator === 'in' || c.operator === 'notIn') !== Array.isArray(value))
    fail(Array.isArray(value) ? `only "in" and "notIn" take a list` : `"${c.operator}" needs a literal list`);
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) fail('list values must be plain numbers, strings, booleans or null');
}
