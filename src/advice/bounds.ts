import { addCalendarMonths } from '../facts/dates.js';
import type { FactValue } from '../facts/types.js';
import type { LoadedPack } from '../engine/load.js';
import type { FindingKind, RuleDefinition } from '../engine/pack.js';
import type { FindingCitation } from '../findings/types.js';
import type { Confidence } from '../law/confidence.js';
import type { RegimeId } from '../law/regimes.js';
import { RequirementSchema, type RequirementKind } from '../schema/requirements.js';
import type { CaseFacts } from './case.js';
import { comparedFact, evaluate, leavesOf, type Known, type Leaf } from './conditions.js';

/**
 * Where a compared fact lives in the input. This is the shape of the input (src/schema), not law:
 * which number a rule compares and against what limit is read from the rule packs at run time.
 */
interface FieldOf {
  /** The input key on a requirement of this kind, if it has one. */
  readonly key: (kind: RequirementKind) => string;
  readonly integer: boolean;
  /** The input value for a number on the fact's scale (an intensity rank is written as its name). */
  readonly encode?: (n: number) => unknown;
  readonly decode?: (v: unknown) => number | undefined;
}

export const INTENSITIES = ['low', 'medium', 'high'] as const;

const REQUIREMENT_FIELDS: Readonly<Record<string, FieldOf>> = {
  'requirement.hours': { key: () => 'hours', integer: true },
  'requirement.days': { key: (k) => (k === 'rehabilitation-activity' ? 'maxDays' : 'days'), integer: true },
  'requirement.months': { key: () => 'months', integer: true },
  'requirement.hoursPerDay': { key: () => 'hoursPerDay', integer: false },
  'requirement.reviewIntervalWeeks': { key: () => 'reviewIntervalWeeks', integer: true },
  'requirement.reviewIntervalMonths': { key: () => 'reviewIntervalMonths', integer: true },
  'requirement.testsPerWeek': { key: () => 'testsPerWeek', integer: false },
  'requirement.intensityRank': {
    key: () => 'intensity',
    integer: true,
    encode: (n) => INTENSITIES[n - 1],
    decode: (v) => (typeof v === 'string' ? INTENSITIES.indexOf(v as (typeof INTENSITIES)[number]) + 1 || undefined : undefined),
  },
};

const ORDER_FIELDS: Readonly<Record<string, { path: readonly string[]; integer: boolean; encode?: (n: number, cf: CaseFacts) => unknown }>> = {
  'order.lengthMonths': { path: ['sentence', 'endDate'], integer: true, encode: (n, cf) => addCalendarMonths(cf.order.sentenceDate, n) },
  'sso.custodialTermWeeks': { path: ['sentence', 'custodialTermWeeks'], integer: false },
  'sso.operationalPeriodMonths': { path: ['sentence', 'operationalPeriodMonths'], integer: true },
  'sso.supervisionPeriodMonths': { path: ['sentence', 'supervisionPeriodMonths'], integer: true },
};

const SHAPES = new Map(RequirementSchema.options.map((o) => [o.shape.kind.value as RequirementKind, new Set(Object.keys(o.shape))]));

/** The input key of a compared requirement fact for this kind, or undefined where the kind has no such field. */
export function requirementField(fact: string, kind: RequirementKind): FieldOf & { name: string } | undefined {
  const f = REQUIREMENT_FIELDS[fact];
  if (!f) return undefined;
  const name = f.key(kind);
  return SHAPES.get(kind)?.has(name) ? { ...f, name } : undefined;
}

export interface LimitSource {
  /** The dated parameter the limit is (`bandRange.curfewMaxMonths.medium`), or the fact it is read from (`order.requirementLimitMonths`). */
  readonly parameter?: string;
  readonly fact: string;
  readonly source?: string;
  readonly confidence?: Confidence;
}

/** One bound a rule encodes: stay on the lawful side of `value` or the rule fires `code`. */
export interface Limit {
  readonly fact: string;
  /** The input field on the requirement (or the order path for an order-level limit). */
  readonly field: string;
  readonly direction: 'max' | 'min';
  /** The furthest lawful value, inclusive, on the fact's scale. */
  readonly value: number;
  /** The same as the input would write it (an intensity name, an end date). */
  readonly inputValue: unknown;
  readonly code: string;
  readonly findingKind: FindingKind;
  readonly from: LimitSource;
  readonly citations: readonly FindingCitation[];
  /** The rule fires only with some other choice on the requirement too (no review provision, a setting). */
  readonly conditional: boolean;
  readonly dependsOn: readonly string[];
  readonly pack: string;
}

const COMPARISONS = new Set(['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive']);

export const citationsFor = (rule: RuleDefinition, regime: RegimeId): FindingCitation[] =>
  rule.event.params.citations.filter((c) => !c.regimes || c.regimes.includes(regime)).map(({ regimes: _r, ...c }) => c);

