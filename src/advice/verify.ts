import type { Finding, ValidationResult } from '../findings/types.js';
import { parsePointer, type JsonPatch } from './json-patch.js';

/**
 * Where each requirement of the patched input came from: `from[j]` is the original index of the
 * patched order's requirement j, or undefined for one the patch added.
 */
export function requirementOrigins(patch: JsonPatch, count: number): (number | undefined)[] {
  const from: (number | undefined)[] = Array.from({ length: count }, (_, i) => i);
  for (const op of patch) {
    const tokens = parsePointer(op.path);
    if (tokens.length !== 2 || tokens[0] !== 'requirements') continue;
    const at = tokens[1] === '-' ? from.length : Number(tokens[1]);
    if (op.op === 'remove') from.splice(at, 1);
    else if (op.op === 'add') from.splice(at, 0, undefined);
    else from[at] = undefined;
  }
  return from;
}

const everyFinding = (r: ValidationResult): Finding[] => [...r.requirements.flatMap((q) => q.findings), ...r.breaches.filter((f) => f.requirementIndex === undefined), ...r.tensions.filter((f) => f.requirementIndex === undefined), ...r.advisories.filter((f) => f.requirementIndex === undefined)];

const SERIOUS = new Set(['invalid', 'breach']);

/**
 * A remedy stands when the patched input validates (the caller gives the patched result), the
 * finding's code is gone (for its requirement, where it has one) and no finding of kind invalid
 * or breach appears that the original did not have.
 */
export function cures(original: ValidationResult, patched: ValidationResult, finding: Finding, patch: JsonPatch): boolean {
  const from = requirementOrigins(patch, original.requirements.length);
  const after = everyFinding(patched);
  if (finding.requirementIndex === undefined) {
    if (after.some((f) => f.code === finding.code && f.requirementIndex === undefined)) return false;
  } else {
    const now = from.indexOf(finding.requirementIndex);
    if (now !== -1 && after.some((f) => f.code === finding.code && f.requirementIndex === now)) return false;
  }
  const before = new Set(everyFinding(original).filter((f) => SERIOUS.has(f.kind)).map((f) => `${f.code}#${f.requirementIndex ?? '-'}`));
  for (const f of after) {
    if (!SERIOUS.has(f.kind)) continue;
    const origin = f.requirementIndex === undefined ? '-' : from[f.requirementIndex];
    if (origin === undefined || !before.has(`${f.code}#${origin}`)) return false;
  }
  return true;
}
