import { caseFactsOf } from '../advice/case.js';
import type { Stage } from '../facts/order.js';
import type { FactValue } from '../facts/types.js';
import type { ParameterTable } from '../law/parameters.js';
import { createResolver } from '../law/resolve.js';
import { ProposedOrderSchema, ProvisionSchema, type ProposedOrder, type Provision } from '../schema/order.js';

/** The facts the rules read for one order: what a measure needs where no finding carries it (a timescale met, a score under the threshold). */
export interface CaseFacts {
  readonly order: ProposedOrder;
  /** An order, parameter (`param.*`) or event (`timescale.*`, `events.*`) fact, exactly as the rules were given it; undefined for no such fact. */
  fact(name: string): FactValue | undefined;
}

export interface CaseFactsOptions {
  /** The validator's parameter table (`validator.parameters`), overrides included, so the facts are those its rules read. */
  readonly parameters: ParameterTable;
  /** The area default provision, as given to the validator. */
  readonly provision?: unknown;
  readonly stage?: Stage;
}

/**
 * The facts of an order derived by the library's own fact code (src/advice/case.ts, the functions
 * the validator runs before its rules): not a second copy of any rule, only the values the rules
 * are given. The validator reports facts only where a rule fires, so a timescale met or a score
 * under the threshold leaves no finding; the inspection counts those too. Call it on input the
 * validator has accepted.
 */
export function caseFactsReader(options: CaseFactsOptions): (input: unknown) => CaseFacts {
  const resolver = createResolver(options.parameters);
  const provision: Provision | undefined = options.provision === undefined ? undefined : ProvisionSchema.parse(options.provision);
  const stage = options.stage ?? 'proposal';
  return (input) => {
    const order = ProposedOrderSchema.parse(input);
    const c = caseFactsOf(order, resolver, provision, stage);
    return { order, fact: c.fact };
  };
}
