import { deriveEventFacts } from '../facts/events.js';
import { deriveOrderFacts, keyDatesOf, type Stage } from '../facts/order.js';
import { deriveRequirementFacts } from '../facts/requirement.js';
import type { FactValue, ParameterOrigin } from '../facts/types.js';
import type { ParameterResolver, ResolvedParameters } from '../law/resolve.js';
import { regimeFor, type Regime } from '../law/regimes.js';
import type { ProposedOrder, Provision } from '../schema/order.js';
import type { Requirement, RequirementKind } from '../schema/requirements.js';

/**
 * The facts of one case, derived by the same functions the validator uses (src/facts), so advice
 * reads exactly the values the rules compare. Nothing here restates a limit: every number comes
 * from the dated parameters resolved for the case's own dates.
 */
export interface CaseFacts {
  readonly order: ProposedOrder;
  readonly regime: Regime;
  readonly params: ResolvedParameters;
  readonly provision: Provision | undefined;
  /** An order, parameter or event fact (band- and tier-picked families included), as the rules see it. */
  fact(name: string): FactValue | undefined;
  /** Where a `param.*` fact came from: the parameter's name (a family's member for a picked family), source and confidence. */
  originOf(fact: string): ParameterOrigin | undefined;
  /** The facts of requirement `index` of the order. */
  requirementFacts(index: number): Readonly<Record<string, FactValue>>;
  /** The facts of a requirement that is not (yet) in the order, as if it were added at the end. */
  factsOfNew(requirement: Requirement): Readonly<Record<string, FactValue>>;
  /** The order facts as they would be with a requirement of `kind` added (order facts read only kinds). */
  withKindAdded(kind: RequirementKind): (name: string) => FactValue | undefined;
}

export function caseFactsOf(order: ProposedOrder, resolver: ParameterResolver, defaultProvision: Provision | undefined, stage: Stage = 'proposal'): CaseFacts {
  const dates = keyDatesOf(order);
  const params = resolver.resolve(dates);
  const provision = order.provision ?? defaultProvision;
  // Layers are looked through rather than merged: a case's parameters run to hundreds of facts.
  const derive = (o: ProposedOrder, eventsOf: ProposedOrder = o) => {
    const d = deriveOrderFacts(o, dates, params, provision, stage);
    // A requirement not yet in the order has no history: events are the order's own.
    const events = deriveEventFacts(eventsOf, params, d.facts);
    const all = (name: string): FactValue | undefined =>
      Object.hasOwn(d.facts, name) ? d.facts[name] : Object.hasOwn(d.params, name) ? d.params[name] : Object.hasOwn(events, name) ? events[name] : undefined;
    return { ...d, all };
  };
  const base = derive(order);
  const coRegime = base.all('param.communityOrder.available') === true;
  const reqCache = new Map<number, Record<string, FactValue>>();
  const withKind = new Map<RequirementKind, (name: string) => FactValue | undefined>();
  return {
    order,
    regime: regimeFor(dates),
    params,
    provision,
    fact: base.all,
    originOf: (fact) => base.origins[fact] ?? base.paramOrigins[fact],
    requirementFacts(index) {
      let f = reqCache.get(index);
      if (!f) reqCache.set(index, (f = deriveRequirementFacts(order.requirements[index]!, index, params, coRegime, provision, order.sentenceDate)));
      return f;
    },
    factsOfNew: (requirement) => deriveRequirementFacts(requirement, order.requirements.length, params, coRegime, provision, order.sentenceDate),
    withKindAdded(kind) {
      let f = withKind.get(kind);
      if (!f) withKind.set(kind, (f = derive({ ...order, requirements: [...order.requirements, { kind } as Requirement] }, order).all));
      return f;
    },
  };
}
