import type { Finding, ValidationResult } from '../index.js';

/**
 * Every finding of a result once: a requirement's findings (invalid ones appear only there) and the
 * order-level breaches, tensions and advisories, which carry no requirement index.
 */
export function allFindings(result: ValidationResult): Finding[] {
  const orderLevel = [...result.breaches, ...result.tensions, ...result.advisories].filter((f) => f.requirementIndex === undefined);
  return [...result.requirements.flatMap((r) => r.findings), ...orderLevel];
}
