import { describe, expect, it } from 'vitest';
import { createValidator, RulePackError } from '../src/index.js';
import { lawfulMediumDrr } from './support/orders.js';

/** A pack comparing with a limit that is not in force before 2012 (foreign travel prohibition). */
const pack = (guarded: boolean) => ({
  id: 'local/ftp-check',
  title: 'A local check',
  law: 'CJA 2003 s.206A',
  scope: 'requirement',
  kinds: ['unpaid-work'],
  rules: [
    {
      name: 'LOCAL_HOURS_ABOVE_FTP_LIMIT',
      conditions: {
        all: [
          ...(guarded ? [{ fact: 'param.foreignTravel.maxMonths', operator: 'notEqual', value: null }] : []),
          { fact: 'requirement.hours', operator: 'greaterThan', value: { fact: 'param.foreignTravel.maxMonths' } },
        ],
      },
      event: {
        type: 'LOCAL_HOURS_ABOVE_FTP_LIMIT',
        params: { kind: 'advisory', message: 'Demo.', facts: ['requirement.hours'], citations: [{ source: 'Local', provision: 'demo' }], confidence: 'unverified' },
      },
    },
  ],
});

describe('comparisons with a parameter that can be null', () => {
  it('are refused at load unless guarded, because x > null is true in JavaScript', () => {
    expect(() => createValidator({ rules: [pack(false)] })).toThrow(RulePackError);
    expect(() => createValidator({ rules: [pack(false)] })).toThrow(/LOCAL_HOURS_ABOVE_FTP_LIMIT.*notEqual/);
  });

  it('load when guarded, do not fire before the limit exists, and fire once it does (12 months from 3 December 2012)', async () => {
    const validator = createValidator({ rules: [pack(true)] });
    const order = { ...lawfulMediumDrr(), requirements: [...lawfulMediumDrr().requirements, { kind: 'unpaid-work' as const, hours: 100 }] };
    const codes = async (o: typeof order) => {
      const result = await validator.validate(o);
      return [...result.requirements.flatMap((r) => r.findings), ...result.advisories].filter((f) => f.code === 'LOCAL_HOURS_ABOVE_FTP_LIMIT');
    };
    // Sentenced 2006: the parameter is null, and the guard keeps 100 > null from firing.
    expect(await codes(order)).toEqual([]);
    // Sentenced 2013: the limit is 12, so 100 hours is above it and the same guarded rule fires.
    const later = { ...order, offences: [{ ...order.offences[0]!, committedOn: '2013-01-10' }], convictionDate: '2013-02-01', sentenceDate: '2013-03-01', sentence: { type: 'community-order' as const, endDate: '2014-09-01' } };
    const fired = await codes(later);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired[0]!.kind).toBe('advisory');
    expect(fired[0]!.facts).toMatchObject({ 'requirement.hours': 100 });
  });
});
