import { defineConfig } from 'tsup';

// Kept deliberately small so a move to tsdown (tsup's successor) is a rename.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', rules: 'src/rules.ts', arbitraries: 'src/arbitraries/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    external: ['fast-check'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    target: 'node20',
    external: ['fast-check'],
  },
]);
