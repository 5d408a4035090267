import { test } from 'vitest';
import fc from 'fast-check';
import { draftPicks, buildDraft } from '../../src/arbitraries/draft.js';
import { datedWhere } from '../../src/arbitraries/case-dates.js';
import { plusMonths, minusYears } from '../../src/arbitraries/days.js';
test('x', () => {
  const picks = fc.sample(draftPicks, { numRuns: 3000, seed: 1 });
  const when = fc.sample(datedWhere({}, () => true, 'x'), { numRuns: 3000, seed: 1 });
  for (let round = 0; round < 4; round++) {
    let t0 = performance.now();
    for (let i = 0; i < 3000; i++) { try { buildDraft(when[i]!.law, when[i]!.dates, picks[i]!, '2003-01-01'); } catch {} }
    let t1 = performance.now();
    for (let i = 0; i < 3000; i++) { plusMonths('2010-01-31', i % 40); minusYears('2010-02-28', 20); }
    let t2 = performance.now();
    fc.sample(datedWhere({}, () => true, 'x'), { numRuns: 3000, seed: round });
    console.log('build', t1 - t0, 'datefns x2', t2 - t1, 'dated', performance.now() - t2);
  }
});
