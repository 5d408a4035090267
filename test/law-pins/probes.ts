import type { Order, Requirement } from '../codes/fixtures.js';
import { AAMR, ACTIVITY, ATR, ATTENDANCE, CURFEW, DRR, EXCLUSION, FTPR, UPW, addMonths, bornYearsBefore, cja, onDates } from '../codes/fixtures.js';

/**
 * How to give a fact a value in an input order: the only hand-written part of the generated pins.
 * Which rule reads which parameter, against which fact and with which operator, is read from the packs.
 * `step` is the least change of the fact an input can make (weekly curfew hours move by 7: hours a day x 7).
 */
export interface Probe {
  readonly set: (order: Order, value: number) => void;
  readonly step?: number;
  /** The values an input can give the fact, where it is a rank with few values. */
  readonly range?: readonly [number, number];
}

const lastRequirement = (o: Order) => o.requirements[o.requirements.length - 1] as Record<string, unknown>;
const ssoSentence = (o: Order) => {
  if (o.sentence.type !== 'suspended-sentence-order') throw new Error('an sso.* fact needs a suspended sentence order');
  return o.sentence;
};

function ssoPeriods(o: Order, months: number) {
  const s = ssoSentence(o);
  s.operationalPeriodMonths = months;
  s.supervisionPeriodMonths = months;
  s.endDate = addMonths(o.sentenceDate, months);
}

export const PROBES: Readonly<Record<string, Probe>> = {
  'requirement.hours': { set: (o, v) => void (lastRequirement(o).hours = v) },
  'requirement.days': { set: (o, v) => void (lastRequirement(o).days = v) },
  'requirement.months': { set: (o, v) => void (lastRequirement(o).months = v) },
  'requirement.hoursPerDay': { set: (o, v) => void (lastRequirement(o).hoursPerDay = v) },
  'requirement.hoursPerWeek': { set: (o, v) => void (lastRequirement(o).hoursPerDay = v / 7), step: 7 },
  'requirement.testsPerWeek': { set: (o, v) => void (lastRequirement(o).testsPerWeek = v) },
  'requirement.reviewIntervalWeeks': { set: (o, v) => void (lastRequirement(o).reviewIntervalWeeks = v) },
  'requirement.reviewIntervalMonths': { set: (o, v) => void (lastRequirement(o).reviewIntervalMonths = v) },
  'requirement.reviewIntervalWholeMonths': { set: (o, v) => void (lastRequirement(o).reviewIntervalMonths = v) },
  'order.lengthMonths': { set: (o, v) => void (o.sentence = { ...o.sentence, endDate: addMonths(o.sentenceDate, v) }) },
  'requirement.intensityRank': { set: (o, v) => void (lastRequirement(o).intensity = (['low', 'medium', 'high'] as const)[v - 1]!), range: [1, 3] },
  'order.bandRank': { range: [1, 4], set: (o, v) => void (o.offences[0]!.seriousness = (['low', 'medium', 'high', 'custody'] as const)[v - 1]!) },
  'sso.custodialTermWeeks': { set: (o, v) => void (ssoSentence(o).custodialTermWeeks = v) },
  // Both periods move together: a supervision period longer than the operational period is another breach of the same code.
  'sso.operationalPeriodMonths': { set: (o, v) => ssoPeriods(o, v) },
  'sso.supervisionPeriodMonths': { set: (o, v) => ssoPeriods(o, v) },
  'offender.ageAtConviction': { set: (o, v) => void (o.offender.dateOfBirth = bornYearsBefore(o.convictionDate, v)) },
  'assessment.ogrsPercent': { set: (o, v) => void (o.offender.assessment = { ...o.offender.assessment, ogrsPercent: v }) },
  'assessment.oasys.drugMisuse': { set: (o, v) => void (o.offender.assessment = { ...o.offender.assessment, oasys: { drugMisuse: v, alcoholMisuse: 0 } }) },
  'assessment.oasys.alcoholMisuse': { set: (o, v) => void (o.offender.assessment = { ...o.offender.assessment, oasys: { drugMisuse: 0, alcoholMisuse: v } }) },
};

/** A requirement of each kind a requirement-scope pack reads, well inside every limit. */
export const REQUIREMENT_OF: Readonly<Record<string, () => Requirement>> = {
  'unpaid-work': () => UPW(100),
  activity: () => ACTIVITY(20),
  curfew: () => CURFEW(8, 3),
  exclusion: () => EXCLUSION(3),
  'attendance-centre': () => ATTENDANCE(20),
  'alcohol-abstinence-monitoring': () => AAMR(30),
  'foreign-travel-prohibition': () => FTPR(3),
  'drug-rehabilitation': () => structuredClone(DRR),
  'alcohol-treatment': () => structuredClone(ATR),
};

/**
 * The order a probe starts from: the lawful 2005-law order with every case date on `day` (so the value in
 * force that day applies whatever date a parameter keys on), of the order type the rule asks for, carrying
 * `requirement` last when the rule is about one, or unpaid work alone (no treatment) when it is not.
 */
export function baseOrder(day: string, orderType: string | undefined, requirement: Requirement | undefined): Order {
  const o = onDates(cja(), { offence: day, conviction: day, sentence: day }, 12);
  o.offender.dateOfBirth = bornYearsBefore(day, 30);
  o.requirements = requirement ? [requirement] : [UPW(100)];
  if (orderType === 'suspended-sentence-order') {
    o.sentence = { type: 'suspended-sentence-order', endDate: addMonths(day, 12), custodialTermWeeks: 40, operationalPeriodMonths: 12, supervisionPeriodMonths: 12 };
  } else if (orderType === 'dtto') {
    o.sentence = { type: 'dtto', endDate: addMonths(day, 12) };
    o.requirements = [];
  }
  return o;
}

/**
 * What a rule needs besides its comparison, where the base order does not give it: the rule's other
 * conditions, read from its pack. Without it the probe would be judged by a sibling rule of the same code.
 */
export const CONTEXT: Readonly<Record<string, (o: Order) => void>> = {
  // The reduced testing standard applies to a residential (or low band) DRR; the full one to the rest.
  'DRUG_TESTING_BELOW_STANDARD:proposed-reduced': (o) => void (lastRequirement(o).setting = 'residential'),
};

/**
 * A parameter a rule reads by the case's band or tier (`param.bandRange.unpaidWorkMaxHours` is
 * `bandRange.unpaidWorkMaxHours.<band>`): the suffixes, and how to put an order in each.
 */
export const KEYED_BY: readonly { readonly suffix: string; readonly set: (o: Order) => void }[] = [
  ...(['low', 'medium', 'high', 'custody'] as const).map((band) => ({ suffix: band, set: (o: Order) => void (o.offences[0]!.seriousness = band) })),
  ...([1, 2, 3, 4] as const).map((tier) => ({ suffix: String(tier), set: (o: Order) => void (o.offender.omTier = tier) })),
];
