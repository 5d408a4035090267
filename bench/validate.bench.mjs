#!/usr/bin/env node
// `npm run bench`: validations per second with the compiled evaluator, with json-rules-engine, and
// the zod-parse-only floor, plus single-validation latency percentiles and memory. A benchmark, not a
// test: figures vary by machine, so nothing here fails on a number. Runs on the built dist/.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createValidator, ProposedOrderSchema } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const orders = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8')));
const seconds = Number(process.env.BENCH_SECONDS ?? 2);

/** The same for a synchronous `fn`, in a plain loop. */
function throughputSync(fn, warmup = 20000) {
  for (let i = 0; i < warmup; i++) fn(orders[i % orders.length]);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) fn(orders[n++ % orders.length]);
  }
  return (n * 1000) / (performance.now() - start);
}

/** Run `fn` over the orders round-robin for about `seconds`, after a warm-up; returns orders per second. */
async function throughput(fn, warmup = 2000) {
  // Await only what returns a promise, so synchronous calls are not charged a microtask each.
  const call = async (o) => {
    const r = fn(o);
    if (r instanceof Promise) await r;
  };
  for (let i = 0; i < warmup; i++) await call(orders[i % orders.length]);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) await call(orders[n++ % orders.length]);
  }
  return (n * 1000) / (performance.now() - start);
}

function latency(fn, samples = 20000) {
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    fn(orders[i % orders.length]);
    times[i] = performance.now() - t;
  }
  times.sort();
  const at = (p) => times[Math.min(samples - 1, Math.floor(p * samples))] * 1000;
  return { p50: at(0.5), p99: at(0.99), max: times[samples - 1] * 1000 };
}

const compiled = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });
const fmt = (n) => Math.round(n).toLocaleString('en-GB');

const parseRate = throughputSync((o) => ProposedOrderSchema.parse(o));
const compiledRate = throughputSync((o) => compiled.validateSync(o));
const compiledAsyncRate = await throughput((o) => compiled.validate(o), 20000);
const jreRate = await throughput((o) => reference.validate(o), 200);
const lat = latency((o) => compiled.validateSync(o));
globalThis.gc?.();
const mem = process.memoryUsage();

console.log(`orders: ${orders.length} bundled examples, round-robin; ${seconds}s per measurement; node ${process.version}`);
console.log(`zod parse only (floor)        ${fmt(parseRate).padStart(10)} orders/s  (${(1e6 / parseRate).toFixed(1)} us/order)`);
console.log(`validateSync, compiled        ${fmt(compiledRate).padStart(10)} orders/s  (${(1e6 / compiledRate).toFixed(1)} us/order, ${(parseRate / compiledRate).toFixed(2)}x the parse floor)`);
console.log(`validate (async), compiled    ${fmt(compiledAsyncRate).padStart(10)} orders/s`);
console.log(`validate, json-rules-engine   ${fmt(jreRate).padStart(10)} orders/s  (${(1e6 / jreRate).toFixed(0)} us/order; compiled is ${(compiledRate / jreRate).toFixed(0)}x faster)`);
console.log(`single validation latency     p50 ${lat.p50.toFixed(1)} us, p99 ${lat.p99.toFixed(1)} us, max ${lat.max.toFixed(0)} us`);
console.log(`memory                        rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
