#!/usr/bin/env node
// `npm run bench:service`: a load test of `proportionate serve` on loopback with autocannon. The
// service runs as it is shipped (node dist/cli.js serve, its own process); the load generator runs
// here. For 1 and 64 connections: requests/s, p50/p99 latency and errors, for POST /v1/validate
// (the bundled example orders in turn) and GET /health; the service's memory (RSS, from /proc)
// before and after. Each run is bounded in time (BENCH_SECONDS, default 5) and in count
// (BENCH_MAX_REQUESTS, default 50,000). A benchmark, not a test: nothing fails on a figure.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 50_000);
const bodies = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.stringify(JSON.parse(readFileSync(`${root}examples/${f}`, 'utf8'))));

function start() {
  const child = spawn(process.execPath, [`${root}dist/cli.js`, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      // Once listening, the service logs a line per request: keep only the tail for an exit message,
      // since gathering and splitting the whole log on every chunk starves the load generator here.
      if (child.url) {
        log = (log + d).slice(-4096);
        return;
      }
      log += d;
      const line = log.split('\n').find((l) => l.includes('"listening"'));
      if (line && !child.url) {
        child.url = JSON.parse(line).url;
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  });
}

/** The service's resident memory in MiB, from /proc (Linux); null elsewhere. */
function rssMiB(pid, field = 'VmRSS') {
  try {
    const kib = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return Math.round((kib / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

async function load(url, connections, route) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    maxOverallRequests: maxRequests,
    timeout: 10,
    requests: [
      route === 'validate'
        ? { method: 'POST', path: '/v1/validate', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }
        : { method: 'GET', path: '/health' },
    ],
  });
  const non2xx = result.non2xx;
  return {
    route: route === 'validate' ? 'POST /v1/validate' : 'GET /health',
    connections,
    requests: result.requests.total,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.timeouts + non2xx,
  };
}

const child = await start();
try {
  // A short warm-up, so the first measured run is not the JIT's.
  await autocannon({ url: child.url, connections: 4, amount: 500, requests: [{ method: 'POST', path: '/v1/validate', headers: { 'content-type': 'application/json' }, body: bodies[0] }] });
  const before = rssMiB(child.pid);
  const rows = [];
  for (const connections of [1, 64]) for (const route of ['validate', 'health']) rows.push(await load(child.url, connections, route));
  const after = rssMiB(child.pid);
  const peak = rssMiB(child.pid, 'VmHWM');
  console.log(`proportionate serve on ${child.url}, Node ${process.version}; each run at most ${seconds} s and ${maxRequests} requests; ${bodies.length} example orders in turn`);
  console.table(rows);
  console.log(`service memory (RSS): ${before ?? 'n/a'} MiB before the runs (after warm-up), ${after ?? 'n/a'} MiB after, peak ${peak ?? 'n/a'} MiB`);
} finally {
  child.kill('SIGTERM');
}
