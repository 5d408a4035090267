#!/usr/bin/env node
// Bundles the PSR page for the browser: node examples/psr-demo/build.mjs [OUT_DIR]
// (default examples/psr-demo/dist). The library, its rule packs and GOV.UK Frontend's JavaScript go
// into main.js; the Design System's CSS, fonts and images are copied from the installed packages,
// so the page needs nothing from a network. Open OUT_DIR/index.html directly, or serve the folder.
import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'tsup';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'dist'));
const require = createRequire(import.meta.url);
const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const moj = join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj');

/**
 * zod's error messages come in some fifty languages and the page speaks English: only `en` is bundled
 * (zod sets it as the default locale itself). A third of zod's weight in the page, for nothing.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: resolve(args.resolveDir, args.path), namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

mkdirSync(join(outDir, 'assets'), { recursive: true });
await build({
  esbuildPlugins: [zodEnglishOnly],
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

// The stylesheets name their assets from the site root (/assets/...); relative to the copied
// stylesheet they work from a file:// URL too.
const relative = (css) => css.replace(/url\(\/assets\//g, 'url(');
writeFileSync(join(outDir, 'assets', 'govuk-frontend.min.css'), relative(readFileSync(join(govuk, 'govuk-frontend.min.css'), 'utf8')));
writeFileSync(join(outDir, 'assets', 'moj-frontend.min.css'), relative(readFileSync(join(moj, 'moj-frontend.min.css'), 'utf8')));
cpSync(join(govuk, 'assets', 'fonts'), join(outDir, 'assets', 'fonts'), { recursive: true });
cpSync(join(govuk, 'assets', 'images'), join(outDir, 'assets', 'images'), { recursive: true });
cpSync(join(moj, 'assets', 'images'), join(outDir, 'assets', 'images'), { recursive: true });
for (const file of ['index.html', 'page.css']) copyFileSync(join(here, file), join(outDir, file));

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const sizeOf = (file) => {
  const body = readFileSync(join(outDir, file));
  return `${file} ${kb(statSync(join(outDir, file)).size)} (${kb(gzipSync(body).length)} gzip)`;
};
console.log(`psr-demo: built ${outDir}/index.html`);
console.log(`psr-demo: ${['main.js', 'assets/govuk-frontend.min.css', 'assets/moj-frontend.min.css', 'page.css'].map(sizeOf).join('; ')}`);
