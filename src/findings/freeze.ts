import type { Finding } from './types.js';

/**
 * Freeze a finding. Cheaper than a generic deep freeze on the hot path: buildFinding froze its
 * facts and their lists as it made them, and citations were frozen once at load.
 */
export function freezeFinding(finding: Finding): Finding {
  return Object.freeze(finding);
}
