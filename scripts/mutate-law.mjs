#!/usr/bin/env node
// npm run mutate:law [-- --sample N --seed S --base head|worktree --jobs J --workers W --only TEXT [--only TEXT ...] --list --drop-failing --no-isolate]
// A mutation score for the law: every comparison moved to its off-by-one twin, every boolean test flipped,
// every condition of an `all` dropped, every rule's kind changed, every dated value moved by one, every
// `from` date and regime start moved by a day, and a few calendar/fact helper breaks. Each mutant runs the
// law's test subset (scripts/mutate/subset.mjs) in a copy of the repository; a mutant no test notices is
// a survivor. Prints the survivors with what changed and `N killed, M survived`; exits 1 on any survivor.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EQUIVALENT } from './mutate/equivalent.mjs';
import { generateMutants } from './mutate/generate.mjs';
import { sample } from './mutate/sample.mjs';
import { LAW_STAGES, LAW_SUBSET } from './mutate/subset.mjs';
import { makeWorkspace } from './mutate/workspace.mjs';
import { openRunner } from './mutate/run.mjs';
import { root } from './rule-files.mjs';

/** Paths laid over HEAD with --base head: the runner, and the tests that pin the law with their shared helpers. */
const OVERLAY = ['scripts/mutate-law.mjs', 'scripts/mutate', 'vitest.config.ts', 'test/support', ...LAW_SUBSET];

