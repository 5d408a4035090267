import type { Requirement } from '../schema/requirements.js';
import { freezeFinding } from './freeze.js';
import type { Finding, RequirementResult } from './types.js';

export interface GroupedFindings {
  readonly requirements: readonly RequirementResult[];
  readonly breaches: readonly Finding[];
  readonly tensions: readonly Finding[];
  readonly advisories: readonly Finding[];
}

/**
 * Sorted findings into the result's lists, in one pass that keeps their order, everything frozen:
 * each finding under its requirement (whatever its kind) and in its kind's list (invalid findings
 * live only under their requirement).
 */
export function groupFindings(sorted: readonly Finding[], requirements: readonly Requirement[]): GroupedFindings {
  const own: Finding[][] = requirements.map(() => []);
  const breaches: Finding[] = [];
  const tensions: Finding[] = [];
  const advisories: Finding[] = [];
  for (const f of sorted) {
    freezeFinding(f);
    if (f.requirementIndex !== undefined) own[f.requirementIndex]?.push(f);
    if (f.kind === 'breach') breaches.push(f);
    else if (f.kind === 'tension') tensions.push(f);
    else if (f.kind === 'advisory') advisories.push(f);
  }
  const results = requirements.map((req, index): RequirementResult => {
    const findings = Object.freeze(own[index]!);
    return Object.freeze({ index, kind: req.kind, valid: !findings.some((f) => f.kind === 'invalid'), findings });
  });
  return { requirements: Object.freeze(results), breaches: Object.freeze(breaches), tensions: Object.freeze(tensions), advisories: Object.freeze(advisories) };
}
