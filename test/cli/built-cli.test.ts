import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposedOrderInput } from '../../src/index.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { TEST_EXIT_AT_LINE, TEST_THROW_AT_LINE } from '../../src/cli/worker.js';
import { cli, eventually, ndjson, parseLines, repoRoot, STACK_FRAME } from './support.js';

// Worker threads run the built CLI file (the source is TypeScript), so this suite builds it once,
// inside the project so that its dependencies resolve, and runs it as a user would.
const cacheDir = join(repoRoot, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'proportionate-cli-test-'));
const cliFile = join(outDir, 'cli.js');

beforeAll(async () => {
  await build({ entry: { cli: 'src/cli/main.ts' }, format: ['esm'], outDir, target: 'node20', banner: { js: '#!/usr/bin/env node' }, config: false, silent: true, dts: false, clean: false });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}
function node(args: string[], stdin = '', env: Record<string, string> = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliFile, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
/** A varied caseload: orders that are ok, invalid, in breach, and lines that are not orders at all. */
function caseload(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const o = clone(i % 2 ? lawfulMediumDrr() : lawfulCodeDrr());
    if (i % 5 === 1) (o.requirements[0] as Drr).offenderWilling = false;
    if (i % 7 === 3) o.sentence.endDate = '2027-12-01';
    lines.push(i % 97 === 50 ? '{not json' : JSON.stringify(o));
  }
  return `${lines.join('\n')}\n`;
}

describe('the built CLI', () => {
  it('runs as a command: check FILE prints the report and exits with the verdict', async () => {
    const ok = await node(['check', 'examples/lawful-medium-drr.json']);
    expect(ok.stdout).toMatch(/^OK: /);
    expect(ok.code).toBe(0);
    const bad = await node(['check', '-'], '{"offender": {}}');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('offender.dateOfBirth: ');
  });

  it('--workers 2 writes exactly what one thread writes, in input order, with the same summary', async () => {
    const input = caseload(600);
    const one = await cli(['check', '--ndjson', '-'], { stdin: input });
    const two = await node(['check', '--ndjson', '--workers', '2', '-'], input);
    expect(two.code).toBe(one.code);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const counts = (s: string) => s.replace(/^\d+ lines in [\d.]+ s \(\d+ lines\/s\)/, '');
    expect(counts(two.stderr)).toBe(counts(one.stderr));
  });

  it('--workers in-process, from the injected worker file, with the json-rules-engine evaluator', async () => {
    const input = caseload(100);
    const one = await cli(['check', '--ndjson', '-'], { stdin: input });
    const two = await cli(['check', '--ndjson', '--workers', '2', '--evaluator', 'json-rules-engine', '-'], { stdin: input, workerUrl: pathToFileURL(cliFile) });
    expect(two.stdout).toBe(one.stdout);
  });

  it('--workers with a malformed parameters file is bad input, reported once', async () => {
    const parameters = join(outDir, 'bad-parameters.json');
    writeFileSync(parameters, JSON.stringify({ 'no.suchParameter': 1 }));
    const run = await node(['check', '--ndjson', '--workers', '2', '--parameters', parameters, '-'], caseload(3));
    expect(run.code).toBe(2);
    expect(run.stderr.match(/no\.suchParameter/g)).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('--workers without the built file is a usage error, not a crash', async () => {
    const run = await cli(['check', '--ndjson', '--workers', '2', '-'], { stdin: caseload(3) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers needs the built CLI');
  });

  it('stops quietly when its reader goes away (| head)', async () => {
    const file = join(outDir, 'big.ndjson');
    writeFileSync(file, caseload(3000));
    const result = await new Promise<Spawned>((resolve, reject) => {
      const child = spawn(process.execPath, [cliFile, 'check', '--ndjson', file], { cwd: repoRoot });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('check - stops reading /dev/zero at the limit: exit 2 and a message', async () => {
    const result = await new Promise<Spawned>((resolve, reject) => {
      const child = spawn(process.execPath, [cliFile, 'check', '-'], { cwd: repoRoot, stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill(), 30_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: '', stderr });
      });
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('proportionate: standard input is larger than 1 MiB, the most one order may take (--max-order-bytes raises it); stopped reading\n');
  });

  it('--workers 2 answers a slowly arriving stream line by line', async () => {
    const child = spawn(process.execPath, [cliFile, 'check', '--ndjson', '--compact', '--workers', '2', '-'], { cwd: repoRoot });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const order = JSON.stringify(lawfulMediumDrr());
    try {
      for (let i = 1; i <= 3; i++) {
        child.stdin.write(`${order}\n`);
        await eventually(() => parseLines(stdout).length === i, `record ${i}`, 20_000);
      }
    } finally {
      child.stdin.end();
    }
    expect(await closed).toBe(0);
    expect(parseLines(stdout)).toHaveLength(3);
  });

  it('a worker that throws ends the run with exit 3 and a message, every line before it answered, no stack', async () => {
    const input = caseload(300).replace(/\{not json/g, '{}');
    const run = await node(['check', '--ndjson', '--compact', '--workers', '2', '-'], input, { [TEST_THROW_AT_LINE]: '200' });
    expect(run.code).toBe(3);
    expect((parseLines(run.stdout) as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
    expect(run.stderr).toMatch(/^proportionate: internal error: answering line 200: Error: injected failure at line 200/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('--debug (or PROPORTIONATE_DEBUG) adds the stack to an internal error, and only then', async () => {
    const input = caseload(20);
    for (const [args, env] of [
      [['--debug'], {}],
      [[], { PROPORTIONATE_DEBUG: '1' }],
    ] as const) {
      const run = await node(['check', '--ndjson', '--workers', '2', ...args, '-'], input, { [TEST_THROW_AT_LINE]: '5', ...env });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(STACK_FRAME);
    }
  });

  it('a worker thread that dies mid-batch ends the run with exit 3, not a hang, after the batches before it', async () => {
    const input = caseload(400).replace(/\{not json/g, '{}');
    const run = await node(['check', '--ndjson', '--compact', '--workers', '2', '-'], input, { [TEST_EXIT_AT_LINE]: '300' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^proportionate: internal error: worker thread exited unexpectedly \(code 70\), answering lines (\d+) to (\d+)\n/);
    const [, first] = /answering lines (\d+) to/.exec(run.stderr)!;
    expect((parseLines(run.stdout) as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: Number(first) - 1 }, (_, i) => i + 1));
    expect(Number(first)).toBeLessThanOrEqual(300);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('the test hooks are ignored without --workers: only worker threads read them', async () => {
    const input = caseload(20).replace(/\{not json/g, '{}');
    const run = await node(['check', '--ndjson', '--compact', '-'], input, { [TEST_THROW_AT_LINE]: '5', [TEST_EXIT_AT_LINE]: '6' });
    expect(run.code).not.toBe(3);
    expect(parseLines(run.stdout)).toHaveLength(20);
  });
});
