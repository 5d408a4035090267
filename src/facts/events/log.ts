import type { OrderEvent } from '../../schema/events.js';

export type EventOf<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;

/** Names of areas and programmes as recorded by hand: case and surrounding spaces do not matter. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

const byDate = (a: OrderEvent, b: OrderEvent): number => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/** The records as they stood on `asOf`, by type, each list in date order. */
export class EventLog {
  private readonly byType = new Map<string, OrderEvent[]>();
  constructor(events: readonly OrderEvent[], asOf: string) {
    const sorted = events.filter((e) => e.on <= asOf).sort(byDate);
    for (const e of sorted) {
      const list = this.byType.get(e.type);
      if (list) list.push(e);
      else this.byType.set(e.type, [e]);
    }
  }
  /** Events of one type dated on or after `from`, in date order. */
  of<T extends OrderEvent['type']>(type: T, from: string): EventOf<T>[] {
    return ((this.byType.get(type) ?? []) as EventOf<T>[]).filter((e) => e.on >= from);
  }
  first(type: OrderEvent['type'], from: string): string | null {
    return this.of(type, from)[0]?.on ?? null;
  }
}

/**
 * Dates of events indexed by a name they carry (the area of a transfer, the programme started),
 * each list in date order: "the first one on or after this date, for this name" is a binary
 * search, so matching n moves against m transfers costs O((n + m) log m), not O(n * m).
 */
export class DatesByName {
  private readonly dates = new Map<string, string[]>();
  /** `events` must be in date order. */
  constructor(events: readonly { readonly on: string; readonly name: string }[]) {
    for (const e of events) {
      const key = nameKey(e.name);
      const list = this.dates.get(key);
      if (list) list.push(e.on);
      else this.dates.set(key, [e.on]);
    }
  }
  /** The first date for `name` on or after `from`, or null. The lists are in date order because the events were. */
  firstOnOrAfter(name: string, from: string): string | null {
    const list = this.dates.get(nameKey(name));
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
