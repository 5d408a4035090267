import fc from 'fast-check';
import { it } from 'vitest';
import { createValidator } from '../../src/index.js';
it('prof', async () => {
  const v = createValidator();
  const anything = fc.anything({ maxDepth: 3, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true });
  let t = performance.now(); const xs = fc.sample(anything, 2000); console.log('gen anything us', (performance.now() - t) / 2 * 1000 / 1000);
  t = performance.now(); for (const x of xs) fc.stringify(x); console.log('stringify us', (performance.now() - t) / 2);
  t = performance.now(); for (const x of xs) await v.safeValidate(x); console.log('safeValidate us', (performance.now() - t) / 2);
  t = performance.now(); for (const x of xs) { try { await v.validate(x) } catch {} } console.log('validate us', (performance.now() - t) / 2);
  t = performance.now(); await fc.assert(fc.asyncProperty(anything, async () => {}), { numRuns: 2000 }); console.log('fc overhead us', (performance.now() - t) / 2);
});
