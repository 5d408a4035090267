#!/usr/bin/env node
// Installs the packed tarball into a fresh consumer outside the repository and uses it as a
// consumer would: ESM import and CJS require of '.', './rules' and './arbitraries', their types
// under node16, bundler and node10 resolution, and the installed `proportionate` command.
// node test/interop/package-consumer.mjs TARBALL   (prints "package: N passed, M failed")
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tarball = resolve(process.argv[2] ?? '');
const dir = mkdtempSync(join(tmpdir(), 'proportionate-consumer-'));
const example = JSON.parse(readFileSync(join(repo, 'examples/lawful-medium-drr.json'), 'utf8'));
const fastCheckVersion = JSON.parse(readFileSync(join(repo, 'node_modules/fast-check/package.json'), 'utf8')).version;
const tsc = join(repo, 'node_modules/typescript/bin/tsc');

const results = [];
function test(name, fn) {
  try {
    fn();
    results.push(true);
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`  FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`.replace(/\n/g, '\n       '));
  }
}
const run = (cmd, args, input) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
const write = (name, text) => writeFileSync(join(dir, name), text);

try {
  write('package.json', JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  write('order.json', JSON.stringify(example));
  // Offline first: CI has just installed the same dependencies, so npm's cache holds them.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `fast-check@${fastCheckVersion}`]);

  const runtime = (load) => `
const order = JSON.parse(require('node:fs').readFileSync('order.json', 'utf8'));
${load}
const v = lib.createValidator();
if (v.validateSync(order).ok !== true) throw new Error('the example order is not ok');
const bad = v.safeValidate({});
if (!rules.findingCodes.length || !rules.findingCodes.every((c) => /^[A-Z0-9_]+$/.test(c.code))) throw new Error('no finding codes');
if (typeof lib.inputJsonSchema().properties !== 'object') throw new Error('no JSON Schema');
const [generated] = fc.sample(arbitraries.validOrder(), { numRuns: 1, seed: 1 });
if (v.validateSync(generated).ok !== true) throw new Error('validOrder() gave an order that is not ok');
bad.then((r) => { if (r.success) throw new Error('{} was accepted'); console.log('fine'); });
`;
  write(
    'esm.mjs',
    `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import * as lib from 'proportionate';
import * as rules from 'proportionate/rules';
import * as arbitraries from 'proportionate/arbitraries';
import fc from 'fast-check';
${runtime('')}`,
  );
  write(
    'cjs.cjs',
    runtime(`const lib = require('proportionate'); const rules = require('proportionate/rules'); const arbitraries = require('proportionate/arbitraries'); const fc = require('fast-check');
// The HTTP service is the CLI's alone: the library must not bring fastify with it.
const fastify = Object.keys(require.cache).filter((f) => /[\\/]node_modules[\\/](@fastify|fastify)[\\/]/.test(f));
if (fastify.length) throw new Error('require("proportionate") loaded ' + fastify[0]);`),
  );
  test('ESM import of ".", "./rules" and "./arbitraries"', () => run(process.execPath, ['esm.mjs']).includes('fine') || fail());
  test('CJS require of ".", "./rules" and "./arbitraries"', () => run(process.execPath, ['cjs.cjs']).includes('fine') || fail());

  const types = `import { createValidator, omTier, treatmentTier, type OmTier, type ValidationResult, type ProposedOrderInput } from 'proportionate';
import { findingCodes, type FindingCode } from 'proportionate/rules';
import { validOrder } from 'proportionate/arbitraries';
export const pending: Promise<ValidationResult> = createValidator().validate({});
export const tier: OmTier = omTier(3);
// @ts-expect-error a treatment tier is not an offender management tier
export const wrong: OmTier = treatmentTier(3);
export const first: FindingCode | undefined = findingCodes[0];
export const orders = validOrder().map((o: ProposedOrderInput) => o.requirements.length);
`;
  write('types.mts', types);
  write('types.cts', types);
  write('types-bundler.ts', types);
  write('types-node10.ts', types);
  // Like most consumers, skip checking dependencies' declarations (zod's need DOM's URL, fast-check's
  // need node16 resolution); the @ts-expect-error above fails if ours degrade to \`any\`.
  const project = (name, options, files) =>
    write(name, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['ES2022'], ...options }, files }));
  project('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' }, ['types.mts', 'types.cts']);
  project('tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, ['types-bundler.ts']);
  project('tsconfig.node10.json', { module: 'commonjs', moduleResolution: 'node10' }, ['types-node10.ts']);
  for (const resolution of ['node16', 'bundler', 'node10']) test(`types resolve and check under moduleResolution ${resolution}`, () => run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`]));

  const bin = join(dir, 'node_modules/.bin/proportionate');
  test('the installed command checks an order', () => {
    const out = run(bin, ['check', 'order.json']);
    if (!out.startsWith('OK:')) throw new Error(out);
  });
  test('the installed command spreads a caseload over worker threads', () => {
    const line = JSON.stringify(example);
    const r = spawnSync(bin, ['check', '--ndjson', '--workers', '2', '-'], { cwd: dir, input: `${line}\n${line}\n{\n`, encoding: 'utf8' });
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    if (r.status !== 2 || records.map((x) => x.line).join() !== '1,2,3' || !records[2].error) throw new Error(`exit ${r.status}: ${r.stdout}${r.stderr}`);
  });
  write(
    'serve-check.mjs',
    `import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const child = spawn(process.argv[2], ['serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const exited = new Promise((resolve) => child.on('exit', resolve));
const url = await new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('serve did not start: ' + log)), 30000).unref();
  child.stderr.on('data', (d) => {
    log += d;
    const line = log.split('\\n').find((l) => l.includes('"listening"'));
    if (line) resolve(JSON.parse(line).url);
  });
  exited.then((code) => reject(new Error('serve exited ' + code + ': ' + log)));
});
const order = JSON.stringify(JSON.parse(readFileSync('order.json', 'utf8')));
const one = await fetch(url + '/v1/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: order });
if (one.status !== 200 || (await one.json()).ok !== true) throw new Error('POST /v1/validate: ' + one.status);
const bad = await fetch(url + '/v1/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
if (bad.status !== 400 || !bad.headers.get('content-type').startsWith('application/problem+json')) throw new Error('a bad order: ' + bad.status);
const batch = await (await fetch(url + '/v1/validate/batch?compact=true', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: order + '\\n{\\n' })).text();
const lines = batch.trim().split('\\n').map((l) => JSON.parse(l));
if (lines.length !== 2 || lines[0].ok !== true || !lines[1].error) throw new Error('batch: ' + batch);
const doc = await (await fetch(url + '/openapi.json')).json();
if (doc.openapi !== '3.1.0' || !doc.components.schemas.ProposedOrder) throw new Error('no OpenAPI 3.1 document');
child.kill('SIGTERM');
const code = await exited;
if (code !== 0) throw new Error('exit ' + code + ' after SIGTERM: ' + log);
console.log('fine');
`,
  );
  test('the installed command serves HTTP (proportionate serve): validate, batch, OpenAPI, SIGTERM', () => {
    const out = run(process.execPath, ['serve-check.mjs', bin]);
    if (!out.includes('fine')) throw new Error(out);
  });
  test('the installed command prints the JSON Schema', () => {
    if (JSON.parse(run(bin, ['schema'])).title !== 'ProposedOrder') throw new Error('no schema');
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function fail() {
  throw new Error('unexpected output');
}
const failed = results.filter((ok) => !ok).length;
console.log(`package: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
