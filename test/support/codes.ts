import type { Finding, ValidationResult } from '../../src/index.js';

/** Every finding in a result, whatever its kind, including those only on requirements. */
export function allFindings(result: ValidationResult): Finding[] {
  const seen = new Set<Finding>();
  for (const r of result.requirements) for (const f of r.findings) seen.add(f);
  for (const f of [...result.breaches, ...result.tensions, ...result.advisories]) seen.add(f);
  return [...seen];
}

export const codesOf = (result: ValidationResult): string[] => allFindings(result).map((f) => f.code);

export const findingOf = (result: ValidationResult, code: string): Finding | undefined => allFindings(result).find((f) => f.code === code);
