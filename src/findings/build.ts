import type { FactValue, ParameterOrigin } from '../facts/types.js';
import { weakest, type Confidence } from '../law/confidence.js';
import type { RegimeId } from '../law/regimes.js';
import type { RuleDefinition } from '../engine/pack.js';
import type { Finding, FindingCitation } from './types.js';

const PLACEHOLDER = /\{([A-Za-z0-9.-]+)\}/g;

/** How a fact reads in a sentence. */
export function formatFact(value: FactValue | undefined): string {
  if (value === null || value === undefined) return 'not recorded';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

/** Every fact a rule reads, in its conditions or its report: those drawn from parameters are the sources its confidence rests on. */
export function factsReadBy(rule: RuleDefinition, shared: Readonly<Record<string, unknown>>): string[] {
  const found = new Set<string>(rule.event.params.facts);
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const c = node as Record<string, unknown>;
    if (typeof c.condition === 'string') return walk(shared[c.condition]);
    for (const key of ['all', 'any']) if (Array.isArray(c[key])) (c[key] as unknown[]).forEach(walk);
    if (c.not) walk(c.not);
    if (typeof c.fact === 'string') found.add(c.fact);
    const v = c.value as { fact?: unknown } | null;
    if (v && typeof v === 'object' && typeof v.fact === 'string') found.add(v.fact);
  };
  walk(rule.conditions);
  return [...found].sort();
}

export interface PreparedRule {
  readonly rule: RuleDefinition;
  readonly reads: readonly string[];
  /** Citations for each regime, filtered once at load. */
  readonly citations: Readonly<Record<RegimeId, readonly FindingCitation[]>>;
}

export function buildFinding(
  prepared: PreparedRule,
  get: (name: string) => FactValue | undefined,
  originOf: (fact: string) => ParameterOrigin | undefined,
  regime: RegimeId,
  requirementIndex: number | undefined,
): Finding {
  const { params, type } = prepared.rule.event;
  const facts: Record<string, FactValue> = {};
  for (const name of params.facts) {
    const value = get(name) ?? null;
    facts[name] = Array.isArray(value) ? [...value] : value;
  }
  let confidence: Confidence = params.confidence;
  for (const name of prepared.reads) {
    const origin = originOf(name);
    if (origin) confidence = weakest(confidence, origin.confidence);
  }
  const message = params.message.replace(PLACEHOLDER, (_, name: string) => formatFact(facts[name]));
  return {
    code: type,
    kind: params.kind,
    ...(requirementIndex === undefined ? {} : { requirementIndex }),
    message,
    facts,
    citations: prepared.citations[regime],
    confidence,
  };
}
