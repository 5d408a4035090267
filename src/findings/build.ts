import { mayCarryOrigin } from '../facts/origins.js';
import type { FactValue, ParameterOrigin } from '../facts/types.js';
import { weakest, type Confidence } from '../law/confidence.js';
import { REGIME_IDS, type RegimeId } from '../law/regimes.js';
import type { FactLayers, Layer } from '../engine/evaluator.js';
import type { FindingKind, RuleDefinition } from '../engine/pack.js';
import { deepFreeze } from '../freeze.js';
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

/**
 * A rule's finding, taken apart once at load: the facts it reports with the layer each lives in,
 * and its message as literal text and slots. Filling it per finding is then array walks, with no
 * fact routing, no closure and no regular expression.
 */
interface FindingTemplate {
  readonly code: string;
  readonly kind: FindingKind;
  readonly confidence: Confidence;
  /** The reported facts, distinct, in the order the rule lists them (the order of `finding.facts`). */
  readonly reported: readonly string[];
  readonly layers: readonly Layer[];
  /** Literal text, or the index in `reported` of the fact whose wording goes there. */
  readonly message: readonly (string | number)[];
}

export interface PreparedRule {
  readonly rule: RuleDefinition;
  readonly reads: readonly string[];
  /** Of `reads`, those that can carry a parameter's origin: the only ones a finding's confidence looks up. */
  readonly originReads: readonly string[];
  /** Citations for each regime, filtered once at load. */
  readonly citations: Readonly<Record<RegimeId, readonly FindingCitation[]>>;
  readonly template: FindingTemplate;
}

/** Splits a message at its `{fact}` placeholders; a placeholder naming no reported fact reads exactly as it always has. */
function splitMessage(message: string, reported: readonly string[]): (string | number)[] {
  const parts: (string | number)[] = [];
  let text = '';
  let at = 0;
  for (const m of message.matchAll(PLACEHOLDER)) {
    text += message.slice(at, m.index);
    at = m.index! + m[0].length;
    const slot = reported.indexOf(m[1]!);
    if (slot >= 0) {
      parts.push(text, slot);
      text = '';
    } else {
      // As the per-finding fill read it: a fact not reported is looked up in an empty object.
      text += formatFact(({} as Record<string, FactValue>)[m[1]!]);
    }
  }
  text += message.slice(at);
  parts.push(text);
  return parts;
}

/** Everything about a rule's finding that does not depend on the order, worked out once at load. */
export function prepareRule(
  rule: RuleDefinition,
  shared: Readonly<Record<string, unknown>>,
  route: (name: string) => Layer,
): PreparedRule {
  const { params, type } = rule.event;
  const reported = [...new Set(params.facts)];
  const reads = factsReadBy(rule, shared);
  return {
    rule,
    reads,
    originReads: reads.filter(mayCarryOrigin),
    citations: deepFreeze(
      Object.fromEntries(
        REGIME_IDS.map((id) => [id, params.citations.filter((c) => !c.regimes || c.regimes.includes(id)).map(({ regimes: _r, ...c }) => c)]),
      ) as unknown as Record<RegimeId, readonly FindingCitation[]>,
    ),
    template: {
      code: type,
      kind: params.kind,
      confidence: params.confidence,
      reported,
      layers: reported.map(route),
      message: splitMessage(params.message, reported),
    },
  };
}

export function buildFinding(
  prepared: PreparedRule,
  layers: FactLayers,
  /** Where a fact of the run over requirement `requirementIndex` (undefined: over the order) came from. */
  originOf: (fact: string, requirementIndex?: number) => ParameterOrigin | undefined,
  regime: RegimeId,
  requirementIndex: number | undefined,
): Finding {
  const t = prepared.template;
  const facts: Record<string, FactValue> = {};
  for (let i = 0; i < t.reported.length; i++) {
    const name = t.reported[i]!;
    const value = layers[t.layers[i]!]?.[name] ?? null;
    // The finding owns a copy of a list fact, frozen as it is made (see freezeFinding).
    facts[name] = Array.isArray(value) ? Object.freeze(value.slice()) : value;
  }
  Object.freeze(facts);
  let confidence: Confidence = t.confidence;
  // Nothing is weaker than unverified: no origin can lower it.
  if (confidence !== 'unverified') {
    for (let i = 0; i < prepared.originReads.length && confidence !== 'unverified'; i++) {
      const origin = originOf(prepared.originReads[i]!, requirementIndex);
      if (origin) confidence = weakest(confidence, origin.confidence);
    }
  }
  let message = '';
  // A slot names a reported fact, whose value the facts just made hold.
  for (let i = 0; i < t.message.length; i++) {
    const part = t.message[i]!;
    message += typeof part === 'string' ? part : formatFact(facts[t.reported[part]!]);
  }
  // Two literals rather than a spread: the same keys in the same order, without copying an object per finding.
  const citations = prepared.citations[regime];
  return requirementIndex === undefined
    ? { code: t.code, kind: t.kind, message, facts, citations, confidence }
    : { code: t.code, kind: t.kind, requirementIndex, message, facts, citations, confidence };
}
