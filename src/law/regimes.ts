import { z } from 'zod';
import regimeData from '../../rules/regimes.json' with { type: 'json' };
import { IsoDate } from '../schema/primitives.js';
import { SourceTag } from './confidence.js';
import { KeyDate, type KeyDates } from './parameters.js';

export const REGIME_IDS = ['pcc-s-a-2000', 'cja-2003', 'laspo-2012', 'ora-2014', 'sentencing-code', 'pcsc-2022'] as const;
export const RegimeId = z.enum(REGIME_IDS);
export type RegimeId = z.infer<typeof RegimeId>;

const RegimeDefinition = z.strictObject({
  id: RegimeId,
  title: z.string().min(1),
  startsOn: IsoDate,
  keyedOn: KeyDate,
  within: RegimeId.optional(),
  source: z.string().min(1),
  confidence: SourceTag,
});
export type RegimeDefinition = z.infer<typeof RegimeDefinition>;

const RegimeFile = z.strictObject({ title: z.string(), note: z.string(), regimes: z.array(RegimeDefinition).length(REGIME_IDS.length) });

export const REGIMES: readonly RegimeDefinition[] = Object.freeze(RegimeFile.parse(regimeData).regimes);

/** The regime in a result: which law applied and the date that decided it. */
export interface Regime {
  readonly id: RegimeId;
  readonly title: string;
  readonly decidedBy: 'offenceDate' | 'convictionDate' | 'sentenceDate';
  readonly date: string;
}

const byId = new Map(REGIMES.map((r) => [r.id, r]));
const applies = (r: RegimeDefinition, dates: KeyDates): boolean =>
  dates[r.keyedOn] >= r.startsOn && (r.within === undefined || applies(byId.get(r.within)!, dates));

/** The newest regime that applies to a case's dates (law.md section 0). */
export function regimeFor(dates: KeyDates): Regime {
  for (let i = REGIMES.length - 1; i >= 0; i--) {
    const r = REGIMES[i]!;
    if (applies(r, dates)) return { id: r.id, title: r.title, decidedBy: `${r.keyedOn}Date`, date: dates[r.keyedOn] };
  }
  const first = REGIMES[0]!;
  return { id: first.id, title: first.title, decidedBy: `${first.keyedOn}Date`, date: dates[first.keyedOn] };
}
