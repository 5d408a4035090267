import { z } from 'zod';
import { IsoDate, Text } from './primitives.js';

const at = { on: IsoDate };

export const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('first-appointment'), ...at }),
  z.strictObject({ type: z.literal('sentence-plan'), ...at }),
  z.strictObject({ type: z.literal('oasys-completed'), ...at }),
  z.strictObject({ type: z.literal('programme-start'), ...at, programme: Text }),
  z.strictObject({ type: z.literal('drug-test'), ...at, resultReportedOn: IsoDate.optional() }),
  z.strictObject({ type: z.literal('unacceptable-failure'), ...at }),
  z.strictObject({ type: z.literal('warning'), ...at }),
  z.strictObject({ type: z.literal('breach-initiated'), ...at }),
  z.strictObject({ type: z.literal('review-hearing'), ...at }),
  z.strictObject({ type: z.literal('moved-area'), ...at, area: Text }),
  z.strictObject({ type: z.literal('transfer-completed'), ...at, area: Text }),
]);
export type OrderEvent = z.infer<typeof EventSchema>;
export type EventType = OrderEvent['type'];
