import type { FactValue } from '../facts/types.js';
import type { Provenance, RuleOutcome } from './trace.js';

/**
 * The facts one rule run sees, in layers that are built at different times: `params` once per legal
 * epoch (shared across orders), `order` once per order, `requirement` once per requirement.
 */
export interface FactLayers {
  readonly params: Readonly<Record<string, FactValue>>;
  readonly order: Readonly<Record<string, FactValue>>;
  /** Timescale facts of an order in progress (one shared set for every proposal). */
  readonly events: Readonly<Record<string, FactValue>>;
  readonly requirement?: Readonly<Record<string, FactValue>>;
}
export type Layer = keyof FactLayers;

/** Which layer holds a fact. Fixed by the fact's name, so compiled rules pick the layer once, at load. */
export type FactRouter = (name: string) => Layer;

export const lookup = (layers: FactLayers, route: FactRouter, name: string): FactValue | undefined => layers[route(name)]?.[name];

/** Runs one pack's rules over one set of facts and says which rules fired, by their index in the pack. */
export interface PackEvaluator {
  run(layers: FactLayers): Promise<number[]>;
  /** Present only where the evaluator is synchronous. */
  runSync?(layers: FactLayers): number[];
  /**
   * The same run, recorded: for each rule of the pack, in the pack's order, whether it fired and
   * its condition tree with what each condition was given and made of it.
   */
  trace(layers: FactLayers, provenance: Provenance): Promise<readonly RuleOutcome[]>;
  traceSync?(layers: FactLayers, provenance: Provenance): readonly RuleOutcome[];
}

export type EvaluatorName = 'compiled' | 'json-rules-engine';
