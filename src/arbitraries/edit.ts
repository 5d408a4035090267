import { SERIOUSNESS_BANDS, type Seriousness } from '../schema/primitives.js';
import type { Requirement, RequirementKind, RequirementOf } from '../schema/requirements.js';
import { plusMonths } from './days.js';
import type { Draft } from './draft.js';
import { BAND_RANK } from './people.js';
import { lawfulRequirement, minimumMonths, type RequirementPicks } from './requirements.js';

/**
 * Changes to a lawful draft that keep everything else lawful, so that a breaker changes one thing
 * and the finding it wants is the one that shows.
 */

/** Needs that the treatment requirements present must be satisfied of (CJA 2003 ss.209, 212; AAMR: not dependent). */
export function satisfyNeeds(draft: Draft): void {
  const kinds = new Set(draft.order.requirements.map((r) => r.kind));
  const need = { ...draft.order.offender.need };
  if (kinds.has('drug-rehabilitation')) need.drugs = { dependentOrPropensity: true, requiresAndSusceptible: true };
  if (kinds.has('alcohol-treatment')) need.alcohol = { dependent: true, requiresAndSusceptible: true };
  else if (kinds.has('alcohol-abstinence-monitoring')) need.alcohol = { dependent: false, requiresAndSusceptible: need.alcohol?.requiresAndSusceptible ?? false };
  draft.order.offender = { ...draft.order.offender, need };
  if (kinds.has('alcohol-treatment') && draft.order.provision?.atrQualifiedProvider === false) draft.order.provision.atrQualifiedProvider = true;
}

/** Let requirements run for `months`, where the order type allows it. */
export function lengthen(draft: Draft, months: number): void {
  const { order, law } = draft;
  if (draft.limitMonths >= months) return;
  const s = order.sentence;
  if (s.type === 'suspended-sentence-order') {
    if (months > law.limit('sso.maxPeriodMonths')) return;
    s.operationalPeriodMonths = Math.max(s.operationalPeriodMonths ?? months, months);
    if (s.supervisionPeriodMonths !== undefined) s.supervisionPeriodMonths = months;
    s.endDate = plusMonths(order.sentenceDate, s.operationalPeriodMonths);
    draft.lengthMonths = s.operationalPeriodMonths;
  } else {
    if (months > law.limit(s.type === 'dtto' ? 'dtto.maxMonths' : 'communityOrder.maxMonths')) return;
    s.endDate = plusMonths(order.sentenceDate, months);
    draft.lengthMonths = months;
  }
  draft.limitMonths = months;
}

/**
 * The requirement of `kind` in the draft: the first there is, or a lawful one added at the end (with
 * the needs, age and length it calls for). Returns its index.
 */
export function requirementIndex(draft: Draft, kind: RequirementKind, picks: RequirementPicks): number {
  const found = draft.order.requirements.findIndex((r) => r.kind === kind);
  if (found >= 0) return found;
  if (kind === 'alcohol-treatment') removeKind(draft, 'alcohol-abstinence-monitoring');
  if (kind === 'alcohol-abstinence-monitoring') removeKind(draft, 'alcohol-treatment');
  lengthen(draft, minimumMonths(kind, draft.law));
  draft.order.requirements.push(lawfulRequirement(kind, picks, { law: draft.law, band: draft.band, limitMonths: draft.limitMonths }));
  satisfyNeeds(draft);
  return draft.order.requirements.length - 1;
}

/** The requirement of `kind`, added if need be, typed for editing. */
export function requirementOf<K extends RequirementKind>(draft: Draft, kind: K, picks: RequirementPicks): RequirementOf<K> {
  // Index first: adding may replace the requirements array.
  const index = requirementIndex(draft, kind, picks);
  return draft.order.requirements[index] as RequirementOf<K>;
}

export function removeKind(draft: Draft, kind: RequirementKind): void {
  draft.order.requirements = draft.order.requirements.filter((r: Requirement) => r.kind !== kind);
}

/** Make `band` the order's band: the latest offence takes it, no other offence is more serious. */
export function setBand(draft: Draft, band: Seriousness): void {
  draft.band = band;
  draft.order.offences = draft.order.offences.map((o, i) => ({
    ...o,
    seriousness: i === 0 ? band : SERIOUSNESS_BANDS[Math.min(BAND_RANK[o.seriousness], BAND_RANK[band]) - 1]!,
  }));
}

/** Turn the draft into a community order, keeping its length within the community order maximum. */
export function toCommunityOrder(draft: Draft): void {
  const { endDate } = draft.order.sentence;
  draft.order.sentence = { type: 'community-order', endDate };
}
