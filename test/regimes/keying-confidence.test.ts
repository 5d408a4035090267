import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { CURFEW, UPW, cja, onDates, type CaseDates, type Requirement } from '../codes/fixtures.js';

const validator = createValidator();

const orderWith = (dates: CaseDates, req: Requirement) =>
  onDates(
    cja((o) => o.requirements.push(UPW(40), req)),
    dates,
  );
const confidenceOf = (result: ValidationResult, code: string) => result.requirements[3]!.findings.find((f) => f.code === code)?.confidence;

// A change whose keying law.md marks [M] lowers a finding only where the case's dates fall on
// both sides of the change, so that keying on another date would give another answer.
describe('an unsure keying lowers only the cases it decides', () => {
  it('LASPO curfew hours (sentence keying [M]): unverified when the offence precedes the change and the sentence follows it', async () => {
    const straddling = await validator.validate(orderWith({ offence: '2012-11-20', conviction: '2012-11-26', sentence: '2012-12-03' }, CURFEW(17, 3)));
    const settled = await validator.validate(orderWith({ offence: '2013-01-10', conviction: '2013-02-01', sentence: '2013-03-01' }, CURFEW(17, 3)));
    expect(confidenceOf(straddling, 'CURFEW_HOURS_OUT_OF_RANGE')).toBe('unverified');
    expect(confidenceOf(settled, 'CURFEW_HOURS_OUT_OF_RANGE')).toBe('verified');
  });

  it('ORA 2014 (offence keying [M]): a RAR for an offence the day before, sentenced after, is unverified; wholly before, verified', async () => {
    const rar: Requirement = { kind: 'rehabilitation-activity', maxDays: 10 };
    const straddling = await validator.validate(orderWith({ offence: '2015-01-31', conviction: '2015-02-20', sentence: '2015-03-20' }, rar));
    const settled = await validator.validate(orderWith({ offence: '2014-10-01', conviction: '2014-11-01', sentence: '2014-12-01' }, rar));
    expect(confidenceOf(straddling, 'REQUIREMENT_NOT_IN_REGIME')).toBe('unverified');
    expect(confidenceOf(settled, 'REQUIREMENT_NOT_IN_REGIME')).toBe('verified');
  });

  it('away from the change an unsure keying lowers nothing: drug testing for a case wholly in 2021 is verified', async () => {
    const before = await validator.validate(orderWith({ offence: '2021-10-01', conviction: '2021-11-01', sentence: '2021-12-01' }, { kind: 'drug-testing' }));
    expect(confidenceOf(before, 'REQUIREMENT_NOT_IN_REGIME')).toBe('verified');
  });
});
