import { expect } from 'vitest';
import type { Finding, Remedy, ValidationResult, Validator } from '../../src/index.js';

/** Every finding of a result, once. */
export const findingsOf = (r: ValidationResult): Finding[] => [...new Set([...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories])];

/** A JSON Patch applied by hand (RFC 6902 add/remove/replace), independent of the library's own applier. */
export function patched(input: unknown, patch: NonNullable<Remedy['patch']>): unknown {
  const doc = JSON.parse(JSON.stringify(input));
  for (const op of patch) {
    const tokens = op.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens.pop()!;
    let parent = doc;
    for (const t of tokens) parent = parent[Array.isArray(parent) ? Number(t) : t];
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value);
      else if (op.op === 'remove') parent.splice(i, 1);
      else parent[i] = op.value;
    } else if (op.op === 'remove') {
      if (!(last in parent)) throw new Error(`remove of missing ${op.path}`);
      delete parent[last];
    } else {
      if (op.op === 'replace' && !(last in parent)) throw new Error(`replace of missing ${op.path}`);
      parent[last] = op.value;
    }
  }
  return doc;
}

/** Original index of each patched requirement (undefined: added by the patch). */
function origins(patch: NonNullable<Remedy['patch']>, count: number): (number | undefined)[] {
  const from: (number | undefined)[] = [...Array(count).keys()];
  for (const op of patch) {
    const m = /^\/requirements\/(\d+|-)$/.exec(op.path);
    if (!m) continue;
    const at = m[1] === '-' ? from.length : Number(m[1]);
    if (op.op === 'remove') from.splice(at, 1);
    else if (op.op === 'add') from.splice(at, 0, undefined);
  }
  return from;
}

/** The three conditions, checked from outside: validates, the code is gone, nothing new is invalid or a breach. */
export function assertVerified(v: Validator, input: unknown, original: ValidationResult, finding: Finding, remedy: Remedy): void {
  expect(typeof remedy.description).toBe('string');
  if (!remedy.patch) return;
  const after = v.validateSync(patched(input, remedy.patch));
  const from = origins(remedy.patch, original.requirements.length);
  const now = finding.requirementIndex === undefined ? undefined : from.indexOf(finding.requirementIndex);
  const still = findingsOf(after).filter((f) => f.code === finding.code && (finding.requirementIndex === undefined ? f.requirementIndex === undefined : f.requirementIndex === now));
  expect(still, `${finding.code} still there after "${remedy.description}"`).toEqual([]);
  const before = new Set(findingsOf(original).filter((f) => f.kind === 'invalid' || f.kind === 'breach').map((f) => `${f.code}@${f.requirementIndex ?? '-'}`));
  for (const f of findingsOf(after)) {
    if (f.kind !== 'invalid' && f.kind !== 'breach') continue;
    const was = f.requirementIndex === undefined ? '-' : from[f.requirementIndex];
    expect(was !== undefined && before.has(`${f.code}@${was}`), `new ${f.code} after "${remedy.description}"`).toBe(true);
  }
}

/** The remedies on the first finding with `code` (and requirement index, if given). */
export function remediesOf(r: ValidationResult, code: string, index?: number): readonly Remedy[] {
  const f = findingsOf(r).find((x) => x.code === code && (index === undefined || x.requirementIndex === index));
  expect(f, `finding ${code}`).toBeDefined();
  expect(f!.remedies, `remedies on ${code}`).toBeDefined();
  return f!.remedies!;
}
