#!/usr/bin/env node
// `npm run bench`: validations per second with the compiled evaluator, with json-rules-engine, and
// the zod-parse-only floor, on the bench mix (the examples) and on orders in progress; single-
// validation latency percentiles (time on a core, GC pauses included and counted, and the bytes a
// validation allocates: see bench/latency.mjs); the cost per event; the cost of `explain: true`;
// memory. Every figure issue 19 names is printed against its target, as a ratio measured in this
// one run (the machine may be shared and noisy: compare ratios, not absolute times). A benchmark,
// not a test: nothing fails on a number. Runs on the built dist/ (BENCH_DIST=dir for another build).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { bytesPerCall, singleLatency } from './latency.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.BENCH_DIST ? pathToFileURL(`${process.env.BENCH_DIST.replace(/\/$/, '')}/`).href : new URL('../dist/', import.meta.url).href;
const { createValidator, ProposedOrderSchema } = await import(`${dist}index.js`);
const { orderInProgress } = await import(`${dist}arbitraries.js`);
const examples = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8')));
// Orders in progress: the example, and generated ones (fixed seed, so every run measures the same orders).
const inProgress = [examples.find((o) => o.events?.length), ...fc.sample(orderInProgress(), { seed: 19, numRuns: 99 })].filter(Boolean);
const seconds = Number(process.env.BENCH_SECONDS ?? 2);

/** CPU time of this process in ms: on a shared machine, wall time counts what other processes ran. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Orders per CPU second of each synchronous fn over `list` round-robin, measured in alternating
 * slices of about 50 ms, so what load there is falls on all of them alike and their ratios hold.
 */
function paired(list, fns, warmup = 5000) {
  for (const fn of fns) for (let i = 0; i < warmup; i++) fn(list[i % list.length]);
  const counts = fns.map(() => 0);
  const times = fns.map(() => 0);
  const until = cpu() + seconds * 1000 * fns.length;
  while (cpu() < until) {
    fns.forEach((fn, f) => {
      const start = cpu();
      let n = counts[f];
      do for (let i = 0; i < 20; i++) fn(list[n++ % list.length]);
      while (cpu() - start < 50);
      times[f] += cpu() - start;
      counts[f] = n;
    });
  }
  return fns.map((_, f) => (counts[f] * 1000) / times[f]);
}

/** Run `fn` over `list` round-robin for about `seconds`, after a warm-up; returns orders per second. */
async function throughput(list, fn, warmup = 200) {
  // Await only what returns a promise, so synchronous calls are not charged a microtask each.
  const call = async (o) => {
    const r = fn(o);
    if (r instanceof Promise) await r;
  };
  for (let i = 0; i < warmup; i++) await call(list[i % list.length]);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 10; i++) await call(list[n++ % list.length]);
  }
  return (n * 1000) / (performance.now() - start);
}

/** The in-progress example with its events repeated `times` over (the schema caps events at 2,000). */
function withEventsTimes(times) {
  const base = examples.find((o) => o.events?.length);
  return { ...base, events: Array.from({ length: times }, () => base.events).flat() };
}

const compiled = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });
const fmt = (n) => Math.round(n).toLocaleString('en-GB');
const us = (rate) => `${(1e6 / rate).toFixed(1)} us/order`;
const verdict = (met) => (met ? 'MET' : 'NOT MET');
const parse = (o) => ProposedOrderSchema.parse(o);
const check = (o) => compiled.validateSync(o);

const [mixParse, mixCompiled] = paired(examples, [parse, check]);
const [ipParse, ipCompiled] = paired(inProgress, [parse, check]);
const compiledAsyncRate = await throughput(examples, (o) => compiled.validate(o), 5000);
// json-rules-engine beside the compiled evaluator, alternately, on the same orders.
let jreRate = 0;
let jreCompiled = 0;
{
  let jreN = 0, jreT = 0, cN = 0, cT = 0;
  for (let i = 0; i < 50; i++) await reference.validate(examples[i % examples.length]);
  const until = cpu() + seconds * 2000;
  while (cpu() < until) {
    let t = cpu();
    for (let i = 0; i < 11; i++) await reference.validate(examples[jreN++ % examples.length]);
    jreT += cpu() - t;
    t = cpu();
    for (let i = 0; i < 110; i++) check(examples[cN++ % examples.length]);
    cT += cpu() - t;
  }
  jreRate = (jreN * 1000) / jreT;
  jreCompiled = (cN * 1000) / cT;
}
const latencyMix = [...examples, ...inProgress];
const lat = await singleLatency(latencyMix, check);
// Allocation per order: the young generation fills at this rate, and each fill is a scavenge pause.
const allocCheck = bytesPerCall(latencyMix, check);
const allocParse = bytesPerCall(latencyMix, parse);
// Cost per event: the in-progress example with its events repeated; linear means the cost of one more event does not grow with their number.
const eventSizes = [1, 8, 64];
const noEvents = { ...examples.find((o) => o.events?.length), events: [] };
const eventRates = paired([noEvents], [check]).concat(...eventSizes.map((k) => paired([withEventsTimes(k)], [check], 200)));
const eventCounts = [0, ...eventSizes.map((k) => withEventsTimes(k).events.length)];
const perEvent = eventSizes.map((_, i) => (1e6 / eventRates[i + 1] - 1e6 / eventRates[0]) / eventCounts[i + 1]);
// The trace is built only when asked for; a dist/ built before it existed reports no figure.
const explains = compiled.validateSync(examples[0], { explain: true }).trace !== undefined;
const [explainBase, explainRate] = explains ? paired(examples, [check, (o) => compiled.validateSync(o, { explain: true })]) : [];
globalThis.gc?.();
const mem = process.memoryUsage();

