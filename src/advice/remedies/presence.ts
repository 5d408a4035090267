import { REQUIREMENT_KINDS, type RequirementKind } from '../../schema/requirements.js';
import { leavesOf, leafTruth } from '../conditions.js';
import { pointer } from '../json-patch.js';
import type { Candidate, Generator, RemedyContext } from './context.js';

/** Kinds an officer can add without evidence of their own (no willingness, assessment or provider). */
const PLAIN_KINDS: readonly RequirementKind[] = ['supervision', 'rehabilitation-activity', 'unpaid-work', 'curfew', 'prohibited-activity'];

const describe = (kind: RequirementKind, req: object): string => {
  const rest = Object.entries(req).filter(([k]) => k !== 'kind');
  return rest.length ? `${kind} (${rest.map(([k, v]) => `${k} ${String(v)}`).join(', ')})` : kind;
};

function addKind(ctx: RemedyContext, kind: RequirementKind, why: string): Candidate | undefined {
  const req = ctx.newRequirement(kind);
  if (!req) return undefined;
  return { description: `Add a requirement: ${describe(kind, req)}${why}.`, patch: [{ op: 'add', path: pointer('requirements', '-'), value: req }] };
}

/**
 * Remedies that add or take away a requirement because a rule reads which kinds the order has:
 * `has.<kind> = false` (a stand-alone DRR wants supervision or a RAR), `has.<kind> = true` (an ATR
 * beside an AAMR), no requirements, no punitive element, no fine.
 */
export const presenceRemedies: Generator = (ctx) => {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (c: Candidate | undefined) => {
    if (c && !seen.has(c.description)) seen.add(c.description), out.push(c);
  };
  for (const { pack, rule } of ctx.fired) {
    for (const leaf of leavesOf(rule.conditions, pack)) {
      if (leafTruth(leaf, ctx.known) !== true) continue;
      const has = /^has\.(.+)$/.exec(leaf.fact);
      if (has && (REQUIREMENT_KINDS as readonly string[]).includes(has[1]!)) {
        const kind = has[1] as RequirementKind;
        if (leaf.operator === 'equal' && leaf.value === false) push(addKind(ctx, kind, ''));
        if (leaf.operator === 'equal' && leaf.value === true && ctx.finding.kind === 'invalid')
          ctx.cf.order.requirements.forEach((r, i) => {
            if (r.kind === kind && i !== ctx.finding.requirementIndex)
              push({ description: `Remove requirement ${i + 1} (${kind}): the two cannot be made together.`, patch: [{ op: 'remove', path: pointer('requirements', i) }] });
          });
      }
      if (leaf.fact === 'order.requirementCount' && leaf.operator === 'equal' && leaf.value === 0)
        for (const kind of PLAIN_KINDS) push(addKind(ctx, kind, ''));
      if (leaf.fact === 'order.punitiveCount' && leaf.operator === 'equal' && leaf.value === 0)
        for (const kind of PLAIN_KINDS) if (ctx.cf.params[`punitive.${kind}`]?.value === true) push(addKind(ctx, kind, ', which counts as a punitive element'));
      if (leaf.fact === 'order.fine' && leaf.operator === 'equal' && leaf.value === false && ctx.cf.order.sentence.type === 'community-order')
        // A fine changes no requirement: the smallest change, so it goes first.
        out.unshift({ description: 'Propose a fine alongside the order (sentence.fine), which meets the punitive element.', patch: [{ op: 'add', path: pointer('sentence', 'fine'), value: true }] });
    }
  }
  return out;
};
