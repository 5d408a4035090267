import { INTENSITIES, SERIOUSNESS_BANDS } from '../../schema/primitives.js';
import { SentenceSchema } from '../../schema/order.js';
import { plusDays, plusMonths } from '../days.js';
import type { Draft } from '../draft.js';
import { requirementIndex, setBand, toCommunityOrder } from '../edit.js';
import { birthDateFor } from '../people.js';
import { above, below, place } from '../place.js';
import { KIND_ORDER } from '../requirements.js';
import { onRequirement, optionalMax, outside, type BreakPicks, type Breaker } from './kit.js';

/** Orders as a whole: age, requirements, length, suspended sentence terms, the punitive element, the DTTO. */
export const ORDER_BREAKERS: Readonly<Record<string, Breaker>> = {
  // CJA 2003 ss.177, 189; PCC(S)A 2000 s.52; Crime and Courts Act 2013 Sch. 16; proportionality guidance.
  OFFENDER_UNDER_18: {
    apply(draft, b) {
      const min = draft.order.sentence.type === 'dtto' ? draft.law.limit('dtto.minAge') : draft.law.limit('communityOrder.minAge');
      const age = below(b.p, min, 10);
      draft.age = age;
      draft.order.offender = { ...draft.order.offender, dateOfBirth: birthDateFor(age, draft.dates.conviction, b.birthday) };
      // Earlier offences must still follow the birth date.
      draft.order.offences = draft.order.offences.filter((o, i) => i === 0 || o.committedOn > draft.order.offender.dateOfBirth);
    },
  },
  NO_REQUIREMENTS: {
    when: (law) => law.communityOrders,
    apply(draft) {
      if (draft.order.sentence.type !== 'suspended-sentence-order' || !draft.law.is('sso.requirementsCompulsory')) toCommunityOrder(draft);
      draft.order.requirements = [];
    },
  },
  ORDER_TOO_LONG: {
    apply(draft, b) {
      const s = draft.order.sentence;
      const max = draft.law.limit(s.type === 'dtto' ? 'dtto.maxMonths' : s.type === 'suspended-sentence-order' ? 'sso.maxPeriodMonths' : 'communityOrder.maxMonths');
      // One day past the maximum is the likeliest: that is where a months-versus-days mistake shows.
      s.endDate = b.variant % 2 === 0 ? plusDays(plusMonths(draft.order.sentenceDate, max), 1 + place(b.p, 0, 27)) : plusMonths(draft.order.sentenceDate, above(b.p, max, max + 24));
    },
  },
  DTTO_NOT_AVAILABLE: {
    when: (law) => !law.dtto,
    apply(draft) {
      draft.order.sentence = { type: 'dtto', endDate: draft.order.sentence.endDate };
    },
  },
  SSO_TERM_OUT_OF_RANGE: {
    when: (law) => law.communityOrders,
    apply(draft, b) {
      const s = toSuspended(draft, b);
      const lo = draft.law.limit('sso.minCustodialWeeks');
      const hi = draft.law.limit('sso.maxCustodialWeeks');
      // Whole weeks short (the schema wants a positive term), half a week short, or too long.
      if (b.variant % 3 === 0 && lo > 1) s.custodialTermWeeks = below(b.p, lo, 1);
      else if (b.variant % 3 === 1 && lo > 0.5) s.custodialTermWeeks = lo - 0.5;
      else s.custodialTermWeeks = above(b.p, hi, optionalMax(SentenceSchema.shape.custodialTermWeeks));
    },
  },
  SSO_PERIOD_OUT_OF_RANGE: {
    when: (law) => law.communityOrders,
    apply(draft, b) {
      const s = toSuspended(draft, b);
      const lo = draft.law.limit('sso.minPeriodMonths');
      const hi = draft.law.limit('sso.maxPeriodMonths');
      const max = optionalMax(SentenceSchema.shape.operationalPeriodMonths);
      const operational = s.operationalPeriodMonths!;
      if (b.variant % 3 === 0) s.operationalPeriodMonths = outside(b, lo, hi, 0, max);
      else if (b.variant % 3 === 1) s.supervisionPeriodMonths = outside(b, lo, hi, 0, max);
      // A supervision period longer than the operational period it sits in.
      else if (operational < hi) s.supervisionPeriodMonths = above(b.p, operational, hi);
      else s.supervisionPeriodMonths = above(b.p, hi, max);
    },
  },
  // No punitive requirement, fine or exception recorded: at the proposal stage the court may yet add a fine.
  PUNITIVE_ELEMENT_MISSING: {
    stage: 'sentence',
    when: (law) => law.communityOrders && law.is('order.punitiveElementRequired') && KIND_ORDER.some((k) => law.available(k) && !law.punitive(k)),
    apply(draft, b) {
      toCommunityOrder(draft);
      const { law } = draft;
      draft.order.requirements = draft.order.requirements.filter((r) => !law.punitive(r.kind));
      if (draft.order.requirements.length === 0) {
        const kinds = KIND_ORDER.filter((k) => law.available(k) && !law.punitive(k));
        requirementIndex(draft, kinds[b.variant % kinds.length]!, b.requirement);
      }
    },
  },
  DRR_INTENSITY_EXCEEDS_SERIOUSNESS: onRequirement(
    'drug-rehabilitation',
    (r, draft, b) => {
      const bands = SERIOUSNESS_BANDS.filter((band) => (draft.law.maxIntensityRank(band) ?? INTENSITIES.length) < INTENSITIES.length);
      const band = bands[b.variant % bands.length]!;
      setBand(draft, band);
      r.intensity = INTENSITIES[above(b.q, draft.law.maxIntensityRank(band)!, INTENSITIES.length) - 1]!;
    },
    (law) => SERIOUSNESS_BANDS.some((band) => (law.maxIntensityRank(band) ?? INTENSITIES.length) < INTENSITIES.length),
  ),
};

/** Make the draft a suspended sentence order whose every other term is lawful. */
function toSuspended(draft: Draft, b: BreakPicks) {
  const { law } = draft;
  const s = draft.order.sentence;
  if (s.type === 'suspended-sentence-order') return s;
  const operational = place(b.q, Math.max(law.limit('sso.minPeriodMonths'), Math.min(draft.limitMonths, law.limit('sso.maxPeriodMonths'))), law.limit('sso.maxPeriodMonths'));
  draft.order.sentence = {
    type: 'suspended-sentence-order',
    endDate: plusMonths(draft.order.sentenceDate, operational),
    custodialTermWeeks: place(b.q, law.limit('sso.minCustodialWeeks'), law.limit('sso.maxCustodialWeeks')),
    operationalPeriodMonths: operational,
  };
  draft.lengthMonths = operational;
  draft.limitMonths = operational;
  setBand(draft, 'custody');
  for (const r of draft.order.requirements) if ('months' in r && r.months > operational) r.months = operational;
  return draft.order.sentence;
}
