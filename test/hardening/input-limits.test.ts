import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, LIMITS } from '../../src/index.js';
import { at, everyFieldOrder } from './support.js';

const validator = createValidator();

type Edit = (order: Record<string, any>) => void;

/** Set one field of the every-field order. */
const set =
  (path: (string | number)[], value: unknown): Edit =>
  (order) => {
    (at(order, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
  };

async function outcome(edit: Edit) {
  const order = everyFieldOrder() as Record<string, any>;
  edit(order);
  return validator.safeValidate(order);
}

/** A refusal at exactly `path`, and validate() throws the same error class. */
async function expectRefusedAt(edit: Edit, path: (string | number)[], message?: RegExp): Promise<void> {
  const result = await outcome(edit);
  expect(result.success).toBe(false);
  if (result.success) return;
  expect(result.error).toBeInstanceOf(InvalidOrderError);
  const issue = result.error.issues.find((i) => i.path.join('.') === path.join('.'));
  expect(issue, result.error.message).toBeDefined();
  if (message) expect(issue!.message).toMatch(message);
}

async function expectAccepted(edit: Edit): Promise<void> {
  const result = await outcome(edit);
  expect(result.success, result.success ? '' : result.error.message).toBe(true);
}

const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('list limits', () => {
  it(`accepts ${LIMITS.requirements} requirements and refuses ${LIMITS.requirements + 1}`, async () => {
    await expectAccepted(set(['requirements'], many(LIMITS.requirements, () => ({ kind: 'unpaid-work', hours: 40 }))));
    await expectRefusedAt(set(['requirements'], many(LIMITS.requirements + 1, () => ({ kind: 'unpaid-work', hours: 40 }))), ['requirements'], /<=40 items/);
  });

  it(`accepts ${LIMITS.offences} offences and refuses ${LIMITS.offences + 1}`, async () => {
    const offence = { committedOn: '2007-12-01', seriousness: 'low' };
    await expectAccepted(set(['offences'], many(LIMITS.offences, () => offence)));
    await expectRefusedAt(set(['offences'], many(LIMITS.offences + 1, () => offence)), ['offences'], /<=100 items/);
  });

  it('refuses an order with no offence', async () => {
    await expectRefusedAt(set(['offences'], []), ['offences']);
  });

  it(`accepts ${LIMITS.events} events quickly and refuses ${LIMITS.events + 1}`, async () => {
    const events = (n: number) => many(n, (i) => ({ type: i % 2 ? 'drug-test' : 'warning', on: `2008-${String((i % 9) + 3).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` }));
    const started = performance.now();
    await expectAccepted(set(['events'], events(LIMITS.events)));
    // The whole caseload budget assumes one order, even the largest, takes well under a second.
    expect(performance.now() - started).toBeLessThan(2_000);
    await expectRefusedAt(set(['events'], events(LIMITS.events + 1)), ['events'], /<=2000 items/);
  });

  it(`refuses more than ${LIMITS.programmes} commissioned programmes`, async () => {
    await expectAccepted(set(['provision', 'programmes'], many(LIMITS.programmes, (i) => `Programme ${i}`)));
    await expectRefusedAt(set(['provision', 'programmes'], many(LIMITS.programmes + 1, (i) => `Programme ${i}`)), ['provision', 'programmes']);
  });

  it('refuses a list far over its limit without walking it', async () => {
    const huge = new Array(5_000_000).fill({ kind: 'supervision' });
    const started = performance.now();
    await expectRefusedAt(set(['requirements'], huge), ['requirements']);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('string lengths', () => {
  const TEXT_FIELDS: (string | number)[][] = [
    ['offences', 0, 'description'],
    ['requirements', 0, 'provider', 'name'],
    ['requirements', 0, 'provider', 'area'],
    ['requirements', 1, 'director', 'name'],
    ['requirements', 2, 'emExceptionReason'],
    ['requirements', 4, 'programme'],
    ['requirements', 9, 'description'],
    ['provision', 'area'],
    ['provision', 'programmes', 0],
    ['events', 3, 'programme'],
    ['events', 10, 'area'],
  ];
  for (const path of TEXT_FIELDS) {
    it(`accepts 500 characters at ${path.join('.')} and refuses 501`, async () => {
      await expectAccepted(set(path, 'x'.repeat(500)));
      await expectRefusedAt(set(path, 'x'.repeat(501)), path, /<=500 characters/);
    });
  }

  it('refuses an empty text', async () => {
    await expectRefusedAt(set(['offences', 0, 'description'], ''), ['offences', 0, 'description']);
  });

  it('refuses a 50 MB description quickly, by its length', async () => {
    const started = performance.now();
    await expectRefusedAt(set(['offences', 0, 'description'], 'x'.repeat(50_000_000)), ['offences', 0, 'description']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a date string longer than a date before reading it as one', async () => {
    await expectRefusedAt(set(['convictionDate'], `2008-02-01${' '.repeat(1000)}`), ['convictionDate'], /<=10 characters/);
  });
});

describe('date range 1990-2100', () => {
  const DATE_FIELDS: (string | number)[][] = [
    ['offences', 0, 'committedOn'],
    ['convictionDate'],
    ['sentenceDate'],
    ['sentence', 'endDate'],
    ['psr', 'requestedOn'],
    ['psr', 'deliveredOn'],
    ['offender', 'assessment', 'oasys', 'completedOn'],
    ['events', 0, 'on'],
    ['events', 4, 'resultReportedOn'],
    ['asOf'],
  ];
  for (const path of DATE_FIELDS) {
    it(`refuses 1989-12-31 and 2101-01-01 at ${path.join('.')}`, async () => {
      await expectRefusedAt(set(path, '1989-12-31'), path, /between 1990-01-01 and 2100-12-31/);
      await expectRefusedAt(set(path, '2101-01-01'), path, /between 1990-01-01 and 2100-12-31/);
    });
  }

  it('accepts the first and last days of the range', async () => {
    await expectAccepted(set(['offences', 1, 'committedOn'], '1990-01-01'));
    await expectAccepted(set(['sentence', 'endDate'], '2100-12-31'));
  });

  it('accepts a date of birth from 1900 and refuses one before', async () => {
    await expectAccepted(set(['offender', 'dateOfBirth'], '1900-01-01'));
    await expectRefusedAt(set(['offender', 'dateOfBirth'], '1899-12-31'), ['offender', 'dateOfBirth'], /1900-01-01/);
  });

  const NOT_DATES = ['2007-02-29', '2008-02-30', '2008-13-01', '2008-00-10', '08-02-01', '2008-2-1', '2008/02/01', '2008-02-01T00:00:00Z', ' 2008-02-01', '２００８-02-01', ''];
  for (const text of NOT_DATES) {
    it(`refuses ${JSON.stringify(text)} as a date`, async () => {
      await expectRefusedAt(set(['convictionDate'], text), ['convictionDate']);
    });
  }

  it('accepts 29 February in a leap year', async () => {
    await expectAccepted(set(['offender', 'dateOfBirth'], '1984-02-29'));
  });
});

describe('numbers', () => {
  const BAD_NUMBERS: [string, unknown][] = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative', -1],
    ['a fraction', 1.5],
    ['a numeric string', '12'],
    ['a huge number', 1e300],
  ];
  for (const [what, value] of BAD_NUMBERS) {
    it(`refuses ${what} as a DRR length in months`, async () => {
      await expectRefusedAt(set(['requirements', 0, 'months'], value), ['requirements', 0, 'months']);
    });
  }

  it('refuses tiers outside 1-4', async () => {
    await expectRefusedAt(set(['offender', 'omTier'], 5), ['offender', 'omTier']);
    await expectRefusedAt(set(['offender', 'need', 'treatmentTier'], 0), ['offender', 'need', 'treatmentTier']);
  });
});