const { values: args } = parseArgs({
  options: {
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    base: { type: 'string', default: 'worktree' },
    workers: { type: 'string' },
    only: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
    'drop-failing': { type: 'boolean', default: false },
    'no-isolate': { type: 'boolean', default: false },
    jobs: { type: 'string', default: '1' },
    shard: { type: 'string' },
  },
});
const jobs = Number(args.jobs);
if (!(Number.isInteger(jobs) && jobs >= 1)) throw new Error('--jobs is a whole number, 1 or more');
if (!['worktree', 'head'].includes(args.base)) throw new Error('--base is worktree or head');

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
if (jobs > 1 && !args.list) process.exit(await runShards(jobs));
const workspace = makeWorkspace(root, { base: args.base, overlay: OVERLAY });
// Interrupted, the copy still goes: it is a full copy of the repository in the temporary directory.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (workspace.remove(), process.exit(130)));
let exitCode = 0;
try {
  const { ruleFiles } = await import(pathToFileURL(join(workspace.dir, 'scripts/rule-files.mjs')).href);
  const readText = (file) => (existsSync(join(workspace.dir, file)) ? readFileSync(join(workspace.dir, file), 'utf8') : undefined);
  const generated = generateMutants(ruleFiles(), readText);
  const equivalent = generated.filter((m) => EQUIVALENT.has(m.id));
  let mutants = generated.filter((m) => !EQUIVALENT.has(m.id));
  const total = mutants.length;
  // --only may be given more than once: the mutants whose description contains any of the texts.
  if (args.only) mutants = mutants.filter((m) => args.only.some((text) => m.id.includes(text)));
  if (args.sample) mutants = sample(mutants, Number(args.sample), Number(args.seed));
  // --shard K/J (set by --jobs): every J-th mutant from the K-th, so the shards share the work evenly.
  if (args.shard) {
    const [k, of] = args.shard.split('/').map(Number);
    mutants = mutants.filter((_, i) => i % of === k - 1);
  }
  if (mutants.length === 0) {
    console.error(`mutate:law: no mutants selected (of ${total})`);
    exitCode = 2;
  } else if (args.list) {
    for (const m of mutants) console.log(m.id);
    console.log(`${mutants.length} of ${total} mutants`);
  } else {
    const open = () => openRunner(workspace.dir, LAW_STAGES, { workers: args.workers ? Number(args.workers) : undefined, isolate: !args['no-isolate'] });
    let runner = await open();
    try {
      let baseline = await runner.runSubset();
      let dropped = [];
      // Bail stops a stage at its first failure, so drop until the rest passes (each pass drops at least one file).
      for (let pass = 0; baseline.length > 0 && args['drop-failing'] && pass < 20; pass++) {
        dropped.push(...(await runner.dropFailingFiles()));
        baseline = await runner.runSubset();
      }
      if (dropped.length > 0) console.error(`mutate:law: WARNING: these test files fail with no mutant applied and are left out, so the score below is partial:\n  ${dropped.join('\n  ')}`);
      if (baseline.length > 0) {
        console.error(`mutate:law: the law's test subset fails before any mutation, so no mutant can be judged:\n  ${baseline.slice(0, 10).join('\n  ')}`);
        exitCode = 2;
      } else {
        console.log(`mutate:law: ${mutants.length} of ${total} mutants${args.sample ? ` (sample, seed ${args.seed})` : ''}, ${runner.files()} test files, baseline passed in ${seconds()}s`);
        const survivors = [];
        let killed = 0;
        for (const [i, mutant] of mutants.entries()) {
          const failed = await runner.tryMutant(mutant);
          if (runner.state.poisoned) {
            // A mutant that broke loading: start a fresh vitest so the next mutant is not judged on it.
            const keep = runner.files();
            await runner.close();
            runner = await open();
            if (dropped.length > 0) await runner.dropFailingFiles();
            if (runner.files() !== keep) throw new Error('mutate:law: the reopened runner sees a different subset');
          }
          if (failed.length > 0) killed++;
          else survivors.push(mutant);
          const mark = failed.length > 0 ? 'killed  ' : 'SURVIVED';
          console.log(`[${i + 1}/${mutants.length} ${seconds()}s] ${mark} ${mutant.id}${failed.length > 0 ? `  <- ${failed[0]}` : ''}`);
        }
        if (survivors.length > 0) {
          console.log(`\nSurvivors (no test in the law subset noticed the change):`);
          for (const m of survivors) console.log(`  ${m.file}: ${m.what}`);
        }
        for (const m of equivalent) console.log(`equivalent, not run: ${m.id} (${EQUIVALENT.get(m.id)})`);
        console.log(`\n${killed} killed, ${survivors.length} survived (${seconds()}s)`);
        if (survivors.length > 0) exitCode = 1;
        if (dropped.length > 0) {
          console.log(`(partial: ${dropped.length} failing test file(s) left out, see the warning above)`);
          exitCode = exitCode || 2;
        }
      }
    } finally {
      await runner.close();
    }
  }
} finally {
  workspace.remove();
}
process.exit(exitCode);

/**
 * --jobs J: the selection split into J shards, each a child run of this script with its own copy and its own
 * vitest (one vitest keeps about one core busy), lines prefixed with the shard; the totals are summed here.
 */
async function runShards(count) {
  const passOn = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--jobs') && all[i - 1] !== '--jobs');
  const totals = { killed: 0, survived: 0 };
  const survivors = [];
  const codes = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...passOn, '--shard', `${i + 1}/${count}`], { stdio: ['ignore', 'pipe', 'inherit'] });
        let rest = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) {
            const total = /^(\d+) killed, (\d+) survived/.exec(line);
            if (total) (totals.killed += Number(total[1])), (totals.survived += Number(total[2]));
            if (line.includes(' SURVIVED ')) survivors.push(line);
            if (line.startsWith('equivalent, not run') && i > 0) continue;
            console.log(`[shard ${i + 1}/${count}] ${line}`);
          }
        });
        child.on('close', (code) => resolve(code ?? 3));
      }),
    ),
  );
  if (survivors.length > 0) console.log(`\nSurvivors, all shards:\n${survivors.join('\n')}`);
  console.log(`\n${totals.killed} killed, ${totals.survived} survived (${count} shards, ${seconds()}s)`);
  return Math.max(...codes);
}
