#!/usr/bin/env node
// Bundles the PSR demo page for the browser: node examples/psr-demo/build.mjs [OUT_DIR]
// (default examples/psr-demo/dist). Open OUT_DIR/index.html directly; no server is needed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'dist'));
mkdirSync(outDir, { recursive: true });
await build({
  entry: { main: join(here, 'main.ts') },
  outDir,
  format: ['iife'],
  platform: 'browser',
  target: 'es2022',
  // The library and its dependencies all go into the page.
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  dts: false,
  clean: false,
  config: false,
  silent: true,
  outExtension: () => ({ js: '.js' }),
});
copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
console.log(`psr-demo: built ${outDir}/index.html`);
