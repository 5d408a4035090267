import { describe, expect, it } from 'vitest';
import type { ProposedOrderInput } from '../../src/index.js';
import { judgedByBoth as judged, ofCode } from '../support/judge.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';

// Timescale rules whose conditions tell one case from its twin: a pending report of each type, and the
// drug tests recorded against a DRR when the order has two. Each test counts the findings, so a rule
// that loses the condition telling the twins apart (and fires for both) shows as a second finding.

describe('a pending pre-sentence report is due once, by the figure for its type (NS 2005: standard 15, fast 5 working days)', () => {
  // Requested Wednesday 2006-02-01 for the sentence of 2006-03-01 (no bank holiday near): 5 working days
  // end Wednesday 2006-02-08, 15 end Wednesday 2006-02-22 (standards.md 2.4). asOf Thursday 2006-02-02.
  const pending = (type: 'standard' | 'fast'): ProposedOrderInput => ({
    ...clone(lawfulMediumDrr()),
    psr: { type, requestedOn: '2006-02-01' },
    asOf: '2006-02-02',
  });

  it.each([
    { type: 'fast' as const, due: '2006-02-08', limit: 5 },
    { type: 'standard' as const, due: '2006-02-22', limit: 15 },
  ])('a $type report: one TIMESCALE_DUE advisory, due $due', async ({ type, due, limit }) => {
    const r = await judged(pending(type));
    const dues = ofCode(r, 'TIMESCALE_DUE').filter((f) => 'timescale.psr.type' in f.facts);
    expect(dues).toHaveLength(1);
    expect(dues[0]!.kind).toBe('advisory');
    expect(dues[0]!.facts).toMatchObject({ 'timescale.psr.type': type, 'timescale.psr.dueOn': due, 'timescale.psr.limitDays': limit });
    expect(ofCode(r, 'PSR_LATE')).toEqual([]);
  });

  it.each(['fast', 'standard'] as const)('a %s report delivered in time is not due', async (type) => {
    const r = await judged({ ...pending(type), psr: { type, requestedOn: '2006-02-01', deliveredOn: '2006-02-02' } });
    expect(ofCode(r, 'TIMESCALE_DUE').filter((f) => 'timescale.psr.type' in f.facts)).toEqual([]);
    expect(ofCode(r, 'PSR_LATE')).toEqual([]);
  });
});

describe('recorded drug tests are judged against the first DRR only (PC80/2005, SS8.12)', () => {
  // Sentenced Wednesday 2006-03-01; the first week runs to Tuesday 2006-03-07 and has no test recorded.
  // Both DRRs propose enough testing, so only the recorded tests can fall short.
  const twoDrrs = (setting: 'residential' | 'non-residential', testsPerWeek: number): ProposedOrderInput => {
    const o = clone(lawfulMediumDrr());
    const drr = { ...(o.requirements[0] as Record<string, unknown>), setting, testsPerWeek };
    o.requirements = [clone(drr), { kind: 'supervision' }, clone(drr)] as ProposedOrderInput['requirements'];
    return { ...o, events: [{ type: 'first-appointment', on: '2006-03-02' }], asOf: '2006-03-08' };
  };

  it.each([
    { standard: 'the reduced standard (residential: one a week)', setting: 'residential' as const, tests: 1, min: 1 },
    { standard: 'the full standard (two a week)', setting: 'non-residential' as const, tests: 2, min: 2 },
  ])('$standard: one DRUG_TESTING_BELOW_STANDARD, on requirement 0', async ({ setting, tests, min }) => {
    const r = await judged(twoDrrs(setting, tests));
    const found = r.breaches.filter((f) => f.code === 'DRUG_TESTING_BELOW_STANDARD');
    expect(found.map((f) => [f.kind, f.requirementIndex])).toEqual([['breach', 0]]);
    expect(r.requirements.map((q) => q.findings.filter((f) => f.code === 'DRUG_TESTING_BELOW_STANDARD').length)).toEqual([1, 0, 0]);
    expect(found[0]!.facts).toMatchObject({ 'timescale.drugTesting.minPerWeek': min, 'timescale.drugTesting.weeksBelow': 1 });
  });

  it('the same orders with a test a day recorded have none', async () => {
    const daily = Array.from({ length: 7 }, (_, d) => ({ type: 'drug-test' as const, on: `2006-03-0${d + 1}` }));
    for (const [setting, tests] of [['residential', 1], ['non-residential', 2]] as const) {
      const o = twoDrrs(setting, tests);
      expect(ofCode(await judged({ ...o, events: [...o.events!, ...daily] }), 'DRUG_TESTING_BELOW_STANDARD')).toEqual([]);
    }
  });
});
