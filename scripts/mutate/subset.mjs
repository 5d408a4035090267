// The law's test subset: the vitest files that pin the rule packs, the dated parameters and the regimes,
// in stages. Each mutant runs the stages in turn and stops at the first failing test, so the quick,
// pointed pins go first and most mutants die there; a mutant that passes every stage is a survivor.
// Keep the list fast (no CLI, browser, packaging or fuzzing suites): it runs once per mutant.
export const LAW_STAGES = [
  ['test/law-pins', 'test/regimes'],
  ['test/codes'],
  [
    'test/properties-law',
    'test/timescales.test.ts',
    'test/scenarios.test.ts',
    'test/proportionality.test.ts',
    'test/provision.test.ts',
    'test/null-guard.test.ts',
    'test/api.test.ts',
  ],
];

export const LAW_SUBSET = LAW_STAGES.flat();

/**
 * Tests in the subset that measure time or concurrency rather than the law: on a loaded machine they can
 * fail with no mutant applied, and a kill by one of them would be a false kill. Skipped for mutants.
 */
export const NOT_THE_LAW = /times as much|concurrent validations|linearly/;
