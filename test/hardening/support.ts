import { expect } from 'vitest';
import type { ProposedOrderInput } from '../../src/index.js';

/**
 * An order that touches every part of the input schema: an SSO with a supervision period, two
 * offences, a requirement of most kinds, a PSR, provision, and one event of every type. Fuzzing
 * mutates it so that each field's refusal (and each field's valid values) is reached.
 */
export function everyFieldOrder(): ProposedOrderInput {
  return {
    offender: {
      dateOfBirth: '1980-02-29',
      omTier: 3,
      assessment: { oasys: { drugMisuse: 10, alcoholMisuse: 6, completedOn: '2008-01-20' }, ogrsPercent: 62.5, rosh: 'medium', ppo: true },
      need: {
        drugs: { dependentOrPropensity: true, requiresAndSusceptible: true },
        alcohol: { dependent: true, requiresAndSusceptible: true },
        treatmentTier: 3,
      },
    },
    offences: [
      { committedOn: '2008-01-05', seriousness: 'high', imprisonable: true, triggerOffence: true, description: 'Burglary of a dwelling' },
      { committedOn: '2007-11-30', seriousness: 'medium' },
    ],
    convictionDate: '2008-02-01',
    sentenceDate: '2008-02-15',
    sentence: { type: 'suspended-sentence-order', endDate: '2010-02-15', custodialTermWeeks: 40, operationalPeriodMonths: 24, supervisionPeriodMonths: 18 },
    requirements: [
      {
        kind: 'drug-rehabilitation',
        intensity: 'high',
        months: 12,
        setting: 'non-residential',
        provider: { name: 'Community Drug Team', registered: true, area: 'Leeds' },
        testsPerWeek: 3,
        reviewIntervalWeeks: 4,
        recommendedByOfficer: true,
        offenderWilling: true,
      },
      { kind: 'alcohol-treatment', months: 6, setting: 'practitioner-based', director: { name: 'Dr A. Smith', qualified: true }, offenderWilling: true },
      { kind: 'curfew', hoursPerDay: 8, months: 3, electronicMonitoring: false, emExceptionReason: 'No notified arrangements' },
      { kind: 'exclusion', months: 6, electronicMonitoring: true },
      { kind: 'programme', programme: 'ASRO', days: 20, recommendedByOfficer: true },
      { kind: 'unpaid-work', hours: 100 },
      { kind: 'activity', days: 30 },
      { kind: 'residence', hostel: false, recommendedByOfficer: true },
      { kind: 'mental-health-treatment', treatment: 'non-resident', offenderWilling: true },
      { kind: 'prohibited-activity', description: 'Entering licensed premises' },
      { kind: 'attendance-centre', hours: 24 },
      { kind: 'supervision' },
    ],
    psr: { type: 'standard', requestedOn: '2008-02-01', deliveredOn: '2008-02-14', unnecessary: false },
    provision: {
      drrIntensities: ['low', 'medium', 'high'],
      drrWeeklyHours: { low: 4, medium: 8, high: 20 },
      atrQualifiedProvider: true,
      programmes: ['ASRO', 'Think First'],
      area: 'Leeds',
    },
    events: [
      { type: 'first-appointment', on: '2008-02-18' },
      { type: 'oasys-completed', on: '2008-02-20' },
      { type: 'sentence-plan', on: '2008-03-10' },
      { type: 'programme-start', on: '2008-04-01', programme: 'ASRO' },
      { type: 'drug-test', on: '2008-03-01', resultReportedOn: '2008-03-04' },
      { type: 'unacceptable-failure', on: '2008-05-01' },
      { type: 'warning', on: '2008-05-02' },
      { type: 'unacceptable-failure', on: '2008-06-01' },
      { type: 'breach-initiated', on: '2008-06-05' },
      { type: 'review-hearing', on: '2008-03-14' },
      { type: 'moved-area', on: '2008-07-01', area: 'Bradford' },
      { type: 'transfer-completed', on: '2008-07-20', area: 'Bradford' },
    ],
    asOf: '2008-12-01',
  };
}

/** A minimal order-scoped rule pack that loads and fires on any order with a requirement: the control for every refusal. */
export function extraPack(): Record<string, any> {
  return {
    id: 'local/extra',
    title: 'Local extra checks',
    law: 'Local practice note (test)',
    scope: 'order',
    rules: [
      {
        name: 'LOCAL_HAS_REQUIREMENTS',
        conditions: { all: [{ fact: 'order.requirementCount', operator: 'greaterThan', value: 0 }] },
        event: {
          type: 'LOCAL_HAS_REQUIREMENTS',
          params: {
            kind: 'advisory',
            message: 'The order has {order.requirementCount} requirements.',
            facts: ['order.requirementCount'],
            citations: [{ source: 'Local practice note', provision: 'para 1' }],
            confidence: 'unverified',
          },
        },
      },
    ],
  };
}

/** An own property, whatever its name: `Object.defineProperty` makes `__proto__` a plain key, as JSON.parse does. */
export function withOwnKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Follow a path of keys and indexes; undefined where it leads nowhere. */
export function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** What Object.prototype looks like now; compared before and after hostile input to prove nothing was added. */
export function prototypeSnapshot(): string[] {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].sort();
}

export function expectNoPollution(before: readonly string[]): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

/** Every object reachable from `value` is frozen; returns the first path that is not. */
export function firstUnfrozen(value: unknown, path: string[] = [], seen = new Set<object>()): string | undefined {
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (!Object.isFrozen(value)) return path.join('.') || '(root)';
  for (const [k, v] of Object.entries(value)) {
    const found = firstUnfrozen(v, [...path, k], seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Run `fn`, expecting it to throw; return what it threw. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, got none');
}
