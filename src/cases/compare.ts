import type { Finding, ValidationResult } from '../findings/types.js';
import type { Expectation } from './schema.js';

/** Every finding once, whatever its kind: a requirement's findings are also listed by kind. */
export function findingsOf(result: ValidationResult): Finding[] {
  const seen = new Set<Finding>();
  for (const r of result.requirements) for (const f of r.findings) seen.add(f);
  for (const f of [...result.breaches, ...result.tensions, ...result.advisories]) seen.add(f);
  return [...seen];
}

const where = (f: Finding) => (f.requirementIndex === undefined ? 'order' : `requirement ${f.requirementIndex + 1}`);
const describe = (findings: readonly Finding[]) => findings.map((f) => `${f.code} (${f.kind}, ${where(f)})`).join(', ') || 'none';

/** Every code a case's expectation names, with the field it is named in. */
export function codesNamed(expect: Expectation): { code: string; field: string }[] {
  const out: { code: string; field: string }[] = [];
  for (const list of ['present', 'absent', 'exactly'] as const) expect[list]?.forEach((code, i) => out.push({ code, field: `expect.${list}.${i}` }));
  for (const [n, r] of Object.entries(expect.requirements ?? {}))
    for (const list of ['present', 'absent'] as const) r[list]?.forEach((code, i) => out.push({ code, field: `expect.requirements.${n}.${list}.${i}` }));
  for (const code of Object.keys(expect.confidence ?? {})) out.push({ code, field: `expect.confidence.${code}` });
  return out;
}

/**
 * What differs between a case's expectation and a result, one phrase per difference; empty when
 * the case passes. Requirements are numbered from 1, as in the case file.
 */
export function compareExpectation(expect: Expectation, result: ValidationResult): string[] {
  const differences: string[] = [];
  const all = findingsOf(result);
  if (expect.ok !== undefined && expect.ok !== result.ok) {
    const against = all.filter((f) => f.kind === 'breach' || f.kind === 'invalid');
    differences.push(`ok: expected ${expect.ok}, got ${result.ok}${result.ok ? '' : ` (${describe(against)})`}`);
  }
  const missing = (expect.present ?? []).filter((code) => !all.some((f) => f.code === code));
  if (missing.length) differences.push(`missing ${missing.join(', ')} (found: ${describe(all)})`);
  const unexpected = all.filter((f) => expect.absent?.includes(f.code));
  if (unexpected.length) differences.push(`unexpected ${describe(unexpected)}`);
  if (expect.exactly !== undefined) {
    const got = [...new Set(all.map((f) => f.code))].sort();
    const want = [...new Set(expect.exactly)].sort();
    if (got.join() !== want.join()) differences.push(`expected exactly [${want.join(', ')}], got [${got.join(', ')}] (${describe(all)})`);
  }

  for (const [n, want] of Object.entries(expect.requirements ?? {})) {
    const index = Number(n) - 1;
    const requirement = result.requirements[index];
    if (!requirement) {
      differences.push(`requirement ${n}: the order has ${result.requirements.length} requirement${result.requirements.length === 1 ? '' : 's'}`);
      continue;
    }
    const label = `requirement ${n} (${requirement.kind})`;
    if (want.valid !== undefined && want.valid !== requirement.valid) differences.push(`${label}: expected ${want.valid ? 'valid' : 'invalid'}, got ${requirement.valid ? 'valid' : 'invalid'}`);
    const own = requirement.findings;
    const gone = (want.present ?? []).filter((code) => !own.some((f) => f.code === code));
    if (gone.length) differences.push(`${label}: missing ${gone.join(', ')} (found: ${own.map((f) => f.code).join(', ') || 'none'})`);
    const extra = own.filter((f) => want.absent?.includes(f.code));
    if (extra.length) differences.push(`${label}: unexpected ${[...new Set(extra.map((f) => f.code))].join(', ')}`);
  }

  if (expect.regime !== undefined) {
    const want = typeof expect.regime === 'string' ? { id: expect.regime } : expect.regime;
    for (const [key, value] of Object.entries(want)) {
      const got = (result.regime as unknown as Record<string, unknown>)[key];
      if (value !== undefined && got !== value) differences.push(`regime ${key}: expected ${value}, got ${String(got)}`);
    }
  }

  for (const [code, confidence] of Object.entries(expect.confidence ?? {})) {
    const found = all.filter((f) => f.code === code);
    if (found.length === 0) differences.push(`confidence of ${code}: expected ${confidence}, but ${code} is not in the result`);
    for (const f of found) if (f.confidence !== confidence) differences.push(`confidence of ${code} (${where(f)}): expected ${confidence}, got ${f.confidence}`);
  }
  return differences;
}