/** The inclusive lawful extreme for a comparison that fires on the wrong side of `x`. */
function lawfulExtreme(operator: string, x: number, integer: boolean): { direction: 'max' | 'min'; value: number } | undefined {
  switch (operator) {
    case 'greaterThan':
      return { direction: 'max', value: integer ? Math.floor(x) : x };
    case 'lessThan':
      return { direction: 'min', value: integer ? Math.ceil(x) : x };
    case 'greaterThanInclusive':
      return integer ? { direction: 'max', value: Math.ceil(x) - 1 } : undefined;
    case 'lessThanInclusive':
      return integer ? { direction: 'min', value: Math.floor(x) + 1 } : undefined;
  }
  return undefined;
}

function sourceOf(cf: CaseFacts, leaf: Leaf): LimitSource {
  const fact = comparedFact(leaf);
  if (!fact) return { fact: 'constant' };
  const origin = cf.originOf(fact);
  return origin ? { parameter: origin.name, fact, source: origin.source, confidence: origin.confidence } : { fact };
}

/**
 * The numeric limits on a requirement of `kind` in this case, read from every requirement-scoped
 * rule that runs on the kind. `known` gives the facts settled so far; a requirement's own choices
 * left unknown make a limit conditional rather than hiding it.
 */
export function requirementLimits(packs: readonly LoadedPack[], cf: CaseFacts, kind: RequirementKind, known: Known, codes?: ReadonlySet<string>): Limit[] {
  const out: Limit[] = [];
  for (const pack of packs) {
    if (pack.scope !== 'requirement' || (pack.kinds && !pack.kinds.includes(kind))) continue;
    for (const rule of pack.rules) {
      if (codes && !codes.has(rule.event.type)) continue;
      const leaves = leavesOf(rule.conditions, pack);
      for (const leaf of leaves) {
        if (!COMPARISONS.has(leaf.operator)) continue;
        const field = requirementField(leaf.fact, kind);
        if (!field) continue;
        const against = comparedFact(leaf);
        const x = against ? known(against) : leaf.value;
        if (typeof x !== 'number') continue;
        const extreme = lawfulExtreme(leaf.operator, x, field.integer);
        if (!extreme) continue;
        const truth = evaluate(rule.conditions, pack, known, new Map([[leaf, true]]));
        if (truth === false) continue;
        const dependsOn = [...new Set(leaves.filter((l) => l.fact.startsWith('requirement.') && l.fact !== leaf.fact && known(l.fact) === undefined).map((l) => l.fact))];
        out.push({
          fact: leaf.fact,
          field: field.name,
          ...extreme,
          inputValue: field.encode ? field.encode(extreme.value) : extreme.value,
          code: rule.event.type,
          findingKind: rule.event.params.kind,
          from: sourceOf(cf, leaf),
          citations: citationsFor(rule, cf.regime.id),
          conditional: truth === undefined,
          dependsOn,
          pack: pack.id,
        });
      }
    }
  }
  return out;
}

/** Limits on the order itself (its length, a suspended sentence's term and periods), from the order-scoped rules. */
export function orderLimits(packs: readonly LoadedPack[], cf: CaseFacts, codes?: ReadonlySet<string>): Limit[] {
  const known: Known = (f) => cf.fact(f);
  const out: Limit[] = [];
  for (const pack of packs) {
    if (pack.scope !== 'order') continue;
    for (const rule of pack.rules) {
      if (codes && !codes.has(rule.event.type)) continue;
      for (const leaf of leavesOf(rule.conditions, pack)) {
        const field = ORDER_FIELDS[leaf.fact];
        if (!field || !COMPARISONS.has(leaf.operator)) continue;
        const against = comparedFact(leaf);
        const x = against ? known(against) : leaf.value;
        if (typeof x !== 'number') continue;
        const extreme = lawfulExtreme(leaf.operator, x, field.integer);
        if (!extreme || evaluate(rule.conditions, pack, known, new Map([[leaf, true]])) !== true) continue;
        out.push({
          fact: leaf.fact,
          field: field.path.join('.'),
          ...extreme,
          inputValue: field.encode ? field.encode(extreme.value, cf) : extreme.value,
          code: rule.event.type,
          findingKind: rule.event.params.kind,
          from: sourceOf(cf, leaf),
          citations: citationsFor(rule, cf.regime.id),
          conditional: false,
          dependsOn: [],
          pack: pack.id,
        });
      }
    }
  }
  return out;
}

/** A requirement's current value on a limit's scale. */
export function currentValue(limit: Limit, facts: Readonly<Record<string, FactValue>>): number | undefined {
  const v = facts[limit.fact];
  return typeof v === 'number' ? v : undefined;
}

export const violates = (limit: Limit, v: number | undefined): boolean =>
  v !== undefined && (limit.direction === 'max' ? v > limit.value : v < limit.value);
