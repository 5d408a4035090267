import type { ProposedOrder } from '../../schema/order.js';
import type { Figures } from './figures.js';
import type { EventLog } from './log.js';
import type { EventFactsRecord } from './record.js';

/** What every timescale of an order in progress reads and writes. */
export interface InProgress {
  readonly order: ProposedOrder;
  /** The date the record is read on: only events on or before it count. */
  readonly asOf: string;
  readonly log: EventLog;
  readonly figures: Figures;
  readonly record: EventFactsRecord;
}
