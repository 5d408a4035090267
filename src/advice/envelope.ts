import { deriveRequirementFacts } from '../facts/requirement.js';
import type { FactValue } from '../facts/types.js';
import type { LoadedPack } from '../engine/load.js';
import type { FindingKind } from '../engine/pack.js';
import type { FindingCitation } from '../findings/types.js';
import type { Confidence } from '../law/confidence.js';
import type { Regime } from '../law/regimes.js';
import { REQUIREMENT_KINDS, type Requirement, type RequirementKind } from '../schema/requirements.js';
import { citationsFor, INTENSITIES, orderLimits, requirementLimits, type Limit } from './bounds.js';
import type { CaseFacts } from './case.js';
import { evaluate, leavesOf, leafTruth, type Known } from './conditions.js';

/** One bound on a quantity, with the parameter (or fact) and the citation it comes from. */
export interface EnvelopeLimit {
  readonly value: number;
  /** As the input writes it: an intensity name, an end date. */
  readonly inputValue: unknown;
  readonly code: string;
  readonly findingKind: FindingKind;
  readonly parameter?: string;
  readonly fact: string;
  readonly source?: string;
  readonly confidence?: Confidence;
  readonly citations: readonly FindingCitation[];
}

export interface ConditionalLimit extends EnvelopeLimit {
  readonly direction: 'max' | 'min';
  /** The other choices on the requirement that decide whether this limit applies. */
  readonly dependsOn: readonly string[];
}

export interface QuantityEnvelope {
  /** The input field: `hours`, `months`, `intensity` ... */
  readonly field: string;
  /** The lawful range: the tightest limits whose rules make a requirement invalid or the order a breach. */
  readonly min?: EnvelopeLimit;
  readonly max?: EnvelopeLimit;
  /** Where guidance (the seriousness band's range, the OM tier) is narrower than the law: going past it is lawful but a tension. */
  readonly guidance: readonly (EnvelopeLimit & { readonly direction: 'max' | 'min' })[];
  /** Limits that apply only with another choice (over 12 months without a review provision; a residential setting). */
  readonly conditional: readonly ConditionalLimit[];
  /** The range a requirement stays inside to avoid every invalid and breach limit, conditional ones included. */
  readonly safe: { readonly min?: number; readonly max?: number };
}

export type ConditionStatus = 'met' | 'unmet' | 'needs-evidence' | 'to-settle';

export interface ConditionEnvelope {
  readonly code: string;
  readonly findingKind: FindingKind;
  /** `met`: the case satisfies it; `unmet`: the case fails it; `needs-evidence`: it fails for want of a recorded fact; `to-settle`: it depends on what the requirement records. */
  readonly status: ConditionStatus;
  /** The facts the rule reads that decide it. */
  readonly reads: readonly string[];
  readonly citations: readonly FindingCitation[];
}

export interface TensionEnvelope {
  readonly code: string;
  /** `always`: adding the kind carries it; `depends`: it turns on a choice (listed in dependsOn). */
  readonly when: 'always' | 'depends';
  readonly dependsOn: readonly string[];
  readonly citations: readonly FindingCitation[];
}

export interface IntensityEnvelope {
  readonly intensity: (typeof INTENSITIES)[number];
  /** No invalid or breach finding turns on the intensity alone. */
  readonly lawful: boolean;
  readonly findings: readonly { readonly code: string; readonly kind: FindingKind }[];
}

export interface KindEnvelope {
  readonly kind: RequirementKind;
  readonly available: boolean;
  readonly availability: { readonly parameter: string; readonly source?: string; readonly confidence?: Confidence };
  readonly quantities: readonly QuantityEnvelope[];
  readonly conditions: readonly ConditionEnvelope[];
  readonly tensions: readonly TensionEnvelope[];
  /** For a DRR: what each intensity would carry in this case. */
  readonly intensities?: readonly IntensityEnvelope[];
}

export interface OrderEnvelope {
  readonly field: string;
  readonly direction: 'max' | 'min';
  readonly limit: EnvelopeLimit;
  readonly current: FactValue | undefined;
}

export interface Envelope {
  readonly regime: Regime;
  readonly band: string;
  readonly orderType: string;
  readonly orderLengthMonths: number;
  readonly order: readonly OrderEnvelope[];
  readonly kinds: readonly KindEnvelope[];
}

/** Fields a new requirement of each kind must give besides its quantities, with the least-committal lawful choice. */
const TEMPLATES: Partial<Record<RequirementKind, Record<string, unknown>>> = {
  supervision: {},
  'prohibited-activity': {},
  'drug-testing': {},
  'rehabilitation-activity': { maxDays: 1 },
  'unpaid-work': { hours: 1 },
  curfew: { hoursPerDay: 1, months: 1, electronicMonitoring: true },
  exclusion: { months: 1, electronicMonitoring: true },
  'foreign-travel-prohibition': { months: 1 },
  'attendance-centre': { hours: 1 },
  activity: { days: 1 },
  'alcohol-abstinence-monitoring': { days: 1 },
  'drug-rehabilitation': { intensity: 'low', months: 1, setting: 'non-residential', recommendedByOfficer: true, offenderWilling: true },
};

