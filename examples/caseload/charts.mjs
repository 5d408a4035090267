#!/usr/bin/env node
// Writes two of the report's charts as SVG files beside the example caseload, for the README:
//   npm run build && node examples/caseload/charts.mjs
// They are cut from the HTML report the built CLI writes, so they are exactly what a reader sees.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'inspect-charts-'));
try {
  const report = join(dir, 'report.html');
  execFileSync(process.execPath, [join(here, '../../dist/cli.js'), 'inspect', '--format', 'html', '--out', report, join(here, 'caseload.ndjson')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync(report, 'utf8');
  for (const id of ['intensity', 'rate-oasys-either']) {
    const at = html.indexOf(`<figure id="${id}">`);
    if (at === -1) throw new Error(`no chart ${id} in the report`);
    const start = html.indexOf('<svg', at);
    writeFileSync(join(here, `${id}.svg`), `${html.slice(start, html.indexOf('</svg>', start) + 6)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
