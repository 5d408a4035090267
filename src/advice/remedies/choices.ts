import type { Requirement } from '../../schema/requirements.js';
import { INTENSITIES, requirementLimits } from '../bounds.js';
import { leavesOf, leafTruth } from '../conditions.js';
import { pointer, setOp } from '../json-patch.js';
import type { Candidate, Generator } from './context.js';

type Drr = Extract<Requirement, { kind: 'drug-rehabilitation' }>;

/**
 * Remedies that change a choice on the requirement rather than a quantity: impose electronic
 * monitoring, add a review provision, move a DRR to another intensity (lower ones first).
 */
export const choiceRemedies: Generator = (ctx) => {
  const { finding, cf, input } = ctx;
  if (finding.requirementIndex === undefined) return [];
  const index = finding.requirementIndex;
  const req = cf.order.requirements[index]!;
  const out: Candidate[] = [];
  const facts = new Set<string>();
  for (const { pack, rule } of ctx.fired) for (const leaf of leavesOf(rule.conditions, pack)) if (leafTruth(leaf, ctx.known) === true) facts.add(leaf.fact);

  if (facts.has('requirement.electronicMonitoring') && 'electronicMonitoring' in req)
    out.push({
      description: `Impose electronic monitoring with requirement ${index + 1} (${req.kind}), or record why it is not imposed (emExceptionReason).`,
      patch: [{ op: 'replace', path: pointer('requirements', index, 'electronicMonitoring'), value: true }],
    });

  const review = [...facts].some((f) => f === 'requirement.hasReview' || f.startsWith('requirement.reviewInterval'));
  if (review && req.kind === 'drug-rehabilitation') {
    // The shortest interval the law allows, in the unit the rules judge it, read from those rules;
    // an interval given in another unit is rewritten in that one (the input takes one or the other).
    const interval = requirementLimits(ctx.packs, cf, req.kind, (f) => (f === 'requirement.hasReview' ? true : f.startsWith('requirement.reviewInterval') ? undefined : ctx.known(f))).find(
      (l) => l.field.startsWith('reviewInterval') && l.direction === 'min',
    );
    const given = Object.keys(req).filter((k) => k.startsWith('reviewInterval'));
    if (interval) {
      const unit = interval.field === 'reviewIntervalMonths' ? (interval.value === 1 ? 'calendar month' : 'calendar months') : 'weeks';
      out.push({
        description: `${given.length ? 'Set the review interval of' : 'Add a review provision to'} requirement ${index + 1} (DRR): a review every ${interval.value} ${unit}, the shortest interval allowed (parameter ${interval.from.parameter ?? interval.from.fact}).`,
        patch: [
          ...given.filter((k) => k !== interval.field).map((k) => ({ op: 'remove' as const, path: pointer('requirements', index, k) })),
          setOp(input, pointer('requirements', index, interval.field), interval.value),
        ],
      });
    }
  }

  if (req.kind === 'drug-rehabilitation' && [...facts].some((f) => f.startsWith('requirement.intensity') || f.startsWith('requirement.weeklyHours'))) {
    const rank = INTENSITIES.indexOf((req as Drr).intensity);
    const others = [...INTENSITIES.slice(0, rank).reverse(), ...INTENSITIES.slice(rank + 1)];
    for (const intensity of others)
      out.push({
        description: `Change requirement ${index + 1} (DRR) from ${(req as Drr).intensity} to ${intensity} intensity.`,
        patch: [setOp(input, pointer('requirements', index, 'intensity'), intensity)],
      });
  }
  return out;
};
