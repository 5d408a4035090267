import fc from 'fast-check';
import type { OrderEvent } from '../../schema/events.js';
import type { RequirementKind, RequirementOf } from '../../schema/requirements.js';
import type { Draft } from '../draft.js';
import { requirementOf } from '../edit.js';
import { addEvents, progressPicks, workingDaysAfter, type ProgressPicks } from '../in-progress.js';
import type { Law } from '../law.js';
import { above, below, pick, place } from '../place.js';
import { requirementPicks } from '../requirements.js';

/** Random choices a breaker may use, the same for every code so that one arbitrary serves them all. */
const commonPicks = {
  p: pick,
  q: pick,
  /** Which way to break it, where there are several (below or above a range, say). */
  variant: fc.nat({ max: 5 }),
  requirement: requirementPicks,
  birthday: pick,
};
export const breakPicks = fc.record(commonPicks);
/** With a record of events to break, for the findings judged from events. */
export const breakPicksWithEvents = fc.record({ ...commonPicks, progress: progressPicks });
export type BreakPicks = typeof breakPicks extends fc.Arbitrary<infer T> ? T & { readonly progress?: ProgressPicks } : never;

/** How to turn a lawful draft into one that yields a given code. */
export interface Breaker {
  /** Law on the case dates under which the finding can arise at all (a minimum period that exists, a requirement that exists). */
  readonly when?: (law: Law) => boolean;
  /** The finding is judged from events, which the bank holiday calendar (1995-2035) must be able to count. */
  readonly needsCalendar?: boolean;
  /** The code arises only when the order is judged at this stage (what a draft has not yet filled in is invalid only at sentence). */
  readonly stage?: 'sentence';
  apply(draft: Draft, b: BreakPicks): void;
}

/** The schema's bounds, so that out-of-range values stay schema-valid input and reach the rules. */
export const maxOf = (field: { maxValue: number | null }): number => field.maxValue ?? Number.MAX_SAFE_INTEGER;
export const optionalMax = (field: { unwrap(): { maxValue: number | null } }): number => maxOf(field.unwrap());

/** Past `limit` on either side, within the schema: `variant` chooses the side where both exist. */
export function outside(b: BreakPicks, lo: number, hi: number, min: number, max: number): number {
  const canGoBelow = lo > min;
  const canGoAbove = hi < max;
  return (b.variant % 2 === 0 && canGoBelow) || !canGoAbove ? below(b.p, lo, min) : above(b.p, hi, max);
}

/** A breaker that edits the first requirement of `kind` (adding a lawful one where there is none). */
export function onRequirement<K extends RequirementKind>(
  kind: K,
  edit: (r: RequirementOf<K>, draft: Draft, b: BreakPicks) => void,
  when: (law: Law) => boolean = () => true,
  needsCalendar = false,
): Breaker {
  return {
    needsCalendar,
    when: (law) => law.available(kind) && when(law),
    apply(draft, b) {
      edit(requirementOf(draft, kind, { ...b.requirement, kind: 0 }), draft, b);
    },
  };
}

/** Set the offender's needs; `undefined` removes the assessment of that need. */
export function setNeed(draft: Draft, key: 'drugs' | 'alcohol', value: Record<string, boolean> | undefined): void {
  const need = { ...draft.order.offender.need };
  if (value === undefined) delete need[key];
  else (need as Record<string, unknown>)[key] = value;
  draft.order.offender = { ...draft.order.offender, need };
}

/**
 * A need with one of its two conditions recorded as failed. (Not assessed at all fails the condition
 * only at the sentence stage, and orderBreaching's orders yield their code at the default stage.)
 */
export function failCondition(draft: Draft, key: 'drugs' | 'alcohol', first: string, second: string, failed: string): void {
  setNeed(draft, key, { [first]: failed !== first, [second]: failed !== second });
}

/** The same breaker, for the order the court is about to make. */
export const atSentence = (breaker: Breaker): Breaker => ({ ...breaker, stage: 'sentence' });

export const isNumber = (v: number | null): v is number => v !== null;

/** Record an event-based timescale as missed: the event late, or never recorded with the record read after the deadline. */
export function missed(draft: Draft, b: BreakPicks, due: string, event: (on: string) => OrderEvent, drop: (type: string) => boolean): void {
  const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
  addEvents(draft, progressOf(b), true, late);
  draft.order.events = (draft.order.events ?? []).filter((e) => !drop(e.type));
  if (b.variant % 2 === 0) draft.order.events.push(event(late));
}

export const sortEvents = (draft: Draft): void =>
  void draft.order.events?.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

export function progressOf(b: BreakPicks): ProgressPicks {
  if (!b.progress) throw new Error('A breaker judged from events needs needsCalendar set, so that it is given events to break');
  return b.progress;
}

export const withoutEnforcement: (p: ProgressPicks) => ProgressPicks = (p) => ({ ...p, enforcement: 0 });

