import type { Finding, ValidationResult } from '../../src/index.js';

/** Every finding in a result: order-level and per requirement, each once. */
export function allFindings(result: ValidationResult): Finding[] {
  return [...result.breaches, ...result.tensions, ...result.advisories, ...result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'))];
}

export const codesOf = (result: ValidationResult): string[] => allFindings(result).map((f) => f.code);

/** A finding's identity for "never adds a finding": its code and the requirement it is about. */
export const keyOf = (f: Finding): string => `${f.code}@${f.requirementIndex ?? '-'}`;

export const keysOf = (findings: readonly Finding[]): Set<string> => new Set(findings.map(keyOf));

export const invalidFindings = (result: ValidationResult): Finding[] => result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'));

/** Keys in `after` that are not in `before`: what a change added. */
export function added(before: readonly Finding[], after: readonly Finding[]): string[] {
  const had = keysOf(before);
  return [...keysOf(after)].filter((k) => !had.has(k));
}
