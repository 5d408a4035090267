import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/index.js';
import { PROBES, baseOrder } from './probes.js';

// Each order type is judged by its own maximum, once: a community order 3 years (CJA 2003 s.177(5)), an
// SSO's operational period 2 years (s.189(3)), a DTTO 3 years (PCC(S)A 2000 s.52(1)) (law.md 9). An order
// past two maxima (an SSO of 37 months is past both 24 and 36) is one breach by its own type's limit.
const validator = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });

const cases = [
  { type: 'suspended-sentence-order', day: '2006-06-01', limit: 24, param: 'param.sso.maxPeriodMonths' },
  { type: 'dtto', day: '2004-06-01', limit: 36, param: 'param.dtto.maxMonths' },
  { type: 'community-order', day: '2006-06-01', limit: 36, param: 'param.communityOrder.maxMonths' },
] as const;

describe('ORDER_TOO_LONG by the order type\'s own maximum, once', () => {
  for (const c of cases) {
    for (const months of [c.limit, c.limit + 1, 37]) {
      const expected = months > c.limit;
      it(`${c.type} of ${months} months (maximum ${c.limit}): ${expected ? 'one ORDER_TOO_LONG' : 'none'}`, async () => {
        const order = baseOrder(c.day, c.type === 'community-order' ? undefined : c.type, undefined);
        PROBES['order.lengthMonths']!.set(order, months);
        const result = await validator.validate(order);
        expect(await reference.validate(order), 'both evaluators agree').toEqual(result);
        const found = result.breaches.filter((f) => f.code === 'ORDER_TOO_LONG');
        expect(found.map((f) => f.facts[c.param])).toEqual(expected ? [c.limit] : []);
      });
    }
  }
});
