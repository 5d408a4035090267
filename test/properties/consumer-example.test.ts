/**
 * A consumer's property test, as shown in the README. A published
 * consumer imports from 'proportionate' and 'proportionate/arbitraries'; this copy imports the
 * sources so that CI runs exactly the code the README shows.
 */
// --- README example starts ---
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput } from '../../src/index.js';
import { orderBreaching, validOrder } from '../../src/arbitraries/index.js';

// The consumer's own code: may a proposal go to court, and if not, what blocks it?
const validator = createValidator();
async function courtReadiness(order: ProposedOrderInput) {
  const result = await validator.validate(order);
  const blockers = [...result.breaches, ...result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'))];
  return { ready: result.ok, blockers: blockers.map((f) => f.code) };
}

describe('court readiness', () => {
  it('lets every lawful proposal through, under any law since 2003', async () => {
    await fc.assert(
      fc.asyncProperty(validOrder(), async (order) => {
        expect(await courtReadiness(order)).toEqual({ ready: true, blockers: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('stops a DRR more intensive than the offence warrants, and says why', async () => {
    await fc.assert(
      fc.asyncProperty(orderBreaching('DRR_INTENSITY_EXCEEDS_SERIOUSNESS', { regime: 'pcsc-2022' }), async (order) => {
        const readiness = await courtReadiness(order);
        expect(readiness.ready).toBe(false);
        expect(readiness.blockers).toContain('DRR_INTENSITY_EXCEEDS_SERIOUSNESS');
      }),
      { numRuns: 300 },
    );
  });
});
// --- README example ends ---

describe('the README copy of this example', () => {
  it('is this file, with the published import paths', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL(import.meta.url), 'utf8');
    const example = source.split('// --- README example starts ---\n')[1]!.split('// --- README example ends ---')[0]!;
    const published = example.replace("'../../src/index.js'", "'proportionate'").replace("'../../src/arbitraries/index.js'", "'proportionate/arbitraries'");
    const docs = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(docs).toContain('```ts\n' + published + '```');
  });
});