/** A requirement of each kind with every field its facts read, for facts that do not depend on the choices (whether the kind is available). */
const STUBS: Readonly<Record<RequirementKind, Record<string, unknown>>> = {
  ...(TEMPLATES as Record<RequirementKind, Record<string, unknown>>),
  programme: { programme: '' },
  residence: {},
  'mental-health-treatment': {},
  'alcohol-treatment': { months: 1, setting: 'practitioner-based', offenderWilling: true },
};
const stub = (kind: RequirementKind, extra: Record<string, unknown> = {}): Requirement => ({ kind, ...STUBS[kind], ...extra }) as Requirement;

const SERIOUS = new Set<FindingKind>(['invalid', 'breach']);
const INTENSITY_FACTS = ['requirement.intensity', 'requirement.intensityRank', 'requirement.intensityCommissioned', 'requirement.weeklyHoursAvailable', 'requirement.weeklyHoursMinimum'];

const asLimit = (l: Limit): EnvelopeLimit => ({
  value: l.value,
  inputValue: l.inputValue,
  code: l.code,
  findingKind: l.findingKind,
  ...(l.from.parameter ? { parameter: l.from.parameter } : {}),
  fact: l.from.fact,
  ...(l.from.source ? { source: l.from.source } : {}),
  ...(l.from.confidence ? { confidence: l.from.confidence } : {}),
  citations: l.citations,
});

const tighter = (a: Limit | undefined, b: Limit): Limit => (!a ? b : b.direction === 'max' ? (b.value < a.value ? b : a) : b.value > a.value ? b : a);

function quantities(limits: readonly Limit[]): QuantityEnvelope[] {
  const fields = [...new Set(limits.map((l) => l.field))];
  return fields.map((field) => {
    const own = limits.filter((l) => l.field === field);
    let min: Limit | undefined;
    let max: Limit | undefined;
    let safeMin: number | undefined;
    let safeMax: number | undefined;
    for (const l of own) {
      if (!SERIOUS.has(l.findingKind)) continue;
      if (l.direction === 'max') safeMax = safeMax === undefined ? l.value : Math.min(safeMax, l.value);
      else safeMin = safeMin === undefined ? l.value : Math.max(safeMin, l.value);
      if (l.conditional) continue;
      if (l.direction === 'max') max = tighter(max, l);
      else min = tighter(min, l);
    }
    const guidance = own
      .filter((l) => !SERIOUS.has(l.findingKind) && !l.conditional && l.findingKind === 'tension')
      .filter((l) => (l.direction === 'max' ? !max || l.value < max.value : !min || l.value > min.value))
      .map((l) => ({ ...asLimit(l), direction: l.direction }));
    const conditional = own.filter((l) => l.conditional && SERIOUS.has(l.findingKind)).map((l) => ({ ...asLimit(l), direction: l.direction, dependsOn: l.dependsOn }));
    return {
      field,
      ...(min ? { min: asLimit(min) } : {}),
      ...(max ? { max: asLimit(max) } : {}),
      guidance,
      conditional,
      safe: { ...(safeMin !== undefined ? { min: safeMin } : {}), ...(safeMax !== undefined ? { max: safeMax } : {}) },
    };
  });
}

/** The facts a new requirement of `kind` has before anything about it is chosen. */
export function knownForNew(cf: CaseFacts, kind: RequirementKind, extra: Readonly<Record<string, FactValue>> = {}): Known {
  const order = cf.withKindAdded(kind);
  const own = cf.factsOfNew(stub(kind));
  const settled: Record<string, FactValue> = {
    'requirement.kind': kind,
    'requirement.index': cf.order.requirements.length,
    'requirement.available': own['requirement.available']!,
    ...extra,
  };
  return (f) => (f.startsWith('requirement.') ? settled[f] : order(f));
}

