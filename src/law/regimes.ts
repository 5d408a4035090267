import { z } from 'zod';
import { deepFreeze } from '../freeze.js';
import regimeData from '../../rules/regimes.json' with { type: 'json' };
import { IsoDate } from '../schema/primitives.js';
import { REQUIREMENT_KINDS, type RequirementKind } from '../schema/requirements.js';
import { SourceTag } from './confidence.js';
import { KeyDate, type KeyDates } from './parameters.js';

export const REGIME_IDS = ['pcc-s-a-2000', 'cja-2003', 'laspo-2012', 'ora-2014', 'sentencing-code', 'pcsc-2022'] as const;
export const RegimeId = z.enum(REGIME_IDS);
export type RegimeId = z.infer<typeof RegimeId>;

export const ORDER_TYPES = ['community-order', 'suspended-sentence-order', 'dtto'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
/** What a regime can make available: a kind of order, or a requirement of one. */
export type AvailableKind = OrderType | RequirementKind;

const RequirementKindSchema = z.enum(REQUIREMENT_KINDS as unknown as [RequirementKind, ...RequirementKind[]]);

const RegimeDefinition = z.strictObject({
  id: RegimeId,
  title: z.string().min(1),
  startsOn: IsoDate,
  keyedOn: KeyDate,
  within: RegimeId.optional(),
  source: z.string().min(1),
  confidence: SourceTag,
  /** Orders a new case can receive under this regime. */
  orders: z.array(z.enum(ORDER_TYPES)),
  /** Requirements a new order can carry under this regime (law.md section 9). */
  requirements: z.array(RequirementKindSchema),
});
export type RegimeDefinition = z.infer<typeof RegimeDefinition>;

/** A kind that a regime lists but that became available only later, on a date of its own (a national roll-out). */
const Rollout = z.strictObject({
  kind: z.union([z.enum(ORDER_TYPES), RequirementKindSchema]),
  from: IsoDate,
  keyedOn: KeyDate,
  source: z.string().min(1),
  confidence: SourceTag,
});
export type Rollout = z.infer<typeof Rollout>;

const RegimeFile = z
  .strictObject({ title: z.string(), note: z.string(), regimes: z.array(RegimeDefinition).length(REGIME_IDS.length), rollouts: z.array(Rollout) })
  .superRefine((file, ctx) => {
    file.regimes.forEach((r, i) => {
      if (r.id !== REGIME_IDS[i]) ctx.addIssue({ code: 'custom', path: ['regimes', i, 'id'], message: `Regimes must be listed oldest first: expected ${REGIME_IDS[i]}` });
      if (i > 0 && r.startsOn <= file.regimes[i - 1]!.startsOn)
        ctx.addIssue({ code: 'custom', path: ['regimes', i, 'startsOn'], message: 'Each regime must start after the one before it' });
    });
  });

const parsed = RegimeFile.parse(regimeData);
// Frozen all the way down: the law a case falls under must not be movable by a caller.
export const REGIMES: readonly RegimeDefinition[] = deepFreeze(parsed.regimes);
export const ROLLOUTS: readonly Rollout[] = deepFreeze(parsed.rollouts);

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

/** Every regime whose own start (and that of any regime it amends) the case's dates have reached. */
export function regimesApplying(dates: KeyDates): RegimeId[] {
  return REGIMES.filter((r) => applies(r, dates)).map((r) => r.id);
}

/**
 * Whether a regime offers an order or requirement to a case with these dates: the regime lists it
 * and any national roll-out of it has happened by the date the roll-out keys on.
 */
export function availableUnder(regime: RegimeId, kind: AvailableKind, dates: KeyDates): boolean {
  const r = byId.get(regime)!;
  const listed = (r.orders as readonly string[]).includes(kind) || (r.requirements as readonly string[]).includes(kind);
  return listed && ROLLOUTS.every((o) => o.kind !== kind || dates[o.keyedOn] >= o.from);
}
