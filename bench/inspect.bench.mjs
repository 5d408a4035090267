#!/usr/bin/env node
// `proportionate inspect` on a large caseload: wall time, CPU time and peak resident memory, at
// 100,000 orders and at a tenth of that (peak memory should not grow with the orders). The caseload
// is the example caseload (examples/caseload/caseload.ndjson, orders in progress in four areas)
// repeated with a new id, one of seven areas and new OASys scores on each line. Runs on dist/.
//   npm run bench:inspect            (builds first)
//   node bench/inspect.bench.mjs [--orders 100000] [--format html|json|markdown] [--cli dist/cli.js]
// A benchmark, not a test: nothing fails on a number.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { orders: { type: 'string', default: '100000' }, format: { type: 'string', default: 'html' }, cli: { type: 'string' } } });
// --cli: a build elsewhere than dist/, when others may rebuild dist/ during the run.
const cli = values.cli ?? join(root, 'dist/cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
const out = join(root, '.bench-out');
mkdirSync(out, { recursive: true });

const base = readFileSync(join(root, 'examples/caseload/caseload.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const AREAS = ['Avon and Somerset', 'Cumbria', 'Derbyshire', 'Greater Manchester', 'London', 'South Wales', 'West Yorkshire'];

/** mulberry32: every run measures the same caseload. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function caseload(n) {
  const file = join(out, `inspect-caseload-${n}.ndjson`);
  if (existsSync(file)) return file;
  const rand = random(2006);
  const stream = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const order = structuredClone(base[i % base.length]);
    order.id = `B${String(i).padStart(6, '0')}`;
    order.provision = { ...order.provision, area: AREAS[Math.floor(rand() * AREAS.length)] };
    order.offender.assessment = { ...order.offender.assessment, oasys: { drugMisuse: Math.floor(rand() * 11), alcoholMisuse: Math.floor(rand() * 11) } };
    if (!stream.write(`${JSON.stringify(order)}\n`)) await new Promise((ok) => stream.once('drain', ok));
  }
  await new Promise((ok) => stream.end(ok));
  return file;
}

const rssReporter = join(out, 'inspect-max-rss.cjs');
writeFileSync(rssReporter, "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeSync(2, `\\nmaxRSS ${u.maxRSS}\\ncpuMicros ${u.userCPUTime + u.systemCPUTime}\\n`); });\n");

function measure(file) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', rssReporter, cli, 'inspect', '--format', values.format, '--out', join(out, `inspect-report.${values.format === 'markdown' ? 'md' : values.format}`), file], {
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) return reject(new Error(`inspect exited ${code}: ${stderr}`));
      const rss = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      const cpu = Number(/cpuMicros (\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
      resolve({ seconds, cpu, rss, summary: stderr.split('\n').find((l) => l.startsWith('inspect:')) });
    });
  });
}

const n = Number(values.orders);
console.log(`inspect --format ${values.format}: ${n.toLocaleString('en-GB')} orders and ${(n / 10).toLocaleString('en-GB')}`);
console.log('| orders | wall time | orders/s | CPU time | peak RSS |');
console.log('| --- | --- | --- | --- | --- |');
for (const size of [n, n / 10]) {
  const file = await caseload(size);
  const r = await measure(file);
  console.log(`| ${size.toLocaleString('en-GB')} | ${r.seconds.toFixed(1)} s | ${Math.round(size / r.seconds).toLocaleString('en-GB')} | ${r.cpu.toFixed(1)} s | ${r.rss.toFixed(0)} MiB |`);
  console.error(`  ${r.summary}`);
}
