import { RECORDED_DAYS, RECORDED_RANGE, withinRecordedHolidays } from '../../calendar/index.js';
import { weakest } from '../../law/confidence.js';
import type { FactValue, ParameterOrigin } from '../types.js';
import type { Figure } from './figures.js';
import { DEADLINES, NO_EVENT_FACTS, TIMESCALE_WORDS, type DeadlineField, type DeadlineName, type TimescaleName } from './names.js';

/** One deadline judged on a date: see judge() in deadline.ts. */
export interface Outcome {
  readonly dueOn: string;
  readonly metOn: string | null;
  readonly workingDaysTaken: number | null;
  readonly late: boolean;
  readonly pending: boolean;
}

/** The fields a judged deadline fills, in the order putDeadline lists their values. */
const JUDGED_FIELDS = ['from', 'limitDays', 'standard', 'dueOn', 'metOn', 'workingDaysTaken', 'late', 'pending'] as const satisfies readonly DeadlineField[];
/** Their fact names per deadline, built once rather than per order. */
const JUDGED_KEYS = Object.fromEntries(
  (Object.keys(DEADLINES) as DeadlineName[]).map((name) => [name, JUDGED_FIELDS.map((field) => `timescale.${name}.${field}`)]),
) as unknown as Record<DeadlineName, readonly string[]>;

/**
 * Every event fact, null, as the template each order's record is copied from. Not frozen, and never
 * written: V8 copies a frozen object by a slow path, tens of times slower for these 75 facts.
 */
const BLANK_FACTS: Readonly<Record<string, FactValue>> = { ...NO_EVENT_FACTS };

const BEYOND_RECORDED = `counted on the regular bank holiday pattern alone: the timescale reaches outside ${RECORDED_RANGE.from}-${RECORDED_RANGE.to}, the years whose moved and extra bank holidays are recorded`;

/**
 * The event facts of one order as they are built, with the provenance of each figure, the
 * timescales that could not be judged and those counted outside the recorded holiday years.
 */
export class EventFactsRecord {
  readonly facts: Record<string, FactValue> = { ...BLANK_FACTS };
  /** Where each timescale fact's figure came from, so a finding reading it carries that standard's confidence. */
  readonly origins: Record<string, ParameterOrigin> = {};
  private readonly notJudged: string[] = [];
  private readonly beyond = new Set<TimescaleName>();

  /** Dates from `from` to `to` were counted in working days for `name`; outside the recorded years, say so. */
  counted(name: TimescaleName, from: string, to: string): boolean {
    if (withinRecordedHolidays(from, to)) return false;
    this.beyond.add(name);
    return true;
  }

  /** A timescale that applies to the case but cannot be judged, with the reason. */
  skip(name: TimescaleName, reason: string): void {
    const key = `timescale.${name}.notJudged`;
    if (this.facts[key] === null) this.facts[key] = reason;
    this.notJudged.push(`${TIMESCALE_WORDS[name]}: ${reason}`);
  }

  /** The facts of a judged deadline, each carrying the figure's origin (lowered where the calendar went past the recorded years). */
  putDeadline(name: DeadlineName, from: string, figure: Figure, outcome: Outcome, extraOrigin?: ParameterOrigin): void {
    const beyond = this.counted(name, from, outcome.metOn !== null && outcome.metOn > outcome.dueOn ? outcome.metOn : outcome.dueOn);
    const values = [from, figure.value, figure.origin.source, outcome.dueOn, outcome.metOn, outcome.workingDaysTaken, outcome.late, outcome.pending];
    let origin = extraOrigin ? { name: figure.origin.name, source: `${figure.origin.source}; ${extraOrigin.source}`, confidence: weakest(figure.origin.confidence, extraOrigin.confidence) } : figure.origin;
    if (beyond) origin = { name: origin.name, source: `${origin.source}; ${BEYOND_RECORDED}`, confidence: weakest(origin.confidence, 'secondary') };
    const keys = JUDGED_KEYS[name];
    for (let i = 0; i < keys.length; i++) {
      this.facts[keys[i]!] = values[i] ?? null;
      this.origins[keys[i]!] = origin;
    }
  }

  /** Lower the confidence of facts counted past the recorded holiday years (review hearings: no figure, only the calendar). */
  lowerForCalendar(keys: readonly string[], name: string): void {
    for (const key of keys) this.origins[key] = { name, source: BEYOND_RECORDED, confidence: 'secondary' };
  }

  /** The summary facts the not-judged and calendar advisories read. */
  finish(): Record<string, FactValue> {
    this.facts['timescales.anyNotJudged'] = this.notJudged.length > 0;
    this.facts['timescales.notJudged'] = [...this.notJudged];
    this.facts['calendar.beyondRecorded'] = this.beyond.size > 0;
    this.facts['calendar.timescalesBeyond'] = (Object.keys(TIMESCALE_WORDS) as TimescaleName[]).filter((n) => this.beyond.has(n)).map((n) => TIMESCALE_WORDS[n]);
    this.facts['calendar.recordedFrom'] = RECORDED_DAYS.from;
    this.facts['calendar.recordedTo'] = RECORDED_DAYS.to;
    return this.facts;
  }
}
