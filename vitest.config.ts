import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Type-level assertions (expectTypeOf, @ts-expect-error) do nothing at run time: tsc checks these files
    // as part of `vitest run`, and a type assertion that stops holding fails the suite. Errors in the code
    // under test are `npm run typecheck`'s to report, not these tests'.
    typecheck: {
      enabled: true,
      include: ['test/tiers.test.ts'],
      tsconfig: './tsconfig.json',
      ignoreSourceErrors: true,
    },
  },
});
