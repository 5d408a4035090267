import { leavesOf, leafTruth } from '../conditions.js';
import { pointer } from '../json-patch.js';
import type { Candidate, Generator } from './context.js';

/**
 * A DTTO where the law no longer has one (offence from 4 April 2005): the same order as a
 * community order with a DRR. The rule that fires says why (`order.type equal dtto`); whether the
 * DRR is lawful for the case is left to verification.
 */
export const sentenceRemedies: Generator = (ctx) => {
  const { cf, finding } = ctx;
  if (finding.requirementIndex !== undefined || cf.order.sentence.type !== 'dtto') return [];
  const onType = ctx.fired.some(({ pack, rule }) => leavesOf(rule.conditions, pack).some((l) => l.fact === 'order.type' && l.value === 'dtto' && leafTruth(l, ctx.known) === true));
  if (!onType || cf.params['communityOrder.available']?.value !== true) return [];
  const out: Candidate[] = [];
  const patch = [{ op: 'replace' as const, path: pointer('sentence', 'type'), value: 'community-order' }];
  const drr = cf.order.requirements.some((r) => r.kind === 'drug-rehabilitation') ? undefined : ctx.newRequirement('drug-rehabilitation');
  if (drr)
    out.push({
      description: `Make a community order with a drug rehabilitation requirement instead of the DTTO (${(drr as { intensity: string }).intensity} intensity, ${(drr as { months: number }).months} months). It records the offender's willingness and the officer's recommendation, which a DRR needs as a DTTO needed consent: confirm both before proposing it.`,
      patch: [...patch, { op: 'add', path: pointer('requirements', '-'), value: drr }],
    });
  out.push({ description: 'Make a community order instead of the DTTO, with the requirements already proposed.', patch });
  return out;
};
