import { familyOf, type KeyDates } from '../law/parameters.js';
import { weakest } from '../law/confidence.js';
import type { ResolvedParameter, ResolvedParameters } from '../law/resolve.js';
import type { ProposedOrder, Provision } from '../schema/order.js';
import { REQUIREMENT_KINDS, type RequirementKind } from '../schema/requirements.js';
import { ageOn, monthsBetween } from './dates.js';
import type { FactValue, ParameterOrigin } from './types.js';

const BAND_RANK = { low: 1, medium: 2, high: 3, custody: 4 } as const;
/**
 * One bit per requirement kind: which kinds an order has is a number, so asking costs no Set per
 * order. Sixteen kinds fit well inside the 31 bits a bitwise operator keeps.
 */
const KIND_BIT = Object.fromEntries(REQUIREMENT_KINDS.map((k, i) => [k, 2 ** i])) as Record<RequirementKind, number>;
if (REQUIREMENT_KINDS.length > 31) throw new Error('More requirement kinds than bits in a kind mask');
const kindMask = (kinds: readonly RequirementKind[]): number => kinds.reduce((mask, k) => mask | KIND_BIT[k], 0);
/** Whether a kind mask has any of the kinds of `kinds` (a mask too). */
const hasAny = (mask: number, kinds: number): boolean => (mask & kinds) !== 0;
/** Parameter names per kind, built once rather than per order. */
const PUNITIVE_PARAMETER = Object.fromEntries(REQUIREMENT_KINDS.map((k) => [k, `punitive.${k}`])) as Record<RequirementKind, string>;

/** Whether the order is being drafted (a PSR proposal) or is the order the court is about to make. */
export const STAGES = ['proposal', 'sentence'] as const;
export type Stage = (typeof STAGES)[number];

/** The need rank for each treatment tier (rules/parameters/proportionality.json). */
const TIER_RANK_PARAMETER: Readonly<Record<number, string>> = { 1: 'need.treatmentTierRank.tier1', 2: 'need.treatmentTierRank.tier2', 3: 'need.treatmentTierRank.tier3', 4: 'need.treatmentTierRank.tier4' };

interface RankedNeed {
  readonly rank: number | null;
  readonly basis: string | null;
  readonly assessed: boolean;
  readonly origin: ParameterOrigin | undefined;
}

/** The OASys sections that rank a treatment need, each for the treatment that addresses it, in the order they are tried. */
const OASYS_SECTIONS = [
  { kind: 'drug-rehabilitation', section: 'drugMisuse', threshold: 'assessment.oasysDrugSevereThreshold', label: 'OASys section 8 (drug misuse)' },
  { kind: 'alcohol-treatment', section: 'alcoholMisuse', threshold: 'assessment.oasysAlcoholSevereThreshold', label: 'OASys section 9 (alcohol misuse)' },
] as const;

/** The basis of each tier's rank, written once rather than per order. */
const TIER_BASIS: Readonly<Record<number, string>> = { 1: 'treatment tier 1', 2: 'treatment tier 2', 3: 'treatment tier 3', 4: 'treatment tier 4' };
/** No rank: the same two answers for every order, read and never changed. */
const UNRANKED_ASSESSED: RankedNeed = Object.freeze({ rank: null, basis: null, assessed: true, origin: undefined });
const UNRANKED_UNASSESSED: RankedNeed = Object.freeze({ rank: null, basis: null, assessed: false, origin: undefined });

const originOf = (name: string, p: ResolvedParameter): ParameterOrigin => ({ name, source: p.source, confidence: p.confidence });

/**
 * The treatment need on the DRR intensity scale (1 low, 2 medium, 3 high), from what the assessment
 * records: the treatment tier where one is recorded (it is the treatment assessment), else the
 * OASys score of the section each proposed treatment addresses (drugs for a DRR, alcohol for an
 * ATR), which ranks only a severe score. Never from the s.209(2) / s.212(2) dependency: every DRR
 * and ATR needs that, so it cannot by itself raise the need above a low-band order.
 */
