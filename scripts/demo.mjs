#!/usr/bin/env node
// `npm run demo`: the CLI's human report for every bundled example, the way an officer would see it.
// The build before it runs silently (tsup --silent), so what prints is the reports.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`| head`) closes the pipe: stop quietly.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));
const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json')).sort();
process.stdout.write(`proportionate: the report on each of the ${examples.length} example orders in examples/ (node dist/cli.js check FILE)\n`);
let failed = 0;
for (const file of examples) {
  process.stdout.write(`\n=== examples/${file} ===\n`);
  const run = spawnSync(process.execPath, [`${root}dist/cli.js`, 'check', `${root}examples/${file}`], { stdio: 'inherit' });
  // Exit 1 means the example has findings (several are meant to); anything else is a failure of the tool.
  if (run.status !== 0 && run.status !== 1) failed++;
}
if (failed) {
  console.error(`demo: ${failed} example(s) could not be checked`);
  process.exit(1);
}
