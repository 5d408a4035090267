import { leavesOf, leafTruth } from '../conditions.js';
import type { Candidate, Generator } from './context.js';

/**
 * What would cure a finding that turns on evidence or on the case rather than on the order: no
 * edit of the proposal may stand in for an assessment, a consent or a date. Keyed by the fact the
 * firing rule reads (the input's vocabulary), so a new rule on the same fact is covered.
 */
const WHAT_CURES: Readonly<Record<string, string>> = {
  'need.drugs.dependentOrPropensity': 'An assessment showing the offender is dependent on, or has a propensity to misuse, drugs (offender.need.drugs.dependentOrPropensity). Without it no DRR can be made; consider another requirement.',
  'need.drugs.requiresAndSusceptible': 'An assessment that the dependency or propensity requires and may be susceptible to treatment (offender.need.drugs.requiresAndSusceptible).',
  'need.alcohol.dependent': 'An assessment showing the offender is dependent on alcohol (offender.need.alcohol.dependent). Without it no ATR can be made.',
  'need.alcohol.requiresAndSusceptible': 'An assessment that the alcohol dependency requires and may be susceptible to treatment (offender.need.alcohol.requiresAndSusceptible).',
  'requirement.offenderWilling': 'The offender\'s expressed willingness to comply. It cannot be supplied by editing the proposal: if the offender is unwilling, propose another requirement.',
  'requirement.recommendedByOfficer': "A recommendation in the report for this requirement, where the officer's assessment supports one.",
  'requirement.provider.name': 'Name the treatment provider once arrangements are confirmed (provider.name).',
  'provision.noDrrCommissioned': 'Arrangements for drug treatment in the area: none is commissioned, so treatment must be arranged (and named) before a DRR can be made.',
  'requirement.director.recorded': 'Name a qualified treatment director for the ATR (director.name, director.qualified).',
  'requirement.director.qualified': 'A treatment director who is qualified: the one named is not.',
  'provision.atrQualifiedProvider': 'A qualified ATR provider: the area records none, so one must be named and confirmed before an ATR can be made.',
  'offender.ageAtConviction': 'A different sentence: the offender\'s age at conviction rules this order or requirement out, and no edit of the proposal changes it.',
  'requirement.emException': 'Or record why electronic monitoring is not imposed (emExceptionReason): consent withheld, no arrangements, or inappropriate.',
  'requirement.hostel': 'A recommendation for hostel residence in the report, or a residence requirement without a hostel.',
  'order.bandRank': 'A reconsideration of the proposal against the seriousness of the offence: the band does not change with the order.',
  'need.treatmentRank': 'Explain in the report how treatment need is weighed against seriousness: the need does not change with the order.',
  'requirement.provider.outOfArea': 'Confirm with the home area that residential treatment out of area is funded and supervised.',
  'requirement.provider.registered': 'Confirm the provider\'s registration, or name a registered provider.',
  'requirement.programmeRunsLocally': 'Confirm that the programme runs where the offender will live, or propose one that does.',
};

const TIMESCALE = /^timescale\./;

export const evidenceRemedies: Generator = (ctx) => {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const { pack, rule } of ctx.fired)
    for (const leaf of leavesOf(rule.conditions, pack)) {
      if (leafTruth(leaf, ctx.known) !== true) continue;
      const text = WHAT_CURES[leaf.fact] ?? (TIMESCALE.test(leaf.fact) ? 'Nothing in the proposal can cure a timescale already missed: record why, and act on it now.' : undefined);
      if (text && !seen.has(text)) seen.add(text), out.push({ description: text });
    }
  return out;
};
