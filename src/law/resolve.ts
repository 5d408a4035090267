import { confidenceOfTag, weakest, type Confidence } from './confidence.js';
import { valueOn, type KeyDate, type KeyDates, type ParameterTable, type ParameterValue } from './parameters.js';

export interface ResolvedParameter {
  readonly value: ParameterValue;
  readonly source: string;
  readonly confidence: Confidence;
  /** The date kind and date that decided the value (the SPEC's "date that decides each dated value"). */
  readonly decidedBy: KeyDate;
  readonly date: string;
}

export type ResolvedParameters = Readonly<Record<string, ResolvedParameter>>;

/**
 * Looks parameters up for a case. Cases whose dates fall between the same change points get the
 * same values, so results are cached by that position: a caseload of thousands of orders resolves
 * each legal epoch once.
 */
export interface ParameterResolver {
  readonly table: ParameterTable;
  resolve(dates: KeyDates): ResolvedParameters;
}

const KEYS: readonly KeyDate[] = ['offence', 'conviction', 'sentence'];
const NOT_IN_FORCE = 'Not in force on this date';

export function createResolver(table: ParameterTable): ParameterResolver {
  const changePoints: Record<KeyDate, string[]> = { offence: [], conviction: [], sentence: [] };
  for (const def of Object.values(table)) {
    for (const v of def.values) changePoints[v.keyedOn ?? def.keyedOn].push(v.from);
  }
  for (const k of KEYS) changePoints[k] = [...new Set(changePoints[k])].sort();
  const cache = new Map<string, ResolvedParameters>();

  return {
    table,
    resolve(dates) {
      const signature = KEYS.map((k) => countAtOrBefore(changePoints[k], dates[k])).join('|');
      let resolved = cache.get(signature);
      if (!resolved) {
        resolved = resolveAll(table, dates);
        cache.set(signature, resolved);
      }
      return resolved;
    },
  };
}

function resolveAll(table: ParameterTable, dates: KeyDates): ResolvedParameters {
  const out: Record<string, ResolvedParameter> = {};
  for (const [name, def] of Object.entries(table)) {
    const v = valueOn(def, dates);
    const keying = def.keyingConfidence ? confidenceOfTag(def.keyingConfidence) : 'verified';
    const decidedBy = v?.keyedOn ?? def.keyedOn;
    out[name] = Object.freeze(
      v
        ? { value: v.value, source: v.source, confidence: weakest(confidenceOfTag(v.confidence), keying), decidedBy, date: dates[decidedBy] }
        : { value: null, source: NOT_IN_FORCE, confidence: keying, decidedBy, date: dates[decidedBy] },
    );
  }
  return Object.freeze(out);
}

/** Binary search: how many sorted dates are on or before `date`. */
function countAtOrBefore(sorted: readonly string[], date: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
