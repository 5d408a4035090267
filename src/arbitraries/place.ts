import fc from 'fast-check';

/**
 * Where to put a value inside a range, chosen before the range is known. Generators first pick
 * case dates, then read the law's limits for them; a pick made up front can then be placed inside
 * (or beyond) those limits by a plain `.map`, which keeps shrinking simple.
 *
 * Picks lean on the ends of a range: an off-by-one at a statutory limit is the commonest mistake in
 * code that applies one, and uniform values almost never land on the limit itself.
 */
export type Pick = { readonly end: 'low' | 'high'; readonly steps: number } | { readonly fraction: number };

const FRACTION_SCALE = 1_000_000;

/** Shrinks to the low end of a range: the smallest value is the most readable counterexample. */
export const pick: fc.Arbitrary<Pick> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ end: fc.constantFrom('low' as const, 'high' as const), steps: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ fraction: fc.integer({ min: 0, max: FRACTION_SCALE - 1 }) }) },
);

/** An integer in [lo, hi] (lo when the range is empty or inverted). */
export function place(p: Pick, lo: number, hi: number): number {
  const low = Math.ceil(lo);
  const high = Math.floor(hi);
  if (high <= low) return low;
  if ('end' in p) return p.end === 'low' ? Math.min(low + p.steps, high) : Math.max(high - p.steps, low);
  return low + Math.floor((p.fraction / FRACTION_SCALE) * (high - low + 1));
}

/** An integer just past `limit` upwards, up to `max` (the schema's bound): `limit + 1` is the likeliest. */
export const above = (p: Pick, limit: number, max: number): number => place(p, Math.floor(limit) + 1, max);

/** An integer just under `limit`, down to `min`: `limit - 1` is the likeliest. */
export const below = (p: Pick, limit: number, min: number): number => {
  const hi = Math.ceil(limit) - 1;
  // Reflect the pick so that `steps: 0` at either end still means "closest to the limit".
  const flipped: Pick = 'end' in p ? { end: p.end === 'low' ? 'high' : 'low', steps: p.steps } : p;
  return place(flipped, min, hi);
};
