// Runs the law's test subset once per mutant in ONE vitest instance (its Node API): the mutant is written
// into the workspace copy, the changed file is invalidated in vitest's module graph, the subset reruns,
// and the run stops at its first failing test (bail). Far faster than one vitest process per mutant.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import { NOT_THE_LAW } from './subset.mjs';

/** A reporter that says nothing: the runner prints one line per mutant itself. */
const quiet = {};

export async function openRunner(dir, stages, { workers, isolate = true, testTimeout = 60_000 } = {}) {
  const vitest = await createVitest(
    'test',
    {
      root: dir,
      watch: false,
      bail: 1,
      reporters: [quiet],
      testTimeout,
      isolate,
      // The type-level tests are not the law's; tsc per mutant would cost minutes.
      typecheck: { enabled: false },
      ...(workers ? { maxWorkers: workers } : {}),
    },
    { logLevel: 'silent' },
  );
  vitest.setGlobalTestNamePattern(new RegExp(`^(?!.*(?:${NOT_THE_LAW.source}))`));
  // Set when a module failed to load (a refused table): vitest was seen to keep serving that failure to later
  // runs even after the file was restored and invalidated, so the caller must reopen the runner.
  const state = { poisoned: false };
  const staged = [];
  for (const stage of stages) {
    const specs = await vitest.globTestSpecifications(stage);
    if (specs.length === 0) throw new Error(`no test files match this stage of the law subset: ${stage.join(', ')}`);
    staged.push(specs);
  }

  /** Run the subset stage by stage; the names of the tests that failed in the first stage to fail (empty when all passed). */
  async function runSubset() {
    for (const specs of staged) {
      const failed = await runSpecs(specs);
      if (failed.length > 0) return failed;
    }
    return [];
  }

  async function runSpecs(specs) {
    const result = await vitest.runTestSpecifications(specs);
    const failed = [];
    const tests = [];
    // The result lists every module vitest has seen, earlier runs included: judge only the ones run now.
    const ran = new Set(specs.map((s) => s.moduleId));
    for (const module of result.testModules.filter((m) => ran.has(m.moduleId))) {
      for (const error of module.errors()) {
        failed.push(`${module.moduleId.slice(dir.length + 1)}: ${error.message?.split('\n')[0]}`);
        state.poisoned = true;
      }
      for (const test of module.children.allTests('failed')) {
        const d = test.diagnostic();
        tests.push({ name: `${module.moduleId.slice(dir.length + 1)} > ${test.fullName}`, endedAt: d ? d.startTime + d.duration : Infinity });
      }
    }
    // Bail cancels the tests still running in other files once one fails, and they are reported as failed
    // too: the one that ended first is the one that noticed the mutant.
    failed.push(...tests.sort((a, b) => a.endedAt - b.endedAt).map((t) => t.name));
    for (const error of result.unhandledErrors ?? []) failed.push(`unhandled: ${String(error?.message ?? error).split('\n')[0]}`);
    return failed;
  }

  /**
   * Take out of the subset the test files that fail with no mutant applied (work in progress elsewhere),
   * so the rest can still judge mutants; the caller reports them and fails the run.
   */
  async function dropFailingFiles() {
    const dropped = [];
    for (const specs of staged) {
      const result = await vitest.runTestSpecifications(specs);
      const ran = new Set(specs.map((s) => s.moduleId));
      const bad = new Set(result.testModules.filter((m) => ran.has(m.moduleId) && !m.ok()).map((m) => m.moduleId));
      for (const id of bad) dropped.push(id.slice(dir.length + 1));
      specs.splice(0, specs.length, ...specs.filter((s) => !bad.has(s.moduleId)));
    }
    return dropped;
  }

  /**
   * Make vitest read `path` afresh. Invalidating the one file was seen to leave a stale copy after a mutant
   * that failed at import (a refused parameter table), so every module graph is cleared as well: slower
   * (the sources are transformed again), but a later mutant is never judged on an earlier one's file.
   */
  function forget(path) {
    vitest.invalidateFile(path);
    for (const project of vitest.projects) {
      project.vite.moduleGraph.invalidateAll();
      for (const environment of Object.values(project.vite.environments ?? {})) environment.moduleGraph?.invalidateAll?.();
    }
  }

  /** Apply `mutant` in the copy, run the subset, restore the file: the failing tests (killed) or none (survived). */
  async function tryMutant(mutant) {
    const path = join(dir, mutant.file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, mutant.apply(original));
    forget(path);
    try {
      return await runSubset();
    } finally {
      writeFileSync(path, original);
      forget(path);
    }
  }

  return { state, files: () => staged.flat().length, runSubset, dropFailingFiles, tryMutant, close: () => vitest.close() };
}