const ratio = (a, b) => (a / b).toFixed(2);
console.log(`node ${process.version}; ${seconds} CPU s a measurement, alternating slices, rates per CPU second; bench mix: ${examples.length} examples; in progress: ${inProgress.length} orders (the example and generated, seed 19)`);
console.log(`bench mix     zod parse only ${fmt(mixParse).padStart(8)} orders/s (${us(mixParse)}); validateSync ${fmt(mixCompiled).padStart(8)} orders/s (${us(mixCompiled)})`);
console.log(`  validateSync / zod parse        ${ratio(mixParse, mixCompiled)}x   target <= 3x    ${verdict(mixParse / mixCompiled <= 3)}`);
console.log(`in progress   zod parse only ${fmt(ipParse).padStart(8)} orders/s (${us(ipParse)}); validateSync ${fmt(ipCompiled).padStart(8)} orders/s (${us(ipCompiled)})`);
console.log(`  validateSync / zod parse        ${ratio(ipParse, ipCompiled)}x   target <= 4x    ${verdict(ipParse / ipCompiled <= 4)}`);
console.log(`json-rules-engine ${fmt(jreRate).padStart(8)} orders/s (${(1e6 / jreRate).toFixed(0)} us/order); compiled beside it ${fmt(jreCompiled)} orders/s`);
console.log(`  compiled / json-rules-engine    ${(jreCompiled / jreRate).toFixed(0)}x    target >= 50x   ${verdict(jreCompiled / jreRate >= 50)}   (goal beyond issue 19: 100x)`);
const line = (l) => `p50 ${l.p50.toFixed(1)} us, p99 ${l.p99.toFixed(1)} us, p99.9 ${l.p999.toFixed(1)} us, max ${l.max.toFixed(0)} us`;
const ms = (x) => `${(x / 1000).toFixed(3)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log(`single validation, both mixes (${fmt(latencyMix.length)} orders), ${lat.runs} runs of ${fmt(lat.samples)}, timed as ${lat.clock} (${lat.waitedMs.toFixed(0)} ms of run-queue wait left out)`);
console.log(`  on-core time: ${line(lat.all)}`);
console.log(`  p99.9 on-core, median of ${lat.runs} runs   ${ms(lat.medianP999)}  target < 1 ms   ${verdict(lat.medianP999 < 1000)}   (runs: ${ms(lat.p999Range[0])} to ${ms(lat.p999Range[1])})`);
console.log(`  GC: ${lat.scavenges} scavenges, ${lat.gcs - lat.scavenges} other pauses, one scavenge every ${fmt((lat.runs * lat.samples) / Math.max(1, lat.scavenges))} validations; ${lat.duringGc} samples overlapped a pause (${((100 * lat.duringGc) / (lat.runs * lat.samples)).toFixed(2)}%: above 0.1% the p99.9 is a GC pause), ${lat.slowDuringGc} of the ${lat.slow} over 1 ms did`);
console.log(`  p99.9 of the samples no GC pause overlapped: ${ms(lat.withoutGc.p999)} (not the figure: the pauses collect what validation allocated)`);
console.log(`  allocated per order: validateSync ${kb(allocCheck)}, zod parse alone ${kb(allocParse)} (heap growth between GCs)`);
console.log(`  for comparison: raw wall ${line(lat.wall)}`);
console.log(`                  process CPU (adds GC and compiler helper threads, in scheduler ticks) ${line(lat.cpu)}`);
console.log(`cost per event (in-progress example, events repeated; ${us(eventRates[0])} with none)`);
eventSizes.forEach((k, i) => console.log(`  ${String(eventCounts[i + 1]).padStart(5)} events: ${us(eventRates[i + 1]).padStart(18)}, ${perEvent[i].toFixed(2)} us an event`));
const growth = perEvent.at(-1) / perEvent[0];
console.log(`  us an event at ${eventCounts.at(-1)} / at ${eventCounts[1]}     ${growth.toFixed(2)}x   target: linear (about 1x; quadratic would be ~${(eventCounts.at(-1) / eventCounts[1]).toFixed(0)}x)   ${verdict(growth < 2)}`);
console.log(`validate (async), compiled      ${fmt(compiledAsyncRate)} orders/s on the bench mix`);
if (explains) console.log(`validateSync, explain: true     ${fmt(explainRate)} orders/s (${us(explainRate)}; ${ratio(explainBase, explainRate)}x without)`);
console.log(`memory                          rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
