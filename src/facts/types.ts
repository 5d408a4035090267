import type { Confidence } from '../law/confidence.js';

/** What a rule can compare. Facts are plain data so both evaluators see exactly the same values. */
export type FactValue = string | number | boolean | null | readonly string[];
export type FactMap = Readonly<Record<string, FactValue>>;

/** Where a parameter fact's value came from, so a finding can carry the weakest confidence behind it. */
export interface ParameterOrigin {
  readonly name: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/** Facts for one order: shared by every rule run over it, with the provenance of each `param.*` fact. */
export interface OrderFacts {
  readonly facts: FactMap;
  readonly origins: Readonly<Record<string, ParameterOrigin>>;
}
