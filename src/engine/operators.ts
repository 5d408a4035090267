import type { Operator } from './pack.js';

/**
 * json-rules-engine's numeric guard, copied exactly so the compiled evaluator matches it case for
 * case. A number parses back to itself (NaN aside) and null to NaN, so those two, nearly every
 * fact compared, skip the string round trip.
 */
export const isNumeric = (v: unknown): boolean =>
  typeof v === 'number' ? !Number.isNaN(v) : v === null ? false : Number.parseFloat(v as string).toString() !== 'NaN';

type Compare = (factValue: any, jsonValue: any) => boolean;

/** The default operators of json-rules-engine 7.3, with their fact-value validators folded in. */
export const OPERATOR_FUNCTIONS: Readonly<Record<Operator, Compare>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && a < b,
  lessThanInclusive: (a, b) => isNumeric(a) && a <= b,
  greaterThan: (a, b) => isNumeric(a) && a > b,
  greaterThanInclusive: (a, b) => isNumeric(a) && a >= b,
};
