import { confidenceOfTag, weakest, type Confidence } from './confidence.js';
import { valueOn, type KeyDate, type KeyDates, type ParameterDefinition, type ParameterKeyDate, type ParameterTable, type ParameterValue } from './parameters.js';

export interface ResolvedParameter {
  readonly value: ParameterValue;
  readonly source: string;
  readonly confidence: Confidence;
  /**
   * Which of the case's dates decided the value. The date itself is not kept: resolutions are
   * shared by every case of the same legal epoch, whose dates differ.
   */
  readonly decidedBy: ParameterKeyDate;
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
  /** How many legal epochs are resolved and kept now (at most RESOLVED_EPOCHS_KEPT). */
  readonly cachedEpochs: number;
}

const KEYS: readonly KeyDate[] = ['offence', 'conviction', 'sentence'];

/**
 * Legal epochs kept resolved. The bundled law has a few dozen; a caller's daily override series can
 * make every case its own epoch, and an unbounded cache would then grow with the caseload. Past
 * this many, the least recently used is dropped (and resolved again if it comes back).
 */
export const RESOLVED_EPOCHS_KEPT = 512;
const NOT_IN_FORCE = 'Not in force on this date';

export function createResolver(table: ParameterTable): ParameterResolver {
  // Every change point of every key: whether the keying matters for a case depends on where each of
  // its dates falls against all of them, not only against the points of its own key.
  const points = new Set<string>();
  for (const def of Object.values(table)) for (const v of def.values) points.add(v.from);
  const changePoints = [...points].sort();
  // Each epoch carries the time it was last used: marking one used is a write, not a delete and a
  // set of the map (which churned its table for every case of another epoch than the last).
  const cache = new Map<number, { readonly resolved: ResolvedParameters; used: number }>();
  let clock = 0;
  // Each date's position is 0..changePoints.length: the three positions make one number, not a string per case.
  const base = changePoints.length + 1;

  // The epoch resolved last: a run of cases from one epoch (a caseload sorted by date) skips the LRU bookkeeping.
  let lastSignature = -1;
  let last: ResolvedParameters | undefined;

  return {
    table,
    resolve(dates) {
      const signature =
        (countAtOrBefore(changePoints, dates.offence) * base + countAtOrBefore(changePoints, dates.conviction)) * base +
        countAtOrBefore(changePoints, dates.sentence);
      // Still the most recently used: its stamp is already the newest.
      if (signature === lastSignature) return last!;
      let kept = cache.get(signature);
      if (!kept) {
        kept = { resolved: resolveAll(table, dates), used: 0 };
        if (cache.size >= RESOLVED_EPOCHS_KEPT) cache.delete(leastRecentlyUsed(cache));
        cache.set(signature, kept);
      }
      kept.used = ++clock;
      lastSignature = signature;
      last = kept.resolved;
      return kept.resolved;
    },
    get cachedEpochs() {
      return cache.size;
    },
  };
}

/** The epoch used longest ago: a walk over the kept epochs, made only when one must be dropped. */
function leastRecentlyUsed(cache: ReadonlyMap<number, { readonly used: number }>): number {
  let oldest = -1;
  let oldestUsed = Infinity;
  for (const [signature, { used }] of cache) {
    if (used < oldestUsed) {
      oldest = signature;
      oldestUsed = used;
    }
  }
  return oldest;
}

/** The value a series would give on `date` if every one of its changes keyed on that one date. */
function valueIfKeyedOn(definition: ParameterDefinition, date: string): ParameterValue {
  const { values } = definition;
  for (let i = values.length - 1; i >= 0; i--) if (date >= values[i]!.from) return values[i]!.value;
  return null;
}

/**
 * Whether the date a series keys on decides this case: it does when keying every change on the
 * offence, conviction or sentence date would give some other value. Cases whose dates all fall
 * between the same two changes get the same value whatever the keying, so an unsure keying
 * (`keyingConfidence`) says nothing about them and must not lower their findings.
 */
function keyingDecides(definition: ParameterDefinition, dates: KeyDates, chosen: ParameterValue): boolean {
  return KEYS.some((k) => valueIfKeyedOn(definition, dates[k]) !== chosen);
}

function resolveAll(table: ParameterTable, dates: KeyDates): ResolvedParameters {
  const out: Record<string, ResolvedParameter> = {};
  for (const [name, def] of Object.entries(table)) {
    const v = valueOn(def, dates);
    const value = v?.value ?? null;
    const keying = def.keyingConfidence && keyingDecides(def, dates, value) ? confidenceOfTag(def.keyingConfidence) : 'verified';
    const decidedBy = v?.keyedOn ?? def.keyedOn;
    out[name] = Object.freeze(
      v
        ? { value, source: v.source, confidence: weakest(confidenceOfTag(v.confidence), keying), decidedBy }
        : { value: null, source: NOT_IN_FORCE, confidence: keying, decidedBy },
    );
  }
  const resolved = Object.freeze(out);
  tables.set(resolved, table);
  return resolved;
}

const tables = new WeakMap<ResolvedParameters, ParameterTable>();

/**
 * The table a resolution was read from: the timescale facts read an event-keyed parameter (a
 * national standard) on each event's own date, which the case-level resolution cannot give.
 */
export function tableOf(resolved: ResolvedParameters): ParameterTable | undefined {
  return tables.get(resolved);
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
