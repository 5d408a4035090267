#!/usr/bin/env node
// `npm run bench:advice`: the cost of advice per order: validate without remedies (the baseline,
// which advice must leave untouched), validate with `{ remedies: true }`, and `options` (the
// envelope), each as mean microseconds per order over the examples/ orders, and per example. A
// benchmark, not a test: nothing fails on a number. Runs on the built dist/ (BENCH_SECONDS, default 2).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createValidator } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json'));
const orders = files.map((f) => JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8')));
const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const validator = createValidator();

/** Mean microseconds per call of `fn` over `inputs` round-robin, after a warm-up, for about `seconds`. */
function perCall(fn, inputs, warmup = 200) {
  for (let i = 0; i < warmup; i++) fn(inputs[i % inputs.length]);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) for (let i = 0; i < 10; i++) fn(inputs[n++ % inputs.length]);
  return ((performance.now() - start) * 1000) / n;
}

const cases = {
  'validate': (o) => validator.validateSync(o),
  'validate { remedies: true }': (o) => validator.validateSync(o, { remedies: true }),
  'options (envelope)': (o) => validator.options(o),
};

const fmt = (us) => `${us.toFixed(1).padStart(9)} µs`;
console.log(`proportionate advice bench: ${orders.length} example orders, ${seconds}s a figure, node ${process.version}\n`);
console.log('All examples, mean per order:');
const overall = {};
for (const [name, fn] of Object.entries(cases)) {
  overall[name] = perCall(fn, orders);
  console.log(`  ${name.padEnd(30)} ${fmt(overall[name])}`);
}
console.log(`  remedies cost ${(overall['validate { remedies: true }'] / overall.validate).toFixed(1)}x validate; options ${(overall['options (envelope)'] / overall.validate).toFixed(1)}x\n`);
console.log('Per example (validate | with remedies | options):');
for (const [i, file] of files.entries()) {
  const row = Object.values(cases).map((fn) => fmt(perCall(fn, [orders[i]], 50)));
  console.log(`  ${file.padEnd(36)} ${row.join(' | ')}`);
}
