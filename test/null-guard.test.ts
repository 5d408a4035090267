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

  it('load when guarded, and then do not fire before the limit exists', async () => {
    const validator = createValidator({ rules: [pack(true)] });
    const order = { ...lawfulMediumDrr(), requirements: [...lawfulMediumDrr().requirements, { kind: 'unpaid-work' as const, hours: 100 }] };
    const result = await validator.validate(order);
    expect(result.advisories.map((a) => a.code)).not.toContain('LOCAL_HOURS_ABOVE_FTP_LIMIT');
  });
});
