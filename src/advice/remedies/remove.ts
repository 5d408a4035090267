import { pointer } from '../json-patch.js';
import type { Generator } from './context.js';

/** The last resort for an invalid requirement: leave it out. Verification keeps it only if the rest of the order stands. */
export const removeRemedies: Generator = (ctx) => {
  const { finding } = ctx;
  if (finding.kind !== 'invalid' || finding.requirementIndex === undefined) return [];
  const kind = ctx.cf.order.requirements[finding.requirementIndex]!.kind;
  return [{ description: `Leave out requirement ${finding.requirementIndex + 1} (${kind}).`, patch: [{ op: 'remove', path: pointer('requirements', finding.requirementIndex) }] }];
};
