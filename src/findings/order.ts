import type { Finding } from './types.js';

const KIND_ORDER = { invalid: 0, breach: 1, tension: 2, advisory: 3 } as const;

/**
 * The contract's order: kind (invalid, breach, tension, advisory), then requirement index (order-wide
 * findings first), then code. Ties keep rule-pack order, which `Array.prototype.sort` preserves.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.requirementIndex ?? -1) - (b.requirementIndex ?? -1) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Past this many, insertion sort's quadratic walk would cost more than the built-in sort's copying. */
const INSERTION_SORT_MOST = 32;

/**
 * Sorts findings in place by compareFindings, keeping ties in rule-pack order. An order has a few
 * findings: a stable insertion sort puts them in the same order as `Array.prototype.sort` without
 * the work array and sort state it allocates on every call.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length > INSERTION_SORT_MOST) return findings.sort(compareFindings);
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]!;
    let j = i - 1;
    // Strictly greater only: an equal finding stays after the one before it.
    while (j >= 0 && compareFindings(findings[j]!, f) > 0) {
      findings[j + 1] = findings[j]!;
      j--;
    }
    findings[j + 1] = f;
  }
  return findings;
}
