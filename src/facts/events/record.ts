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
type JudgedKeys = readonly [string, string, string, string, string, string, string, string];
/** Their fact names per deadline, built once rather than per order. */
const JUDGED_KEYS = Object.fromEntries(
  (Object.keys(DEADLINES) as DeadlineName[]).map((name) => [name, JUDGED_FIELDS.map((field) => `timescale.${name}.${field}`)]),
) as unknown as Record<DeadlineName, JudgedKeys>;

/**
 * Every event fact, null, as the template each order's record is copied from. Not frozen, and never
 * written: V8 copies a frozen object by a slow path, tens of times slower for these 75 facts.
 */
const BLANK_FACTS: Readonly<Record<string, FactValue>> = { ...NO_EVENT_FACTS };

const BEYOND_RECORDED = `counted on the regular bank holiday pattern alone: the timescale reaches outside ${RECORDED_RANGE.from}-${RECORDED_RANGE.to}, the years whose moved and extra bank holidays are recorded`;

/**
 * The origins putDeadline gives, made once for each figure's origin, extra origin and side of the
 * recorded years: they are only read, and the same three always make an equal one.
 */
const deadlineOrigins = new WeakMap<ParameterOrigin, Made>();
/** By side of the recorded years: within them, then beyond. */
type Made = [ParameterOrigin | undefined, ParameterOrigin | undefined];
/** Weak on both: an origin made per order would otherwise be kept for ever. */
const extraOrigins = new WeakMap<ParameterOrigin, WeakMap<ParameterOrigin, Made>>();

function deadlineOrigin(figure: ParameterOrigin, extra: ParameterOrigin | undefined, beyond: boolean): ParameterOrigin {
  if (!extra && !beyond) return figure;
  let made: Made | undefined;
  if (extra) {
    let byFigure = extraOrigins.get(extra);
    if (!byFigure) extraOrigins.set(extra, (byFigure = new WeakMap()));
    made = byFigure.get(figure);
    if (!made) byFigure.set(figure, (made = [undefined, undefined]));
  } else {
    made = deadlineOrigins.get(figure);
    if (!made) deadlineOrigins.set(figure, (made = [undefined, undefined]));
  }
  const side = beyond ? 1 : 0;
  let origin = made[side];
  if (!origin) {
    origin = extra ? { name: figure.name, source: `${figure.source}; ${extra.source}`, confidence: weakest(figure.confidence, extra.confidence) } : figure;
    if (beyond) origin = { name: origin.name, source: `${origin.source}; ${BEYOND_RECORDED}`, confidence: weakest(origin.confidence, 'secondary') };
    made[side] = origin;
  }
  return origin;
}

/** The origin lowerForCalendar gives, by name (one name, 'calendar', in this library). */
const calendarOrigins = new Map<string, ParameterOrigin>();

/** A bound on the shapes kept, against a caller passing a new key list each time: past it, origins are written key by key. */
const SHAPES_KEPT = 1024;
let shapesMade = 0;

/**
 * One sequence of key lists an origins record is written by, with its keys as JSON. JSON.parse
 * makes an object of exactly those keys with fast properties, with no more bytes than the object;
 * one given its keys a computed name at a time goes to a dictionary past 16 keys, at ten times the
 * bytes (most orders in progress write 24 or 32), and a spread of a template per sequence takes
 * V8's slow path once there are more than four sequences, as there are.
 */
class OriginsShape {
  private readonly next = new Map<readonly string[], OriginsShape>();
  readonly json: string;
  constructor(readonly lists: readonly (readonly string[])[]) {
    const keys: Record<string, 0> = {};
    for (const list of lists) for (const key of list) keys[key] = 0;
    this.json = JSON.stringify(keys);
  }
  /** This sequence followed by `list`, or undefined when too many shapes have been made. */
  then(list: readonly string[]): OriginsShape | undefined {
    let shape = this.next.get(list);
    if (!shape && shapesMade < SHAPES_KEPT) {
      shapesMade++;
      this.next.set(list, (shape = new OriginsShape([...this.lists, list])));
    }
    return shape;
  }
}
const EMPTY_SHAPE = new OriginsShape([]);
/** The key lists an order's origins are written by at most: each deadline's, the breach window's and the review hearings'. */
const ORIGIN_LISTS = Object.keys(DEADLINES).length + 2;

const TIMESCALES = Object.keys(TIMESCALE_WORDS) as TimescaleName[];
/** Each timescale's bit in a record's `beyond`. */
const TIMESCALE_BIT = Object.fromEntries(TIMESCALES.map((name, i) => [name, 1 << i])) as Record<TimescaleName, number>;

/**
 * The event facts of one order as they are built, with the provenance of each figure, the
 * timescales that could not be judged and those counted outside the recorded holiday years.
 */
