/**
 * The envelope and the remedies agree with validate, by test. Runs: PROPORTIONATE_ADVICE_RUNS
 * (default 1,000 each); for a longer run, e.g. PROPORTIONATE_ADVICE_RUNS=20000 npx vitest run test/advice/properties.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposedOrder, validOrder } from '../../src/arbitraries/index.js';
import { createValidator, type Finding, type ValidationResult } from '../../src/index.js';
import { buildInside, stepOutside } from './build.js';
import { assertVerified, findingsOf } from './support.js';

const RUNS = Number(process.env.PROPORTIONATE_ADVICE_RUNS ?? 1000);
const validators = { proposal: createValidator(), sentence: createValidator({ stage: 'sentence' }) } as const;
const serious = (r: ValidationResult): Finding[] => findingsOf(r).filter((f) => f.kind === 'invalid' || f.kind === 'breach');
const onNew = (r: ValidationResult, index: number) => findingsOf(r).filter((f) => f.requirementIndex === index);
const breachKeys = (r: ValidationResult) => new Set(r.breaches.map((f) => `${f.code}@${f.requirementIndex ?? '-'}`));

describe('the envelope agrees with validate', () => {
  it('a requirement built inside the envelope is valid and brings no new breach; one step outside a bound yields its finding', () => {
    let inside = 0;
    let outside = 0;
    fc.assert(
      fc.property(validOrder(), fc.constantFrom('proposal', 'sentence' as const), fc.nat(15), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(2), (order, stage, kindPick, at, pick) => {
        const v = validators[stage];
        const before = v.validateSync(order);
        const env = v.options(order);
        const open = env.kinds.filter((k) => k.available && k.conditions.every((c) => c.status === 'met' || c.status === 'to-settle'));
        fc.pre(open.length > 0);
        const k = open[kindPick % open.length]!;
        const req = buildInside(k, (lo, hi) => lo + at * (hi - lo), (n) => pick % n);
        fc.pre(req !== undefined);
        const index = order.requirements.length;
        const added = { ...order, requirements: [...order.requirements, req] };
        const after = v.validateSync(added);
        expect(onNew(after, index).filter((f) => f.kind === 'invalid'), `${k.kind} ${JSON.stringify(req)}`).toEqual([]);
        const was = breachKeys(before);
        expect([...breachKeys(after)].filter((b) => !was.has(b)), `${k.kind} ${JSON.stringify(req)}`).toEqual([]);
        inside++;
        for (const q of k.quantities)
          for (const limit of [q.min && { ...q.min, direction: 'min' as const }, q.max && { ...q.max, direction: 'max' as const }]) {
            if (!limit) continue;
            const out = stepOutside(req!, q.field, limit.direction, limit.value);
            if (!out) continue;
            let stepped: ValidationResult;
            try {
              stepped = v.validateSync({ ...order, requirements: [...order.requirements, out] });
            } catch {
              continue; // one step past this bound is past the schema's own limit: bad input, not a finding
            }
            expect(onNew(stepped, index).map((f) => f.code), `${k.kind}.${q.field} ${limit.direction} ${limit.value}`).toContain(limit.code);
            outside++;
          }
      }),
      { numRuns: RUNS },
    );
    expect(inside).toBeGreaterThan(RUNS / 4);
    expect(outside).toBeGreaterThan(RUNS / 4);
  });
});

describe('every remedy is verified', () => {
  it('for generated orders with findings, each remedy validates, cures its finding and adds no invalid or breach', () => {
    let checked = 0;
    fc.assert(
      fc.property(proposedOrder(), fc.constantFrom('proposal', 'sentence' as const), (order, stage) => {
        const v = validators[stage];
        const original = v.validateSync(order);
        const result = v.validateSync(order, { remedies: true });
        for (const f of serious(result)) expect(f.remedies, f.code).toBeDefined();
        for (const f of findingsOf(result))
          for (const r of f.remedies ?? []) {
            assertVerified(v, order, original, f, r);
            checked++;
          }
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 4);
  });
});