function rankNeed(order: ProposedOrder, params: ResolvedParameters, kinds: number): RankedNeed {
  const tier = order.offender.need?.treatmentTier;
  if (tier !== undefined) {
    const name = TIER_RANK_PARAMETER[tier as number]!;
    const p = params[name];
    const rank = typeof p?.value === 'number' ? p.value : null;
    return { rank, basis: TIER_BASIS[tier as number] ?? `treatment tier ${tier}`, assessed: true, origin: p && rank !== null ? originOf(name, p) : undefined };
  }
  const oasys = order.offender.assessment?.oasys;
  let assessed = false;
  for (const { kind, section, threshold, label } of OASYS_SECTIONS) {
    const score = oasys?.[section];
    if (!hasAny(kinds, KIND_BIT[kind]) || score === undefined) continue;
    assessed = true;
    const limit = params[threshold];
    const severe = params['need.oasysSevereRank'];
    if (typeof limit?.value !== 'number' || typeof severe?.value !== 'number' || score < limit.value) continue;
    return {
      rank: severe.value,
      basis: `${label} score ${score}, severe from ${limit.value}`,
      assessed,
      origin: { name: 'need.oasysSevereRank', source: severe.source, confidence: weakest(severe.confidence, limit.confidence) },
    };
  }
  return assessed ? UNRANKED_ASSESSED : UNRANKED_UNASSESSED;
}

/**
 * Requirement kinds that can address a substance need (inspection 5.15, 5.4: treatment, testing,
 * accredited programmes, and activity requirements used for alcohol interventions). Supervision and
 * RAR are left out: the inspection found needs going unaddressed in supervised cases.
 */
const ADDRESSES_DRUGS = kindMask(['drug-rehabilitation', 'drug-testing', 'programme', 'activity']);
const ADDRESSES_ALCOHOL = kindMask(['alcohol-treatment', 'alcohol-abstinence-monitoring', 'programme', 'activity']);
const DRUG_TREATMENT_OR_TESTING = kindMask(['drug-rehabilitation', 'drug-testing']);

interface Member {
  readonly value: FactValue;
  readonly origin: ParameterOrigin;
}
interface Family {
  readonly fact: string;
  readonly members: Readonly<Record<string, Member>>;
}
/** The `param.*` facts of one legal epoch: built once and shared by every order in that epoch. */
interface ParamLayer {
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly origins: Readonly<Record<string, ParameterOrigin>>;
  readonly bandFamilies: readonly Family[];
  readonly tierFamilies: readonly Family[];
}

const layers = new WeakMap<ResolvedParameters, ParamLayer>();

function paramLayer(params: ResolvedParameters): ParamLayer {
  let layer = layers.get(params);
  if (layer) return layer;
  const facts: Record<string, FactValue> = {};
  const origins: Record<string, ParameterOrigin> = {};
  const bands = new Map<string, Record<string, Member>>();
  const tiers = new Map<string, Record<string, Member>>();
  for (const [name, p] of Object.entries(params)) {
    const origin = Object.freeze({ name, source: p.source, confidence: p.confidence });
    facts[`param.${name}`] = p.value;
    origins[`param.${name}`] = origin;
    // The same family rule the loader checks packs against (law/parameters.ts familyOf).
    const found = familyOf(name);
    if (!found) continue;
    const into = found.members.includes('1') ? tiers : bands;
    const family = `param.${found.family}`;
    const members = into.get(family) ?? {};
    members[found.member] = { value: p.value, origin };
    into.set(family, members);
  }
  const list = (m: Map<string, Record<string, Member>>): Family[] => [...m].map(([fact, members]) => ({ fact, members }));
  layer = Object.freeze({ facts: Object.freeze(facts), origins: Object.freeze(origins), bandFamilies: list(bands), tierFamilies: list(tiers) });
  layers.set(params, layer);
  return layer;
}

/** The dates that changes in the law key on. The latest offence decides: new law reaches an order once any offence falls under it. */
export function keyDatesOf(order: ProposedOrder): KeyDates {
  let offence = order.offences[0]!.committedOn;
  for (const o of order.offences) if (o.committedOn > offence) offence = o.committedOn;
  return { offence, conviction: order.convictionDate, sentence: order.sentenceDate };
}

