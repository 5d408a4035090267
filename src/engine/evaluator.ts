import type { FactValue } from '../facts/types.js';

export type FactLookup = (name: string) => FactValue | undefined;

/** Runs one pack's rules over one set of facts and says which rules fired, by their index in the pack. */
export interface PackEvaluator {
  run(get: FactLookup, facts: () => Record<string, FactValue>): Promise<number[]>;
  /** Present only where the evaluator is synchronous. */
  runSync?(get: FactLookup): number[];
}

export type EvaluatorName = 'compiled' | 'json-rules-engine';
