import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings, sortFindings } from '../../src/findings/order.js';
import type { Finding } from '../../src/findings/types.js';

/** sortFindings stands in for `findings.sort(compareFindings)` on the hot path: it must give the very same order, ties included. */
describe('sortFindings', () => {
  const finding = fc
    .record({
      code: fc.constantFrom('A', 'B', 'C', 'AB'),
      kind: fc.constantFrom<Finding['kind']>('invalid', 'breach', 'tension', 'advisory'),
      requirementIndex: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    })
    .map(({ requirementIndex, ...f }): Finding => ({ ...f, ...(requirementIndex === undefined ? {} : { requirementIndex }), message: '', facts: {}, citations: [], confidence: 'verified' }));

  it('orders as Array.prototype.sort does, keeping ties in the order given, short lists and long', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
        const expected = [...findings].sort(compareFindings);
        const copy = [...findings];
        expect(sortFindings(copy)).toBe(copy);
        // Identity, not equality: tied findings are distinct objects that must keep their order.
        expect(copy.length).toBe(expected.length);
        copy.forEach((f, i) => expect(f).toBe(expected[i]));
      }),
      { numRuns: 500 },
    );
  });
});
