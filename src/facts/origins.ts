import { EVENT_FACTS } from './events/names.js';

/**
 * Whether a fact can carry a parameter's origin, and so lower a finding's confidence: a `param.*`
 * fact (direct, or a band- or tier-picked family), the need rank read from a parameter, a timescale
 * judged by a national standard's figure, and the two requirement facts drawn from parameters.
 * Everything else is read from the order itself. Deciding this per rule at load lets a finding
 * look up only the few facts that can matter (test/hardening/hot-path.test.ts holds every origin
 * the derivations give to this list).
 */
export function mayCarryOrigin(name: string): boolean {
  return (
    name.startsWith('param.') ||
    name === 'need.treatmentRank' ||
    name === 'requirement.available' ||
    name === 'requirement.weeklyHoursMinimum' ||
    Object.hasOwn(EVENT_FACTS, name)
  );
}
