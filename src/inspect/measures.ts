import type { FactValue } from '../facts/types.js';
import { hasCode, type Observation } from './observation.js';

/**
 * The inspection's rates, each reproducing a paragraph of HM Inspectorate of Probation, 'Half Full
 * and Half Empty' (2006). A rate is a count of orders over a count of orders; both are read from the
 * validator's result (its findings) or from the facts its rules were given, never re-judged here.
 */
export interface Measure {
  readonly id: string;
  readonly title: string;
  /** A column heading. */
  readonly short: string;
  /** The paragraph of the 2006 report it reproduces. */
  readonly paragraph: string;
  /** Who is counted: the denominator, in words. */
  readonly of: string;
  /** Where the measure cannot be quite the inspection's, how it differs. */
  readonly differs?: string;
  /** The inspection's own figure across its seven areas, where it gives one as a number. */
  readonly national?: { readonly rate: number; readonly text: string };
  /** In the denominator? */
  readonly counts: (o: Observation) => boolean;
  /** In the numerator (asked only of orders counted)? */
  readonly meets: (o: Observation) => boolean;
}

const num = (v: FactValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** A score at or above its threshold parameter (the parameter in force for the case, as the rules read it). */
const atOrAbove = (o: Observation, score: string, threshold: string): boolean => {
  const s = num(o.case.fact(score));
  const t = num(o.case.fact(threshold));
  return s !== null && t !== null && s >= t;
};
const drugScore = (o: Observation) => atOrAbove(o, 'assessment.oasys.drugMisuse', 'param.assessment.oasysDrugThreshold');
const alcoholScore = (o: Observation) => atOrAbove(o, 'assessment.oasys.alcoholMisuse', 'param.assessment.oasysAlcoholThreshold');
const subsample = (o: Observation) => drugScore(o) || alcoholScore(o);
const hasKind = (o: Observation, kind: string) => o.result.requirements.some((r) => r.kind === kind);
const everyOrder = () => true;

export const MEASURES: readonly Measure[] = [
  {
    id: 'oasys-drugs',
    short: 'OASys drugs',
    title: 'OASys drug misuse score at or above the threshold',
    paragraph: '4.3',
    of: 'all orders',
    national: { rate: 0.21, text: '21% of the main sample' },
    counts: everyOrder,
    meets: drugScore,
  },
  {
    id: 'oasys-alcohol',
    short: 'OASys alcohol',
    title: 'OASys alcohol misuse score at or above the threshold',
    paragraph: '4.3',
    of: 'all orders',
    national: { rate: 0.38, text: '38% of the main sample' },
    counts: everyOrder,
    meets: alcoholScore,
  },
  {
    id: 'oasys-either',
    short: 'OASys either',
    title: 'OASys drug or alcohol score at or above the threshold (the substance misuse subsample)',
    paragraph: '4.3',
    of: 'all orders',
    national: { rate: 0.5, text: '50% of the main sample' },
    counts: everyOrder,
    meets: subsample,
  },
  {
    id: 'need-unaddressed',
    short: 'Need unaddressed',
    title: 'Substance misuse need with no requirement addressing it',
    paragraph: '5.15',
    of: 'orders in the substance misuse subsample',
    national: { rate: 0.28, text: '28% of the substance misuse subsample (no supervision plan objective)' },
    differs: 'the inspection counted a problem with no supervision plan objective; an order carries no supervision plan, so this counts the nearest it shows, a need with no requirement addressing it',
    counts: subsample,
    meets: (o) => hasCode(o.result, 'DRUG_NEED_UNADDRESSED') || hasCode(o.result, 'ALCOHOL_NEED_UNADDRESSED'),
  },
  {
    id: 'no-om-tier',
    short: 'No OM tier',
    title: 'No offender management tier recorded',
    paragraph: '5.17',
    of: 'orders under the CJA 2003 or later law (the offender management model)',
    national: { rate: 0.15, text: '15% of the relevant cases' },
    counts: (o) => o.result.regime.id !== 'pcc-s-a-2000',
    meets: (o) => o.case.fact('offender.omTier') === null,
  },
  {
    id: 'standalone-drr',
    short: 'Stand-alone DRR',
    title: 'Stand-alone DRRs (no supervision or rehabilitation activity requirement)',
    paragraph: '4.15',
    of: 'orders with a DRR',
    national: { rate: 0.12, text: '12% of DRRs made April 2005 to January 2006 (NPD figures)' },
    counts: (o) => hasKind(o, 'drug-rehabilitation'),
    meets: (o) => hasCode(o.result, 'STANDALONE_DRR'),
  },
  {
    id: 'atr-no-qualified-provider',
    short: 'ATR, no qualified provider',
    title: 'ATRs where the area has no qualified provider',
    paragraph: '4.12, 5.3',
    of: 'orders with an ATR',
    counts: (o) => hasKind(o, 'alcohol-treatment'),
    meets: (o) => o.case.fact('provision.atrQualifiedProvider') === false,
  },
];

/** The DRR intensity against seriousness table of para 4.13. */
export const INTENSITY_TABLE = {
  paragraph: '4.13',
  title: 'DRR intensity against offence seriousness',
  intensities: ['low', 'medium', 'high'],
  bands: ['low', 'medium', 'high', 'custody'],
  /** The finding that marks a cell disproportionate: the rules' own verdict, per requirement. */
  code: 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS',
} as const;
