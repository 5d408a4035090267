import { test } from 'vitest';
import fc from 'fast-check';
import { createValidator } from '../../src/index.js';
import { validOrder, orderBreaching, orderInProgress, proposedOrder } from '../../src/arbitraries/index.js';
const v = createValidator();
test('timing', () => {
  const arbs: Record<string, fc.Arbitrary<any>> = { valid: validOrder(), unpaid: orderBreaching('UNPAID_WORK_HOURS_OUT_OF_RANGE'), first: orderBreaching('FIRST_APPOINTMENT_LATE'), prog: orderInProgress(), proposed: proposedOrder() };
  for (let round = 0; round < 2; round++) for (const [name, arb] of Object.entries(arbs)) {
    const t0 = performance.now();
    const s = fc.sample(arb, { numRuns: 1000, seed: round });
    const t1 = performance.now();
    for (const o of s) v.validateSync(o);
    const t2 = performance.now();
    console.log(name, 'gen µs', ((t1 - t0)).toFixed(0), 'validate µs', ((t2 - t1)).toFixed(0), 'events', s.reduce((n, o) => n + (o.events?.length ?? 0), 0) / 1000);
  }
});
