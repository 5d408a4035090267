import { BUNDLED_PARAMETERS } from '../engine/bundled.js';
import type { KeyDates, ParameterValue } from '../law/parameters.js';
import { REGIMES, regimeFor, type RegimeId } from '../law/regimes.js';
import { createResolver, type ResolvedParameters } from '../law/resolve.js';
import type { RequirementKind } from '../schema/requirements.js';
import type { Seriousness } from '../schema/primitives.js';

const resolver = createResolver(BUNDLED_PARAMETERS);

/**
 * The law in force for one set of case dates, read from the bundled parameter table, so that the
 * arbitraries follow the law when a rule file changes instead of repeating its figures.
 */
export class Law {
  readonly regime: RegimeId;
  private readonly params: ResolvedParameters;

  /** `dates` may be any dates in the same epochs: the law is the same for all of them. */
  constructor(dates: KeyDates) {
    this.params = resolver.resolve(dates);
    this.regime = regimeFor(dates).id;
  }

  private readonly cache = new Map<string, ParameterValue>();

  value(name: string): ParameterValue {
    let v = this.cache.get(name);
    if (v === undefined) {
      v = this.params[name]?.value ?? null;
      this.cache.set(name, v);
    }
    return v;
  }

  /** A numeric parameter, or null where the law has no such limit on these dates. */
  num(name: string): number | null {
    const v = this.value(name);
    return typeof v === 'number' ? v : null;
  }

  /**
   * A numeric limit: the one in force, or where the law sets none on these dates (a requirement not
   * yet available), the series' first figure, so that a requirement generated out of its regime
   * still looks like one the law once or later allowed.
   */
  limit(name: string): number {
    const inForce = this.num(name);
    if (inForce !== null) return inForce;
    const first = BUNDLED_PARAMETERS[name]?.values.find((v) => typeof v.value === 'number');
    if (!first) throw new Error(`The parameter table has no numeric value for ${name}`);
    return first.value as number;
  }

  is(name: string): boolean {
    return this.value(name) === true;
  }

  /** Community orders and suspended sentence orders exist (CJA 2003 cases). */
  get communityOrders(): boolean {
    return this.is('communityOrder.available');
  }

  get dtto(): boolean {
    return this.is('dtto.available');
  }

  private readonly kinds = new Map<RequirementKind, { available: boolean; punitive: boolean }>();

  private kind(kind: RequirementKind) {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { available: this.communityOrders && this.is(`availability.${kind}`), punitive: this.is(`punitive.${kind}`) };
      this.kinds.set(kind, k);
    }
    return k;
  }

  /** The requirement exists under this law, exactly as the availability rule reads it. */
  available(kind: RequirementKind): boolean {
    return this.kind(kind).available;
  }

  /** A kind the sentencer may treat as the punitive element (CJA 2003 s.177(2A)). */
  punitive(kind: RequirementKind): boolean {
    return this.kind(kind).punitive;
  }

  /** Highest DRR intensity rank proportionate to a band (1 low, 2 medium, 3 high), or null before the guidance. */
  maxIntensityRank(band: Seriousness): number | null {
    return this.num(`drr.maxIntensityRank.${band}`);
  }
}

/**
 * Every date on which some parameter or regime changes. Between two of them the law is the same
 * for every date, so a handful of epochs covers all the law there is, and the days either side of
 * each change are where a mistake in applying it shows.
 */
export function changePoints(): readonly string[] {
  const points = new Set<string>(REGIMES.map((r) => r.startsOn));
  for (const def of Object.values(BUNDLED_PARAMETERS)) for (const v of def.values) points.add(v.from);
  return [...points].sort();
}

/** The first date a boolean parameter turns true (the DTTO's first offence date, say), read from the table. */
export function firstTrueFrom(name: string): string | null {
  return BUNDLED_PARAMETERS[name]?.values.find((v) => v.value === true)?.from ?? null;
}
