import type { ProposedOrderInput } from '../../src/index.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';

export type Order = ProposedOrderInput;
export type Requirement = Order['requirements'][number];
export type RequirementOf<K extends Requirement['kind']> = Extract<Requirement, { kind: K }>;
export type CaseDates = { readonly offence: string; readonly conviction: string; readonly sentence: string };

/** `iso` moved by whole days (UTC, so no clock change moves it). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `iso` moved by whole calendar months, kept to the last day of a shorter month (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A date of birth that makes the offender exactly `years` old on `on` (their birthday that day). */
export const bornYearsBefore = (on: string, years: number): string => `${Number(on.slice(0, 4)) - years}${on.slice(4)}`;

/** The lawful 2005-law order (DRR at 0, supervision at 1), changed by `change`. */
export function cja(change: (o: Order) => void = () => {}): Order {
  const o = clone(lawfulMediumDrr());
  change(o);
  return o;
}

/** The lawful Sentencing Code order (convicted 2023: DRR at 0, RAR at 1, unpaid work at 2), changed by `change`. */
export function code(change: (o: Order) => void = () => {}): Order {
  const o = clone(lawfulCodeDrr());
  change(o);
  return o;
}

/** The same order with its case dates moved; the order keeps its length (18 months) from the new sentence date. */
export function onDates(o: Order, dates: CaseDates, lengthMonths = 18): Order {
  const out = clone(o);
  out.offences = out.offences.map((f) => ({ ...f, committedOn: dates.offence }));
  out.convictionDate = dates.conviction;
  out.sentenceDate = dates.sentence;
  out.sentence = { ...out.sentence, endDate: addMonths(dates.sentence, lengthMonths) };
  return out;
}

export const drugNeed = { dependentOrPropensity: true, requiresAndSusceptible: true } as const;
export const alcoholNeed = { dependent: true, requiresAndSusceptible: true } as const;

/** The lawful medium DRR of test/support/orders.ts, so both fixtures describe the same requirement. */
export const DRR = lawfulMediumDrr().requirements[0] as RequirementOf<'drug-rehabilitation'>;
export const ATR: RequirementOf<'alcohol-treatment'> = {
  kind: 'alcohol-treatment',
  months: 9,
  setting: 'practitioner-based',
  director: { name: 'Dr Alcohol Team Lead', qualified: true },
  offenderWilling: true,
};
export const UPW = (hours: number): Requirement => ({ kind: 'unpaid-work', hours });
export const CURFEW = (hoursPerDay: number, months: number): Requirement => ({ kind: 'curfew', hoursPerDay, months, electronicMonitoring: true });
export const EXCLUSION = (months: number): Requirement => ({ kind: 'exclusion', months, electronicMonitoring: true });
export const ACTIVITY = (days: number): Requirement => ({ kind: 'activity', days });
export const PROGRAMME = (days: number | undefined, recommendedByOfficer = true): Requirement =>
  days === undefined ? { kind: 'programme', programme: 'ASRO', recommendedByOfficer } : { kind: 'programme', programme: 'ASRO', days, recommendedByOfficer };
export const ATTENDANCE = (hours: number): Requirement => ({ kind: 'attendance-centre', hours });
export const AAMR = (days: number): Requirement => ({ kind: 'alcohol-abstinence-monitoring', days });
export const FTPR = (months: number): Requirement => ({ kind: 'foreign-travel-prohibition', months });
export const MHT: RequirementOf<'mental-health-treatment'> = { kind: 'mental-health-treatment', treatment: 'non-resident', offenderWilling: true };

/** Replace the requirements; the offender's need follows, so the treatment conditions the order does not test hold. */
export function withRequirements(o: Order, requirements: Requirement[]): Order {
  const out = clone(o);
  out.requirements = requirements;
  return out;
}

/** An order whose only treatment is an ATR (at 0) with supervision (2005 law), for a dependent offender. */
export function cjaAtr(change: (o: Order, atr: RequirementOf<'alcohol-treatment'>) => void = () => {}): Order {
  return cja((o) => {
    o.offender.need = { alcohol: { ...alcoholNeed } };
    o.offender.assessment = { oasys: { drugMisuse: 0, alcoholMisuse: 8 } };
    const atr = clone(ATR);
    o.requirements = [atr, { kind: 'supervision' }];
    change(o, atr);
  });
}

/** The DRR of an order built from these fixtures (always at 0). */
export const drrOf = (o: Order) => o.requirements[0] as RequirementOf<'drug-rehabilitation'>;

/** A suspended sentence order under the 2005 law: 40 weeks suspended for 18 months, supervision 12 months. */
export function cjaSso(change: (o: Order) => void = () => {}): Order {
  return cja((o) => {
    o.sentence = { type: 'suspended-sentence-order', endDate: '2007-09-01', custodialTermWeeks: 40, operationalPeriodMonths: 18, supervisionPeriodMonths: 12 };
    change(o);
  });
}

/** A DTTO for an offence in 2003, convicted and sentenced that year, running a year. */
export function dtto(change: (o: Order) => void = () => {}): Order {
  return cja((o) => {
    o.offences = [{ committedOn: '2003-06-10', seriousness: 'medium', imprisonable: true }];
    o.convictionDate = '2003-08-01';
    o.sentenceDate = '2003-09-01';
    o.sentence = { type: 'dtto', endDate: '2004-09-01' };
    o.requirements = [];
    change(o);
  });
}
