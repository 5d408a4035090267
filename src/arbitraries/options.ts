import { DATE_RANGE, isIsoDate } from '../schema/primitives.js';
import { REGIME_IDS, type RegimeId } from '../law/regimes.js';

/** What a caller may pin. Dates bound the case's key dates: every offence, the conviction and the sentence. */
export interface ArbitraryOptions {
  /** Only cases whose dates put them under this regime. */
  readonly regime?: RegimeId;
  /** Earliest case date, YYYY-MM-DD. */
  readonly from?: string;
  /** Latest case date, YYYY-MM-DD. */
  readonly to?: string;
}

/**
 * Cases from 2003 (the last DTTOs, then the 2005 switch to community orders) to 2026: every regime
 * and every change in the law the library knows, with no date too far from today to be realistic.
 */
export const DEFAULT_RANGE = { from: '2003-01-01', to: '2026-12-31' } as const;

/** Case dates stop six years short of the schema's last date, leaving room for the order's end and its events. */
export const LATEST_CASE_DATE = `${Number(DATE_RANGE.to.slice(0, 4)) - 6}-12-31`;

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Check the options once, when the arbitrary is built, so a typo fails loudly instead of generating nothing. */
export function rangeOf(options: ArbitraryOptions): DateRange {
  const from = options.from ?? DEFAULT_RANGE.from;
  const to = options.to ?? DEFAULT_RANGE.to;
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(value) || value < DATE_RANGE.from || value > LATEST_CASE_DATE)
      throw new RangeError(`Option ${name} must be a real date YYYY-MM-DD between ${DATE_RANGE.from} and ${LATEST_CASE_DATE}, got ${JSON.stringify(value)}`);
  }
  if (from > to) throw new RangeError(`Option from (${from}) is after to (${to})`);
  if (options.regime !== undefined && !REGIME_IDS.includes(options.regime))
    throw new RangeError(`Unknown regime ${JSON.stringify(options.regime)}; expected one of ${REGIME_IDS.join(', ')}`);
  return { from, to };
}