export class EventFactsRecord {
  readonly facts: Record<string, FactValue> = { ...BLANK_FACTS };
  /** The key lists given an origin so far, in order; undefined once origins are written key by key (see OriginsShape). */
  private shape: OriginsShape | undefined = EMPTY_SHAPE;
  /** The origin of each of those lists. */
  private listOrigins: ParameterOrigin[] | undefined;
  /** The origins written key by key, once there is no shape. */
  private keyed: Record<string, ParameterOrigin> | undefined;
  private notJudged: string[] | undefined;
  /** The timescales counted beyond the recorded years, by TIMESCALE_BIT. */
  private beyond = 0;

  /** Dates from `from` to `to` were counted in working days for `name`; outside the recorded years, say so. */
  counted(name: TimescaleName, from: string, to: string): boolean {
    if (withinRecordedHolidays(from, to)) return false;
    this.beyond |= TIMESCALE_BIT[name];
    return true;
  }

  /** A timescale that applies to the case but cannot be judged, with the reason. */
  skip(name: TimescaleName, reason: string): void {
    const key = `timescale.${name}.notJudged`;
    if (this.facts[key] === null) this.facts[key] = reason;
    (this.notJudged ??= []).push(`${TIMESCALE_WORDS[name]}: ${reason}`);
  }

  /**
   * Where the facts `keys` (a constant list: shapes are kept by its identity) came from, so a
   * finding reading one carries that standard's confidence. A key written again keeps its place.
   */
  putOrigin(keys: readonly string[], origin: ParameterOrigin): void {
    const shape = this.shape?.then(keys);
    if (shape) {
      this.shape = shape;
      // Made with room for every list of this library, rather than grown from empty by a push.
      (this.listOrigins ??= new Array<ParameterOrigin>(ORIGIN_LISTS))[shape.lists.length - 1] = origin;
      return;
    }
    const origins = this.originsSoFar();
    this.shape = undefined;
    this.keyed = origins;
    for (const key of keys) origins[key] = origin;
  }

  /** The facts of a judged deadline, each carrying the figure's origin (lowered where the calendar went past the recorded years). */
  putDeadline(name: DeadlineName, from: string, figure: Figure, outcome: Outcome, extraOrigin?: ParameterOrigin): void {
    const beyond = this.counted(name, from, outcome.metOn !== null && outcome.metOn > outcome.dueOn ? outcome.metOn : outcome.dueOn);
    // In JUDGED_FIELDS order.
    const keys = JUDGED_KEYS[name];
    const f = this.facts;
    f[keys[0]] = from;
    f[keys[1]] = figure.value;
    f[keys[2]] = figure.origin.source;
    f[keys[3]] = outcome.dueOn;
    f[keys[4]] = outcome.metOn ?? null;
    f[keys[5]] = outcome.workingDaysTaken ?? null;
    f[keys[6]] = outcome.late;
    f[keys[7]] = outcome.pending;
    this.putOrigin(keys, deadlineOrigin(figure.origin, extraOrigin, beyond));
  }

  /** Lower the confidence of facts counted past the recorded holiday years (review hearings: no figure, only the calendar). */
  lowerForCalendar(keys: readonly string[], name: string): void {
    let origin = calendarOrigins.get(name);
    if (!origin) calendarOrigins.set(name, (origin = { name, source: BEYOND_RECORDED, confidence: 'secondary' }));
    this.putOrigin(keys, origin);
  }

  /** Where each timescale fact's figure came from, as written so far: keys in the order first written. */
  originsSoFar(): Record<string, ParameterOrigin> {
    const { shape, listOrigins } = this;
    if (!shape) return this.keyed!;
    // Every key is one of the lists' keys, each given its origin below.
    const origins = JSON.parse(shape.json) as Record<string, ParameterOrigin>;
    for (let i = 0; i < shape.lists.length; i++) {
      const origin = listOrigins![i]!;
      for (const key of shape.lists[i]!) origins[key] = origin;
    }
    return origins;
  }

  /** The summary facts the not-judged and calendar advisories read. */
  finish(): Record<string, FactValue> {
    const beyond: string[] = [];
    for (const name of TIMESCALES) if (this.beyond & TIMESCALE_BIT[name]) beyond.push(TIMESCALE_WORDS[name]);
    this.facts['timescales.anyNotJudged'] = this.notJudged !== undefined;
    // The record is done with its list: the facts take it rather than a copy.
    this.facts['timescales.notJudged'] = this.notJudged ?? [];
    this.facts['calendar.beyondRecorded'] = this.beyond !== 0;
    this.facts['calendar.timescalesBeyond'] = beyond;
    this.facts['calendar.recordedFrom'] = RECORDED_DAYS.from;
    this.facts['calendar.recordedTo'] = RECORDED_DAYS.to;
    return this.facts;
  }
}
