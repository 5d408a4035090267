import fc from 'fast-check';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import type { KeyDates } from '../../src/law/parameters.js';
import { REGIMES, ROLLOUTS } from '../../src/law/regimes.js';

export const FIRST_DAY = '1998-01-01';
export const LAST_DAY = '2026-12-31';

const MS_PER_DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
export const isoOfDay = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

/** Every calendar day from the first to the last, in order. */
export function everyDay(first = FIRST_DAY, last = LAST_DAY): string[] {
  const out: string[] = [];
  for (let n = dayNumber(first); n <= dayNumber(last); n++) out.push(isoOfDay(n));
  return out;
}

/** The days on which some parameter, regime or roll-out changes: where a mistake in applying the law shows. */
export const CHANGE_DAYS: readonly string[] = [
  ...new Set([
    ...REGIMES.map((r) => r.startsOn),
    ...ROLLOUTS.map((r) => r.from),
    ...Object.values(BUNDLED_PARAMETERS).flatMap((d) => d.values.map((v) => v.from)),
  ]),
]
  .filter((d) => d >= FIRST_DAY && d <= LAST_DAY)
  .sort();

const first = dayNumber(FIRST_DAY);
const last = dayNumber(LAST_DAY);
const clampDay = (n: number) => Math.min(last, Math.max(first, n));

/** Offence, conviction and sentence dates in order (each may equal the next), anywhere in the range. */
const anywhere = fc
  .tuple(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last }))
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number]);

/** Ordered dates clustered around one change, so the offence can fall before it and the sentence after. */
const aroundAChange = fc
  .tuple(fc.constantFrom(...CHANGE_DAYS), fc.integer({ min: -400, max: 5 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
  .map(([change, lead, gap1, gap2]) => {
    const offence = clampDay(dayNumber(change) + lead);
    const conviction = clampDay(offence + gap1);
    return [offence, conviction, clampDay(conviction + gap2)] as [number, number, number];
  });

export const caseDates: fc.Arbitrary<KeyDates> = fc
  .oneof(anywhere, aroundAChange)
  .map(([o, c, s]) => ({ offence: isoOfDay(o), conviction: isoOfDay(c), sentence: isoOfDay(s) }));

export const sameDay = (day: string): KeyDates => ({ offence: day, conviction: day, sentence: day });
