import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawfulMediumDrr } from '../support/orders.js';
import { repoRoot } from '../cli/support.js';
import { openStream, records } from './support.js';

// `serve` and the library as they are shipped: built with the project's own tsup settings (ESM with
// code splitting, so the service is a chunk of its own), inside the project so dependencies resolve.
const cacheDir = join(repoRoot, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'proportionate-serve-test-'));

beforeAll(async () => {
  const common = { outDir, target: 'node20' as const, config: false, silent: true, dts: false, clean: false, external: ['fast-check'] };
  await build({ ...common, entry: { cli: 'src/cli/main.ts' }, format: ['esm'], banner: { js: '#!/usr/bin/env node' } });
  await build({ ...common, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'] });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `proportionate serve --port 0` as a child process; resolves once its first log line names the address. */
function serve(args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [join(outDir, 'cli.js'), 'serve', '--port', '0', ...args], { cwd: repoRoot });
  let stderr = '';
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolveServed, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      const first = stderr.split('\n').find((l) => l.includes('"listening"'));
      if (first) {
        clearTimeout(timer);
        resolveServed({ child, url: JSON.parse(first).url, stderr: () => stderr, exit });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

const logLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

describe('proportionate serve, as a process', () => {
  it('listens on 127.0.0.1 by default, answers, and logs one JSON line a request on stderr', async () => {
    const served = await serve();
    try {
      expect(new URL(served.url).hostname).toBe('127.0.0.1');
      const response = await fetch(new URL('/v1/validate', served.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lawfulMediumDrr()) });
      expect((await response.json()).ok).toBe(true);
      await fetch(new URL('/health', served.url));
    } finally {
      served.child.kill('SIGTERM');
    }
    expect(await served.exit).toBe(0);
    const requests = logLines(served.stderr()).filter((l) => l.method);
    expect(requests.map((l) => `${l.method} ${l.url} ${l.status}`)).toEqual(['POST /v1/validate 200', 'GET /health 200']);
    expect(logLines(served.stderr()).map((l) => l.msg).filter(Boolean)).toEqual(['listening', 'shutting down', 'stopped']);
  });

  it('on SIGTERM stops taking connections, finishes the request in flight, then exits 0', async () => {
    const served = await serve();
    const order = JSON.stringify(lawfulMediumDrr());
    const stream = openStream(served.url, '/v1/validate/batch?compact=true');
    await stream.write(`${order}\n`);
    await stream.waitFor('"line":1');
    served.child.kill('SIGTERM');
    // The listening socket closes: a new connection is refused while the old request goes on.
    await expect
      .poll(async () => fetch(new URL('/health', served.url)).then(() => 'answered', () => 'refused'), { timeout: 10_000 })
      .toBe('refused');
    await stream.write(`${order}\n`);
    await stream.waitFor('"line":2');
    stream.end();
    expect(records(await stream.ended).map((r) => r.line)).toEqual([1, 2]);
    expect(await served.exit).toBe(0);
    const lines = logLines(served.stderr());
    expect(lines.find((l) => l.url === '/v1/validate/batch?compact=true')).toMatchObject({ status: 200, lines: 2 });
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
  });

  it('refuses bad flags with exit 2 and a reason, before listening', () => {
    const bad = spawnSync(process.execPath, [join(outDir, 'cli.js'), 'serve', '--port', '70000'], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be a whole number from 0 to 65535');
    const stage = spawnSync(process.execPath, [join(outDir, 'cli.js'), 'serve', '--stage', 'trial'], { cwd: repoRoot, encoding: 'utf8' });
    expect(stage.status).toBe(2);
  });
});

describe('importing the library does not load the service', () => {
  /** Every file the built ESM entry reaches through static imports, and every bare package it names. */
  function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
    const files: string[] = [];
    const packages = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.shift()!;
      if (files.includes(file)) continue;
      files.push(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
        else packages.add(spec);
      }
    }
    return { files, packages };
  }

  it('the built ESM entry reaches no fastify module through its static imports', () => {
    const graph = staticGraph(join(outDir, 'index.js'));
    expect([...graph.packages].filter((p) => /fastify/.test(p))).toEqual([]);
    expect(graph.packages.has('zod')).toBe(true);
    for (const file of graph.files) expect(readFileSync(file, 'utf8')).not.toMatch(/fastify/);
    // The CLI does reach the service, but only through a dynamic import.
    const cli = readFileSync(join(outDir, 'cli.js'), 'utf8');
    expect(cli).toMatch(/import\(["']\.\/[^"']+\.js["']\)/);
    expect(staticGraph(join(outDir, 'cli.js')).packages.has('fastify')).toBe(false);
  });

  it('require() of the built CJS entry leaves no fastify module in require.cache; serve would', () => {
    const script = `require(${JSON.stringify(join(outDir, 'index.cjs'))});
const loaded = Object.keys(require.cache).filter((f) => f.includes('fastify'));
require('fastify');
const after = Object.keys(require.cache).filter((f) => f.includes('fastify'));
console.log(JSON.stringify({ loaded, after: after.length }));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
    const { loaded, after } = JSON.parse(run.stdout);
    expect(loaded).toEqual([]);
    // The check can fail: loading fastify does show up in require.cache.
    expect(after).toBeGreaterThan(0);
  });
});
