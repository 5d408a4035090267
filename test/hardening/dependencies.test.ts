import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// npm audit cannot reach an advisory endpoint from the machines this is built on, so the versions
// the library relies on are checked here instead (README "Security and dependencies" gives the reasoning).
const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const pkg = read('package.json');
const lock = read('package-lock.json');
const require = createRequire(new URL('package.json', root));

/** Compare dotted versions numerically (pre-release tags are not used by these packages). */
const atLeast = (version: string, floor: string): boolean => {
  const [a, b] = [version, floor].map((v) => v.split('-')[0]!.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a![i] !== b![i]) return a![i]! > b![i]!;
  return true;
};

/** Every package the lockfile installs for production (not dev, not optional peers), by name. */
const productionPackages = (): Map<string, string> =>
  new Map(
    Object.entries(lock.packages as Record<string, { version: string; dev?: boolean; devOptional?: boolean; optional?: boolean }>)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
      .map(([path, entry]) => [path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), entry.version]),
  );

describe('dependencies', () => {
  // Adding a production dependency is a decision to record in the README (Security and dependencies), not a side effect.
  const LIBRARY = ['date-fns', 'json-rules-engine', 'zod'];
  // The command line's own commands, loaded only by them (dynamic import): never on the library's import path.
  const CLI_ONLY: Record<string, string> = {
    fastify: 'proportionate serve: the HTTP service',
    '@fastify/swagger': 'proportionate serve: the OpenAPI 3.1 document',
    yaml: 'proportionate test and lint: YAML case files and packs',
    vega: 'proportionate inspect: charts rendered to SVG',
    'vega-lite': 'proportionate inspect: chart specifications',
  };
  const LIBRARY_INSTALLED = [...LIBRARY, 'clone', 'eventemitter2', 'hash-it', 'jsonpath-plus', 'jsep', '@jsep-plugin/assignment', '@jsep-plugin/regex'];

  /** The packages a set of direct dependencies installs, followed through the lockfile with Node's nested resolution. */
  const closure = (roots: readonly string[]): Set<string> => {
    const packages = lock.packages as Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
    const resolve = (from: string, name: string): string | undefined => {
      for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
        const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
        if (packages[candidate]) return candidate;
        if (!base) return undefined;
      }
    };
    const seen = new Set<string>();
    const queue = roots.map((name) => resolve('', name)).filter((path): path is string => path !== undefined);
    while (queue.length) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const entry = packages[path]!;
      for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const found = resolve(path, dep);
        if (found) queue.push(found);
      }
    }
    return new Set([...seen].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
  };

  it('the library depends on json-rules-engine and zod; every other dependency is a named CLI command\'s', () => {
    const direct = Object.keys(pkg.dependencies);
    expect(direct).toContain('json-rules-engine');
    expect(direct.filter((name) => !LIBRARY.includes(name) && !Object.hasOwn(CLI_ONLY, name))).toEqual([]);
  });

  it('what the library itself installs is those and json-rules-engine’s own dependencies, nothing more', () => {
    const installed = [...closure(Object.keys(pkg.dependencies).filter((name) => LIBRARY.includes(name)))];
    expect(installed.filter((name) => !LIBRARY_INSTALLED.includes(name))).toEqual([]);
    expect(installed).toEqual(expect.arrayContaining(['json-rules-engine', 'jsonpath-plus']));
  });

  it('the production install is the library’s packages and the CLI commands’ packages, nothing else', () => {
    const allowed = closure([...Object.keys(pkg.dependencies)]);
    expect([...productionPackages().keys()].filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('the package entry points (index, rules, arbitraries) reach no CLI-only package, statically or dynamically', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: URL) => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)) {
        if (spec!.startsWith('.')) visit(new URL(spec!.replace(/\.js$/, '.ts'), file));
        else if (Object.keys(CLI_ONLY).some((name) => spec === name || spec!.startsWith(`${name}/`))) offenders.push(`${file.pathname}: ${spec}`);
      }
    };
    for (const entry of ['src/index.ts', 'src/rules.ts', 'src/arbitraries/index.ts']) visit(new URL(entry, root));
    expect(seen.size).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('fast-check is a dev dependency and an optional peer, never installed for production', () => {
    expect(pkg.dependencies['fast-check']).toBeUndefined();
    expect(pkg.devDependencies['fast-check']).toBeDefined();
    expect(pkg.peerDependencies['fast-check']).toBeDefined();
    expect(pkg.peerDependenciesMeta['fast-check'].optional).toBe(true);
    expect(productionPackages().has('fast-check')).toBe(false);
  });

  it('json-rules-engine is pinned to 7.3.1, the first release that requires jsonpath-plus ^10.3.0', () => {
    expect(pkg.dependencies['json-rules-engine']).toBe('7.3.1');
    expect(lock.packages['node_modules/json-rules-engine'].version).toBe('7.3.1');
    expect(lock.packages['node_modules/json-rules-engine'].dependencies['jsonpath-plus']).toBe('^10.3.0');
  });

  it('jsonpath-plus is past CVE-2024-21534 (fixed in 10.2.0) and CVE-2025-1302 (fixed in 10.3.0), in the lockfile and as installed', () => {
    const locked = Object.entries(lock.packages as Record<string, { version: string }>).filter(([path]) => path.endsWith('node_modules/jsonpath-plus'));
    expect(locked.length).toBeGreaterThan(0);
    for (const [, entry] of locked) expect(atLeast(entry.version, '10.3.0'), entry.version).toBe(true);
    const installed = require('jsonpath-plus/package.json').version as string;
    expect(atLeast(installed, '10.3.0'), installed).toBe(true);
    expect(pkg.overrides['jsonpath-plus']).toMatch(/^\^10\.(3|4|[5-9])/);
  });

  it('the version comparison can say no', () => {
    expect(atLeast('10.2.9', '10.3.0')).toBe(false);
    expect(atLeast('9.9.9', '10.3.0')).toBe(false);
    expect(atLeast('10.3.0', '10.3.0')).toBe(true);
  });
});
