/**
 * The project's scenarios (the inspection's situations, the examples' outcomes and the law's
 * boundaries around them) live as case files in test/cases/, the same data a policy team edits,
 * run by the same runner as `proportionate test test/cases`. This test fails listing each failing case.
 */
import { describe, expect, it } from 'vitest';
import { failureLine, loadCases, runCases } from '../src/cases/index.js';

describe('test/cases', () => {
  for (const evaluator of ['compiled', 'json-rules-engine'] as const) {
    it(`every case passes with the ${evaluator} evaluator`, async () => {
      const cases = loadCases(['test/cases']);
      expect(cases.length).toBeGreaterThanOrEqual(11);
      const failing = (await runCases(cases, { evaluator })).filter((o) => !o.passed).map(failureLine);
      expect(failing).toEqual([]);
    });
  }
});
