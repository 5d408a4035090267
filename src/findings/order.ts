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
