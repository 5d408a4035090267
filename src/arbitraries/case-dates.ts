import fc from 'fast-check';
import type { RegimeId } from '../law/regimes.js';
import { dayOf, isoOf } from './days.js';
import { Law, changePoints } from './law.js';
import { rangeOf, type ArbitraryOptions } from './options.js';
import { pick, place } from './place.js';

/** The dates the law keys on: the latest offence, the conviction and the sentence. */
export interface CaseDates {
  readonly offence: string;
  readonly conviction: string;
  readonly sentence: string;
}

/** A case's dates with the law they bring into force. */
export interface Dated {
  readonly dates: CaseDates;
  readonly law: Law;
}

/** Most offences come to court within two years and are sentenced within six months of conviction. */
const MAX_DAYS_TO_CONVICTION = 730;
const MAX_DAYS_TO_SENTENCE = 182;

interface Span {
  readonly lo: number;
  readonly hi: number;
}

/** Offence, conviction and sentence each inside one epoch of unchanging law, with the law of that combination. */
interface Slot {
  readonly offence: Span;
  readonly conviction: Span;
  readonly sentence: Span;
  readonly law: Law;
  readonly sameEpoch: boolean;
}

const intersect = (a: Span, lo: number, hi: number): Span | undefined => {
  const s = { lo: Math.max(a.lo, lo), hi: Math.min(a.hi, hi) };
  return s.lo <= s.hi ? s : undefined;
};

function epochs(from: string, to: string): Span[] {
  const lo = dayOf(from);
  const hi = dayOf(to);
  const starts = [lo, ...changePoints().map(dayOf).filter((d) => d > lo && d <= hi)];
  return starts.map((start, i) => ({ lo: start, hi: (starts[i + 1] ?? hi + 1) - 1 }));
}

/**
 * Every combination of epochs the three dates can fall in, in date order and within realistic gaps,
 * whose law passes `accept`. Same-epoch combinations come first, newest first: fast-check shrinks
 * towards the first, so a counterexample lands on current law unless the failure needs older law.
 */
function slots(options: ArbitraryOptions, accept: (law: Law) => boolean): Slot[] {
  const range = rangeOf(options);
  const es = epochs(range.from, range.to);
  const out: Slot[] = [];
  for (let k = 0; k < es.length; k++) {
    for (let j = 0; j <= k; j++) {
      for (let i = 0; i <= j; i++) {
        const sentence = es[k]!;
        const conviction = intersect(es[j]!, sentence.lo - MAX_DAYS_TO_SENTENCE, sentence.hi);
        if (!conviction) continue;
        const offence = intersect(es[i]!, conviction.lo - MAX_DAYS_TO_CONVICTION, conviction.hi);
        if (!offence) continue;
        const law = new Law({ offence: isoOf(offence.lo), conviction: isoOf(conviction.lo), sentence: isoOf(sentence.lo) });
        if (options.regime !== undefined && law.regime !== options.regime) continue;
        if (!accept(law)) continue;
        out.push({ offence, conviction, sentence, law, sameEpoch: i === k });
      }
    }
  }
  return out.sort((a, b) => Number(b.sameEpoch) - Number(a.sameEpoch) || b.sentence.lo - a.sentence.lo || b.offence.lo - a.offence.lo);
}

/** Why no dates fit, for the error a caller sees. */
const describe = (options: ArbitraryOptions): string => {
  const range = rangeOf(options);
  return `${range.from}..${range.to}${options.regime ? ` under regime ${options.regime satisfies RegimeId}` : ''}`;
};

/**
 * Case dates, with their law, such that `accept(law)` holds. Throws at once when no dates in the
 * options can satisfy it (a DTTO breach pinned to a DTTO-only regime, say), rather than searching forever.
 */
export function datedWhere(options: ArbitraryOptions, accept: (law: Law) => boolean, what: string): fc.Arbitrary<Dated> {
  const found = slots(options, accept);
  if (found.length === 0) throw new RangeError(`No case dates in ${describe(options)} allow ${what}`);
  return fc.record({ slot: fc.constantFrom(...found), offence: pick, conviction: pick, sentence: pick }).map(({ slot, ...p }) => {
    const o = place(p.offence, slot.offence.lo, slot.offence.hi);
    const c = place(p.conviction, Math.max(slot.conviction.lo, o), Math.min(slot.conviction.hi, o + MAX_DAYS_TO_CONVICTION));
    const s = place(p.sentence, Math.max(slot.sentence.lo, c), Math.min(slot.sentence.hi, c + MAX_DAYS_TO_SENTENCE));
    return { dates: { offence: isoOf(o), conviction: isoOf(c), sentence: isoOf(s) }, law: slot.law };
  });
}

/**
 * Offence, conviction and sentence dates in order, leaning on the days either side of each change in
 * the law. With `regime`, only dates that the regime governs.
 */
export function caseDates(options: ArbitraryOptions = {}): fc.Arbitrary<CaseDates> {
  return datedWhere(options, () => true, 'any case').map((d) => d.dates);
}
