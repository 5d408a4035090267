// The latency of a single validation, honestly measured on a shared machine.
//
// Why not process.cpuUsage(): on Linux it is exact for the calling thread but adds the other threads
// of the process (V8's GC and compiler helpers) only as the scheduler tick last charged them, so a
// sample can be billed 4 ms (one tick at HZ=250) of some other thread's work. Node 20 has no
// per-thread CPU clock (process.threadCpuUsage is Node 23+), and /proc/thread-self/schedstat's
// on-CPU figure moves in whole ticks for a running thread. What schedstat does keep exactly is
// run_delay, the time the thread sat runnable in a run queue, settled when it is scheduled back in.
// So a sample is timed in wall time less the run-queue wait of the main thread inside it: what the
// validation would take on a core of its own. Garbage collection stays in, whichever thread does it
// and whether the main thread works or waits for it: that is cost the validation causes. (So on a
// busy machine a parallel scavenge still counts the time its descheduled helper threads made the
// main thread wait, and in a VM whose host reports no steal time, the host's preemption counts too.)
import { openSync, readSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setImmediate as turn } from 'node:timers/promises';

/** Nanoseconds this thread has waited in a run queue, or undefined where the kernel does not say (not Linux, no schedstats). */
function runQueueClock() {
  let fd;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(96);
  // "on_cpu_ns run_delay_ns timeslices\n": read the second number without allocating a string.
  const read = () => {
    const n = readSync(fd, buf, 0, buf.length, 0);
    let i = 0;
    while (i < n && buf[i] !== 0x20) i++;
    let v = 0;
    for (i++; i < n && buf[i] >= 0x30 && buf[i] <= 0x39; i++) v = v * 10 + (buf[i] - 0x30);
    return v;
  };
  return Number.isFinite(read()) ? read : undefined;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/**
 * Bytes allocated per call of `fn`, on average over `list`: allocation is a pointer bump, so over
 * a window of calls no GC fell in, heapUsed grows by exactly what they allocated. Windows are short
 * (a few percent of the young generation) so few hold a GC, and a window that does shows a drop
 * (a scavenge frees far more than a window allocates) and is left out.
 */
export function bytesPerCall(list, fn, { windows = 1000, calls = 16 } = {}) {
  for (let i = 0; i < 2000; i++) fn(list[i % list.length]);
  let bytes = 0;
  let counted = 0;
  let n = 0;
  for (let w = 0; w < windows; w++) {
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < calls; i++) fn(list[n++ % list.length]);
    const grown = process.memoryUsage().heapUsed - before;
    if (grown < 0) continue;
    bytes += grown;
    counted += calls;
  }
  return bytes / counted;
}

/**
 * Single-validation latency over `runs` short runs of `samples` each (round-robin over `list`).
 * Returns, per run, the percentiles of on-core time (wall less run-queue wait; plain wall where the
 * kernel gives no run-queue clock), and over all samples: how many overlapped a GC pause, how many
 * GCs and scavenges there were, and the percentiles of raw wall and process CPU time for comparison.
 */
export async function singleLatency(list, fn, { runs = 5, samples = 10000, warmup = 5000 } = {}) {
  const waited = runQueueClock();
  const pauses = [];
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) pauses.push(e);
  });
  observer.observe({ entryTypes: ['gc'] });
  for (let i = 0; i < warmup; i++) fn(list[i % list.length]);
  await turn();
  pauses.length = 0;
  const perRun = [];
  const all = { start: [], time: [], cpu: [], wall: [] };
  let waitedTotal = 0;
  for (let r = 0; r < runs; r++) {
    const start = new Float64Array(samples);
    const time = new Float64Array(samples);
    const cpu = new Float64Array(samples);
    const walls = new Float64Array(samples);
    for (let i = 0; i < samples; i++) {
      const w0 = waited ? waited() : 0;
      const c = process.cpuUsage();
      const t = performance.now();
      fn(list[i % list.length]);
      const wall = performance.now() - t;
      const d = process.cpuUsage(c);
      const queued = waited ? (waited() - w0) / 1e6 : 0;
      waitedTotal += queued;
      start[i] = t;
      walls[i] = wall * 1000;
      time[i] = Math.max(0, wall - queued) * 1000;
      cpu[i] = d.user + d.system;
    }
    // Between runs the event loop turns, so the GC observer is told of this run's pauses.
    await turn();
    perRun.push(summary(Float64Array.from(time).sort()));
    all.start.push(start);
    all.time.push(time);
    all.cpu.push(cpu);
    all.wall.push(walls);
  }
  await turn();
  observer.disconnect();
  const gcs = pauses.map((e) => ({ from: e.startTime, to: e.startTime + e.duration, kind: e.detail?.kind ?? e.kind })).sort((a, b) => a.from - b.from);
  let duringGc = 0;
  let slowDuringGc = 0;
  let slow = 0;
  const clean = [];
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < samples; i++) {
      const from = all.start[r][i];
      const to = from + all.time[r][i] / 1000;
      const inGc = overlaps(gcs, from, to);
      const isSlow = all.time[r][i] > 1000;
      if (inGc) duringGc++;
      if (isSlow) slow++;
      if (inGc && isSlow) slowDuringGc++;
      if (!inGc) clean.push(all.time[r][i]);
    }
  }
  const p999s = perRun.map((s) => s.p999).sort((a, b) => a - b);
  return {
    clock: waited ? 'wall less run-queue wait' : 'wall (no run-queue clock here)',
    runs,
    samples,
    perRun,
    medianP999: percentile(p999s, 0.5),
    p999Range: [p999s[0], p999s.at(-1)],
    waitedMs: waitedTotal,
    all: summary(Float64Array.from(all.time.flatMap((t) => [...t])).sort()),
    cpu: summary(Float64Array.from(all.cpu.flatMap((t) => [...t])).sort()),
    wall: summary(Float64Array.from(all.wall.flatMap((t) => [...t])).sort()),
    withoutGc: summary(Float64Array.from(clean).sort()),
    gcs: gcs.length,
    scavenges: gcs.filter((g) => g.kind === constants.NODE_PERFORMANCE_GC_MINOR).length,
    duringGc,
    slow,
    slowDuringGc,
  };
}

function summary(sorted) {
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), p999: percentile(sorted, 0.999), max: sorted.at(-1) };
}

/** Whether [from, to] overlaps any of the pauses, sorted by start (main-thread pauses never overlap, so by end too). */
function overlaps(pauses, from, to) {
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pauses[mid].to < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < pauses.length && pauses[lo].from <= to;
}
