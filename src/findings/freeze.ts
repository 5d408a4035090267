import type { Finding } from './types.js';

/**
 * Freeze a finding and everything it owns. Cheaper than a generic deep freeze on the hot path:
 * the shape is known, and citations were frozen once at load.
 */
export function freezeFinding(finding: Finding): Finding {
  for (const value of Object.values(finding.facts)) if (Array.isArray(value)) Object.freeze(value);
  Object.freeze(finding.facts);
  return Object.freeze(finding);
}