export function kindEnvelope(packs: readonly LoadedPack[], cf: CaseFacts, kind: RequirementKind): KindEnvelope {
  const known = knownForNew(cf, kind);
  const availableFact = known('requirement.available') === true;
  const origin = cf.originOf(`param.availability.${kind}`);
  const availability = { parameter: `availability.${kind}`, ...(origin ? { source: origin.source, confidence: origin.confidence } : {}) };
  const limits = requirementLimits(packs, cf, kind, known);
  const boundRules = new Set(limits.map((l) => `${l.pack}|${l.code}`));
  const conditions: ConditionEnvelope[] = [];
  const tensions: TensionEnvelope[] = [];
  for (const pack of packs) {
    if (pack.scope === 'requirement' && pack.kinds && !pack.kinds.includes(kind)) continue;
    for (const rule of pack.rules) {
      const kindOf = rule.event.params.kind;
      if (kindOf === 'advisory' || (pack.scope === 'requirement' && boundRules.has(`${pack.id}|${rule.event.type}`))) continue;
      let truth;
      if (pack.scope === 'order') {
        // Only what adding this kind changes: a finding the order has anyway is not the kind's.
        const without = evaluate(rule.conditions, pack, (f) => cf.fact(f));
        truth = evaluate(rule.conditions, pack, known);
        if (without === true || truth !== true) continue;
      } else truth = evaluate(rule.conditions, pack, known);
      if (truth === false && kindOf === 'tension') continue;
      const leaves = leavesOf(rule.conditions, pack);
      const reads = [...new Set(leaves.map((l) => l.fact).filter((f) => !f.startsWith('param.') && f !== 'requirement.kind'))];
      const dependsOn = [...new Set(leaves.filter((l) => known(l.fact) === undefined).map((l) => l.fact))];
      const citations = citationsFor(rule, cf.regime.id);
      if (kindOf === 'tension') {
        tensions.push({ code: rule.event.type, when: truth === true ? 'always' : 'depends', dependsOn, citations });
        continue;
      }
      let status: ConditionStatus = truth === false ? 'met' : truth === undefined ? 'to-settle' : 'unmet';
      if (truth === true && leaves.some((l) => leafTruth(l, known) === true && known(l.fact) === null)) status = 'needs-evidence';
      if (conditions.some((c) => c.code === rule.event.type && c.status === status)) continue;
      conditions.push({ code: rule.event.type, findingKind: kindOf, status, reads, citations });
    }
  }
  // A code with several rules (one per regime or per case) is met only when every one of them is.
  const byCode = new Map<string, ConditionEnvelope>();
  const rank: Record<ConditionStatus, number> = { met: 0, 'to-settle': 1, 'needs-evidence': 2, unmet: 3 };
  for (const c of conditions) if (!byCode.has(c.code) || rank[c.status] > rank[byCode.get(c.code)!.status]) byCode.set(c.code, c);
  const envelope: KindEnvelope = {
    kind,
    available: availableFact,
    availability,
    quantities: quantities(limits),
    conditions: [...byCode.values()],
    tensions: tensions.filter((t, i) => tensions.findIndex((u) => u.code === t.code) === i),
  };
  if (kind !== 'drug-rehabilitation') return envelope;
  const intensities = INTENSITIES.map((intensity) => {
    const derived = cf.factsOfNew(stub(kind, { intensity }));
    const k = knownForNew(cf, kind, Object.fromEntries(INTENSITY_FACTS.map((f) => [f, derived[f]!])));
    const findings: { code: string; kind: FindingKind }[] = [];
    for (const pack of packs) {
      if (pack.scope !== 'requirement' || (pack.kinds && !pack.kinds.includes(kind))) continue;
      for (const rule of pack.rules) {
        if (rule.event.params.kind === 'advisory') continue;
        const reads = leavesOf(rule.conditions, pack).some((l) => INTENSITY_FACTS.includes(l.fact));
        if (reads && evaluate(rule.conditions, pack, k) === true && !findings.some((f) => f.code === rule.event.type))
          findings.push({ code: rule.event.type, kind: rule.event.params.kind });
      }
    }
    return { intensity, lawful: !findings.some((f) => SERIOUS.has(f.kind)), findings };
  });
  return { ...envelope, intensities };
}

export function envelopeOf(packs: readonly LoadedPack[], cf: CaseFacts): Envelope {
  const order = orderLimits(packs, cf).map((l) => ({ field: l.field, direction: l.direction, limit: asLimit(l), current: cf.fact(l.fact) }));
  return {
    regime: cf.regime,
    band: String(cf.fact('order.band')),
    orderType: cf.order.sentence.type,
    orderLengthMonths: cf.fact('order.lengthMonths') as number,
    order,
    kinds: REQUIREMENT_KINDS.map((kind) => kindEnvelope(packs, cf, kind)),
  };
}

/**
 * The smallest requirement of `kind` inside the envelope: each quantity at the least its safe
 * range allows (a DRR at the highest intensity the band allows and as long as the order, with a
 * review provision: the shape of the DTTO it replaces). Undefined where the envelope is empty.
 */
export function smallestLawful(envelope: KindEnvelope): Requirement | undefined {
  const template = TEMPLATES[envelope.kind];
  if (!template || !envelope.available) return undefined;
  const req: Record<string, unknown> = { kind: envelope.kind, ...template };
  for (const q of envelope.quantities) {
    const { min, max } = q.safe;
    if (min !== undefined && max !== undefined && min > max) return undefined;
    if (q.field === 'intensity') {
      if (max === undefined || max < 1) return undefined;
      req.intensity = INTENSITIES[Math.min(max, 3) - 1];
      continue;
    }
    if (envelope.kind === 'drug-rehabilitation' && q.field === 'months') {
      const longest = q.max?.value;
      if (longest === undefined || (min !== undefined && longest < min)) return undefined;
      req.months = longest;
      continue;
    }
    const review = q.field.startsWith('reviewInterval');
    // One review provision, in whichever unit the rules judge (weeks or calendar months).
    if (review && Object.keys(req).some((k) => k.startsWith('reviewInterval'))) continue;
    if (!(q.field in req) && q.field !== 'testsPerWeek' && !review) continue;
    const base = typeof req[q.field] === 'number' ? (req[q.field] as number) : 0;
    let v = Math.max(base, min ?? base);
    if (max !== undefined && v > max) v = max;
    req[q.field] = v;
  }
  return req as Requirement;
}
