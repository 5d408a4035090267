import { z } from 'zod';
import { ProposedOrderSchema } from './order.js';

/** JSON Schema (draft 2020-12) of the input, for callers in other languages. Refinements (real dates, chronology) are described, not encoded. */
export function inputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProposedOrderSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
