import type { Requirement } from '../schema/requirements.js';
import { freezeFinding } from './freeze.js';
import type { Finding, RequirementResult } from './types.js';

export interface GroupedFindings {
  readonly requirements: readonly RequirementResult[];
  readonly breaches: readonly Finding[];
  readonly tensions: readonly Finding[];
  readonly advisories: readonly Finding[];
}

/** Most lists in a result are empty: frozen, one serves them all, so an order with few findings allocates few lists. */
const NONE: readonly Finding[] = Object.freeze([]);

/** The findings of one kind, in order, in a list made to size (a list grown by push starts at sixteen places). */
function ofKind(sorted: readonly Finding[], kind: Finding['kind'], count: number): readonly Finding[] {
  if (count === 0) return NONE;
  const list: Finding[] = new Array(count);
  let n = 0;
  for (let i = 0; n < count; i++) if (sorted[i]!.kind === kind) list[n++] = sorted[i]!;
  return Object.freeze(list);
}

/**
 * Sorted findings into the result's lists, keeping their order, everything frozen: each finding
 * under its requirement (whatever its kind) and in its kind's list (invalid findings live only
 * under their requirement). Each list is counted before it is made.
 */
export function groupFindings(sorted: readonly Finding[], requirements: readonly Requirement[]): GroupedFindings {
  let breaches = 0;
  let tensions = 0;
  let advisories = 0;
  for (let i = 0; i < sorted.length; i++) {
    const kind = freezeFinding(sorted[i]!).kind;
    if (kind === 'breach') breaches++;
    else if (kind === 'tension') tensions++;
    else if (kind === 'advisory') advisories++;
  }
  const results: RequirementResult[] = new Array(requirements.length);
  for (let index = 0; index < requirements.length; index++) {
    let count = 0;
    let valid = true;
    for (let i = 0; i < sorted.length; i++) {
      if (sorted[i]!.requirementIndex !== index) continue;
      count++;
      if (sorted[i]!.kind === 'invalid') valid = false;
    }
    let findings = NONE;
    if (count > 0) {
      const list: Finding[] = new Array(count);
      let n = 0;
      for (let i = 0; n < count; i++) if (sorted[i]!.requirementIndex === index) list[n++] = sorted[i]!;
      findings = Object.freeze(list);
    }
    results[index] = Object.freeze({ index, kind: requirements[index]!.kind, valid, findings });
  }
  return {
    requirements: Object.freeze(results),
    breaches: ofKind(sorted, 'breach', breaches),
    tensions: ofKind(sorted, 'tension', tensions),
    advisories: ofKind(sorted, 'advisory', advisories),
  };
}
