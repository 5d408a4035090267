import type { Finding, ValidationResult } from '../findings/types.js';
import type { CaseFacts } from './case-facts.js';

/** One order of the caseload as the inspection reads it: the validator's result and the facts its rules were given. */
export interface Observation {
  readonly line: number;
  /** The order's `id` (echoed in the result), else undefined: cases are then named by line. */
  readonly id?: string;
  /** The value of the `--by` field (the area by default), or NO_GROUP. */
  readonly group: string;
  readonly result: ValidationResult;
  readonly case: CaseFacts;
}

/** Where an order gives no value for the field grouped by. */
export const NO_GROUP = '(not recorded)';

/** Every finding of a result once: requirement findings, then the order-level ones (which carry no requirement index). */
export function findingsOf(result: ValidationResult): Finding[] {
  const orderLevel = [...result.breaches, ...result.tensions, ...result.advisories].filter((f) => f.requirementIndex === undefined);
  return [...result.requirements.flatMap((r) => r.findings), ...orderLevel];
}

export const hasCode = (result: ValidationResult, code: string): boolean => findingsOf(result).some((f) => f.code === code);

/** A case's name in the report: its id, else its line. */
export const caseName = (o: { readonly id?: string; readonly line: number }): string => o.id ?? `line ${o.line}`;
