import type { FactValue } from '../../facts/types.js';
import { orderLimits, requirementLimits, violates, type Limit } from '../bounds.js';
import { hasPath, pointer, setOp } from '../json-patch.js';
import type { Candidate, Generator, RemedyContext } from './context.js';
import { words } from './context.js';

const fromWhere = (l: Limit): string =>
  l.from.parameter ? `parameter ${l.from.parameter}` : l.from.fact === 'constant' ? `rule ${l.code}` : words(l.from.fact);

const show = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/**
 * Move a quantity to the furthest value its rule allows: the smallest change that cures a limit
 * (lower the hours to the maximum, shorten the order to its maximum, raise a review interval).
 * The limit is read from the firing rule and the case's dated parameters, never restated here.
 */
export const limitRemedies: Generator = (ctx) => {
  const codes = new Set([ctx.finding.code]);
  const { finding, cf, packs, input } = ctx;
  const out: Candidate[] = [];
  if (finding.requirementIndex !== undefined) {
    const index = finding.requirementIndex;
    const req = cf.order.requirements[index]!;
    const facts = cf.requirementFacts(index);
    const limits = requirementLimits(packs, cf, req.kind, ctx.known, codes);
    for (const l of limits) {
      if (!violates(l, facts[l.fact] as number)) continue;
      const path = pointer('requirements', index, l.field);
      const was = (req as Record<string, unknown>)[l.field];
      out.push({
        description: `${l.direction === 'max' ? 'Lower' : 'Raise'} the ${words(l.field)} of requirement ${index + 1} (${req.kind}) from ${show(was)} to ${show(l.inputValue)}, the ${l.direction === 'max' ? 'most' : 'least'} allowed (${fromWhere(l)}).`,
        patch: [setOp(input, path, l.inputValue)],
      });
    }
    return out;
  }
  const limits = orderLimits(packs, cf, codes);
  for (const l of limits) {
    const now = cf.fact(l.fact) as FactValue;
    if (typeof now !== 'number' || !violates(l, now)) continue;
    const path = pointer(...l.field.split('.'));
    if (!hasPath(input, path) && l.field === 'sentence.endDate') continue;
    const patch = [setOp(input, path, l.inputValue)];
    // Shortening the order can leave a requirement longer than it; shorten those in the same edit.
    if (l.fact === 'order.lengthMonths' && l.direction === 'max') {
      cf.order.requirements.forEach((r, i) => {
        const months = (r as { months?: number }).months;
        if (typeof months === 'number' && months > l.value) patch.push({ op: 'replace', path: pointer('requirements', i, 'months'), value: l.value });
      });
    }
    out.push({
      description: `${l.direction === 'max' ? 'Reduce' : 'Raise'} ${l.field === 'sentence.endDate' ? `the order's length to ${l.value} months (end date ${show(l.inputValue)})` : `${words(l.field.split('.').at(-1)!)} to ${show(l.inputValue)}`}, the ${l.direction === 'max' ? 'most' : 'least'} allowed (${fromWhere(l)})${patch.length > 1 ? ', and shorten requirements that would outlast it' : ''}.`,
      patch,
    });
  }
  return out;
};

export type { RemedyContext };
