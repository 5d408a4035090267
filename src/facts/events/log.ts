import type { OrderEvent } from '../../schema/events.js';

export type EventOf<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

/** Names of areas and programmes as recorded by hand: case and surrounding spaces do not matter. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

const byDate = (a: OrderEvent, b: OrderEvent): number => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/** Whether the events on or before `asOf` are already in date order, as a record kept day by day is. */
function inDateOrder(events: readonly OrderEvent[], asOf: string): boolean {
  let last = '';
  for (const e of events) {
    if (e.on > asOf) continue;
    if (e.on < last) return false;
    last = e.on;
  }
  return true;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * The records as they stood on `asOf`, read by type, each list in date order. Lists are made only
 * when asked for, with the room they need: a timescale asks for two or three types of a handful of
 * events, so copying and grouping the whole record first would allocate more than it saves.
 */
export class EventLog {
  /** Every record, in date order on or before asOf: the input itself where it was in order already (the stable sort would keep it as it is). */
  private readonly events: readonly OrderEvent[];
  constructor(
    events: readonly OrderEvent[],
    private readonly asOf: string,
  ) {
    this.events = inDateOrder(events, asOf) ? events : events.filter((e) => e.on <= asOf).sort(byDate);
  }
  /** Events of one type dated on or after `from` (and on or before asOf), in date order. */
  of<T extends OrderEvent['type']>(type: T, from: string): readonly EventOf<T>[] {
    const { events, asOf } = this;
    let count = 0;
    for (const e of events) if (e.type === type && e.on >= from && e.on <= asOf) count++;
    if (count === 0) return NONE;
    const found = new Array<EventOf<T>>(count);
    let i = 0;
    for (const e of events) if (e.type === type && e.on >= from && e.on <= asOf) found[i++] = e as EventOf<T>;
    return found;
  }
  first(type: OrderEvent['type'], from: string): string | null {
    for (const e of this.events) if (e.type === type && e.on >= from && e.on <= this.asOf) return e.on;
    return null;
  }
}

/**
 * Dates of events indexed by a name they carry (the area of a transfer, the programme started),
 * each list in date order: "the first one on or after this date, for this name" is a binary
 * search, so matching n moves against m transfers costs O((n + m) log m), not O(n * m).
 */
export class DatesByName<T extends { readonly on: string }> {
  /** Undefined where there are no events, as for most moves: no map is made for nothing. */
  private readonly dates: Map<string, string[]> | undefined;
  /** `events` must be in date order; `nameOf` gives the name each is indexed by. */
  constructor(events: readonly T[], nameOf: (event: T) => string) {
    if (events.length === 0) return;
    const dates = (this.dates = new Map<string, string[]>());
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const key = nameKey(nameOf(e));
      const list = dates.get(key);
      if (list) list.push(e.on);
      else dates.set(key, [e.on]);
    }
  }
  /** The first date for `name` on or after `from`, or null. The lists are in date order because the events were. */
  firstOnOrAfter(name: string, from: string): string | null {
    const list = this.dates?.get(nameKey(name));
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] ?? null;
  }
}
