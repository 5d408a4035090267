import { z } from 'zod';
import { IsoDate } from '../schema/primitives.js';

/**
 * What a parameter's values are, from its unit. The set is closed: a value of the wrong type (a
 * policy team's `"36 months"` for 36) would otherwise compare as JavaScript compares it and switch a
 * limit off without a word. `null` is every type's "no such rule then".
 */
export const PARAMETER_TYPES = [
  'integer-hours',
  'integer-days',
  'working-days',
  'integer-weeks',
  'integer-months',
  'integer-years',
  'count-per-week',
  'rank',
  'tier',
  'score',
  'percent',
  'boolean',
  'date',
] as const;
export const ParameterType = z.enum(PARAMETER_TYPES);
export type ParameterType = z.infer<typeof ParameterType>;

/** No limit in the law reaches this; a larger count is a typo (or a unit mistaken), not a rule. */
const MAX_COUNT = 100_000;

const described = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
  return `${text} (${Array.isArray(value) ? 'a list' : typeof value})`;
};

function wholeNumber(what: string, min = 0, max = MAX_COUNT): (value: unknown) => string | undefined {
  return (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${described(value)} is not a whole number of ${what}`;
    if (value < min || value > max) return `${value} is not a number of ${what} from ${min} to ${max}`;
    return undefined;
  };
}

const CHECKS: Readonly<Record<ParameterType, (value: unknown) => string | undefined>> = {
  'integer-hours': wholeNumber('hours'),
  'integer-days': wholeNumber('days'),
  'working-days': wholeNumber('working days'),
  'integer-weeks': wholeNumber('weeks'),
  'integer-months': wholeNumber('months'),
  'integer-years': wholeNumber('years', 0, 150),
  'count-per-week': wholeNumber('times a week', 0, 100),
  rank: wholeNumber('rank steps', 0, 100),
  tier: wholeNumber('tiers', 1, 4),
  score: wholeNumber('score points', 0, 1000),
  percent: (value) => (typeof value !== 'number' || !Number.isFinite(value) ? `${described(value)} is not a percentage` : value < 0 || value > 100 ? `${value} is not a percentage from 0 to 100` : undefined),
  boolean: (value) => (typeof value === 'boolean' ? undefined : `${described(value)} is not true or false`),
  date: (value) => (IsoDate.safeParse(value).success ? undefined : `${described(value)} is not a date (YYYY-MM-DD)`),
};

/** Why `value` is not of `type`, or undefined when it is. `null` ("no such rule then") fits every type. */
export function typeProblem(type: ParameterType, value: unknown): string | undefined {
  return value === null ? undefined : CHECKS[type](value);
}
