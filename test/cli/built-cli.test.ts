import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposedOrderInput } from '../../src/index.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { cli, ndjson, repoRoot } from './support.js';

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
function node(args: string[], stdin = ''): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliFile, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
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
});