/**
 * Order-level facts: derived once per order and shared by every rule run over it.
 * `params` holds the `param.*` facts in force for this case (shared by every order of its legal
 * epoch); a family indexed by band (`x.low`, `x.medium`, ...) or by offender management tier
 * (`x.1` ... `x.4`) is offered among the order facts as `param.x`, picked for this order.
 */
export function deriveOrderFacts(
  order: ProposedOrder,
  dates: KeyDates,
  params: ResolvedParameters,
  provision: Provision | undefined,
  stage: Stage = 'proposal',
): {
  facts: Record<string, FactValue>;
  params: Readonly<Record<string, FactValue>>;
  origins: Record<string, ParameterOrigin>;
  paramOrigins: Readonly<Record<string, ParameterOrigin>>;
} {
  const { offender, sentence, requirements, offences } = order;
  let band = offences[0]!.seriousness;
  let earliestOffence = dates.offence;
  let anyTriggerOffence = false;
  let anyNonImprisonable = false;
  for (let i = 0; i < offences.length; i++) {
    const o = offences[i]!;
    if (BAND_RANK[o.seriousness] > BAND_RANK[band]) band = o.seriousness;
    if (o.committedOn < earliestOffence) earliestOffence = o.committedOn;
    if (o.triggerOffence === true) anyTriggerOffence = true;
    if (o.imprisonable === false) anyNonImprisonable = true;
  }
  // Sorted, so reordering the requirements changes nothing but their indices: an insertion sort as
  // the kinds are read, as they are few (the same order as `Array.prototype.sort`, without its work array).
  const kinds: RequirementKind[] = new Array(requirements.length);
  let has = 0;
  let punitiveCount = 0;
  for (let i = 0; i < requirements.length; i++) {
    const kind = requirements[i]!.kind;
    has |= KIND_BIT[kind];
    if (params[PUNITIVE_PARAMETER[kind]]?.value === true) punitiveCount++;
    let j = i - 1;
    for (; j >= 0 && kinds[j]! > kind; j--) kinds[j + 1] = kinds[j]!;
    kinds[j + 1] = kind;
  }
  // A DTTO is itself drug treatment and testing (PCC(S)A 2000 ss.52-53).
  const isDtto = sentence.type === 'dtto';
  const lengthMonths = monthsBetween(order.sentenceDate, sentence.endDate);
  const isSso = sentence.type === 'suspended-sentence-order';
  const ssoPeriod = sentence.supervisionPeriodMonths ?? sentence.operationalPeriodMonths;
  const drugs = offender.need?.drugs;
  const alcohol = offender.need?.alcohol;
  const treatmentTier = offender.need?.treatmentTier ?? null;
  const need = rankNeed(order, params, has);
  const oasys = offender.assessment?.oasys;

  const facts: Record<string, FactValue> = {
    'date.offence': dates.offence,
    'date.earliestOffence': earliestOffence,
    'date.conviction': dates.conviction,
    'date.sentence': dates.sentence,
    'offender.ageAtConviction': ageOn(offender.dateOfBirth, order.convictionDate),
    'offender.omTier': offender.omTier ?? null,
    'offender.treatmentTier': treatmentTier,
    'need.drugs.recorded': drugs !== undefined,
    'need.drugs.dependentOrPropensity': drugs?.dependentOrPropensity ?? null,
    'need.drugs.requiresAndSusceptible': drugs?.requiresAndSusceptible ?? null,
    'need.alcohol.recorded': alcohol !== undefined,
    'need.alcohol.dependent': alcohol?.dependent ?? null,
    'need.alcohol.requiresAndSusceptible': alcohol?.requiresAndSusceptible ?? null,
    'need.treatmentRank': need.rank,
    'need.treatmentRankBasis': need.basis,
    'need.treatmentAssessed': need.assessed,
    'assessment.oasys.drugMisuse': oasys?.drugMisuse ?? null,
    'assessment.oasys.alcoholMisuse': oasys?.alcoholMisuse ?? null,
    'assessment.ogrsPercent': offender.assessment?.ogrsPercent ?? null,
    'assessment.rosh': offender.assessment?.rosh ?? null,
    'assessment.ppo': offender.assessment?.ppo ?? null,
    'order.stage': stage,
    'order.type': sentence.type,
    'order.band': band,
    'order.bandRank': BAND_RANK[band],
    'order.lengthMonths': lengthMonths,
    'order.requirementLimitMonths': isSso && ssoPeriod !== undefined ? Math.min(ssoPeriod, lengthMonths) : lengthMonths,
    'order.requirementCount': requirements.length,
    'order.kinds': kinds,
    'order.punitiveCount': punitiveCount,
    'order.fine': sentence.fine === true,
    'order.punitiveException': sentence.punitiveExceptionReason !== undefined,
    'order.anyTriggerOffence': anyTriggerOffence,
    'order.anyNonImprisonable': anyNonImprisonable,
    'order.drugTreatmentOrTesting': isDtto || hasAny(has, DRUG_TREATMENT_OR_TESTING),
    'order.drugNeedAddressed': isDtto || hasAny(has, ADDRESSES_DRUGS),
    'order.alcoholNeedAddressed': hasAny(has, ADDRESSES_ALCOHOL),
    'sso.custodialTermWeeks': sentence.custodialTermWeeks ?? null,
    'sso.operationalPeriodMonths': sentence.operationalPeriodMonths ?? null,
    'sso.supervisionPeriodMonths': sentence.supervisionPeriodMonths ?? null,
    'provision.recorded': provision !== undefined,
    'provision.area': provision?.area ?? null,
    'provision.drrIntensities': provision?.drrIntensities ?? null,
    'provision.noDrrCommissioned': provision?.drrIntensities === undefined ? null : provision.drrIntensities.length === 0,
    'provision.atrQualifiedProvider': provision?.atrQualifiedProvider ?? null,
    'provision.programmes': provision?.programmes ?? null,
    // One per requirement kind, in REQUIREMENT_KINDS order, written out: added one by one they cost
    // a hidden-class transition each (test/hardening/hot-path.test.ts keeps the list whole).
    'has.unpaid-work': hasAny(has, KIND_BIT['unpaid-work']),
    'has.activity': hasAny(has, KIND_BIT['activity']),
    'has.programme': hasAny(has, KIND_BIT['programme']),
    'has.prohibited-activity': hasAny(has, KIND_BIT['prohibited-activity']),
    'has.curfew': hasAny(has, KIND_BIT['curfew']),
    'has.exclusion': hasAny(has, KIND_BIT['exclusion']),
    'has.residence': hasAny(has, KIND_BIT['residence']),
    'has.mental-health-treatment': hasAny(has, KIND_BIT['mental-health-treatment']),
    'has.drug-rehabilitation': hasAny(has, KIND_BIT['drug-rehabilitation']),
    'has.alcohol-treatment': hasAny(has, KIND_BIT['alcohol-treatment']),
    'has.supervision': hasAny(has, KIND_BIT['supervision']),
    'has.attendance-centre': hasAny(has, KIND_BIT['attendance-centre']),
    'has.rehabilitation-activity': hasAny(has, KIND_BIT['rehabilitation-activity']),
    'has.alcohol-abstinence-monitoring': hasAny(has, KIND_BIT['alcohol-abstinence-monitoring']),
    'has.foreign-travel-prohibition': hasAny(has, KIND_BIT['foreign-travel-prohibition']),
    'has.drug-testing': hasAny(has, KIND_BIT['drug-testing']),
  };

  const layer = paramLayer(params);
  const origins: Record<string, ParameterOrigin> = {};
  if (need.origin) origins['need.treatmentRank'] = need.origin;
  const tier = offender.omTier === undefined ? undefined : String(offender.omTier);
  for (const { fact, members } of layer.bandFamilies) {
    const picked = members[band];
    facts[fact] = picked?.value ?? null;
    if (picked) origins[fact] = picked.origin;
  }
  for (const { fact, members } of layer.tierFamilies) {
    const picked = tier === undefined ? undefined : members[tier];
    facts[fact] = picked?.value ?? null;
    if (picked) origins[fact] = picked.origin;
  }
  return { facts, params: layer.facts, origins, paramOrigins: layer.origins };
}
