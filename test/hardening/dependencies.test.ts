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
  const DIRECT = ['date-fns', 'json-rules-engine', 'zod'];
  const INSTALLED = [...DIRECT, 'clone', 'eventemitter2', 'hash-it', 'jsonpath-plus', 'jsep', '@jsep-plugin/assignment', '@jsep-plugin/regex'];

  it('the library depends on json-rules-engine and at most zod and date-fns besides', () => {
    const direct = Object.keys(pkg.dependencies);
    expect(direct).toContain('json-rules-engine');
    expect(direct.filter((name) => !DIRECT.includes(name))).toEqual([]);
  });

  it('the production install is those and json-rules-engine’s own dependencies, nothing more', () => {
    const installed = [...productionPackages().keys()];
    expect(installed.filter((name) => !INSTALLED.includes(name))).toEqual([]);
    expect(installed).toEqual(expect.arrayContaining(['json-rules-engine', 'jsonpath-plus']));
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
