import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { DRR, bornYearsBefore, cja, dtto, type Order } from '../codes/fixtures.js';

// The DTTO's dates are dates, not counts, so boundaries.test.ts does not reach them: PCC(S)A 2000 s.52
// (commenced 30 September 1998) for offences from that day, replaced for offences from 4 April 2005
// (S.I. 2005/950), as rules/pcc-s-a-2000/dtto.json and the dtto.* parameters state them.
const validator = createValidator();
const codes = (r: ValidationResult) => [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].map((f) => f.code);
const withOffences = (...committedOn: string[]) =>
  dtto((o) => {
    o.offences = committedOn.map((d) => ({ committedOn: d, seriousness: 'medium' as const, imprisonable: true }));
  });

describe('DTTO availability by the earliest offence date', () => {
  it('an earliest offence on 30 September 1998 (the day the DTTO began) can have one; the day before cannot', async () => {
    expect(codes(await validator.validate(withOffences('1998-09-30', '2003-06-10')))).not.toContain('DTTO_NOT_AVAILABLE');
    expect(codes(await validator.validate(withOffences('1998-09-29', '2003-06-10')))).toContain('DTTO_NOT_AVAILABLE');
  });

  it('an earliest offence of exactly 30 September 1998 with a later offence after 4 April 2005 cannot: the DTTO had been replaced', async () => {
    const order = withOffences('1998-09-30', '2005-04-05');
    order.convictionDate = '2005-06-01';
    order.sentenceDate = '2005-07-01';
    order.sentence = { type: 'dtto', endDate: '2006-07-01' };
    const result = await validator.validate(order);
    const found = result.breaches.filter((f) => f.code === 'DTTO_NOT_AVAILABLE');
    expect(found.length).toBe(1);
    // Judged by the law in force at the latest offence: the replaced DTTO, not the pre-1998 one.
    expect(found[0]!.facts).toMatchObject({ 'date.offence': '2005-04-05' });
  });
});

describe('the national standard for drug testing is a DRR standard, not a DTTO one', () => {
  const oneTest = { ...structuredClone(DRR), testsPerWeek: 1 };
  it('a DTTO testing once a week has no DRUG_TESTING_BELOW_STANDARD; the same testing in a 2006 community order has it', async () => {
    const asDtto = dtto((o) => (o.requirements = [structuredClone(oneTest)]));
    const asOrder = cja((o) => (o.requirements = [structuredClone(oneTest), { kind: 'supervision' }]));
    expect(codes(await validator.validate(asDtto))).not.toContain('DRUG_TESTING_BELOW_STANDARD');
    expect(codes(await validator.validate(asOrder))).toContain('DRUG_TESTING_BELOW_STANDARD');
  });

  // The standard starts on 4 April 2005 (keyed on the sentence), so a DTTO sentenced before it proves nothing:
  // a DTTO for an offence of January 2005 sentenced in June 2005, when the standard is in force for DRRs.
  it.each([
    { standard: 'the full standard: once a week, non-residential, medium seriousness', setting: 'non-residential' as const, testsPerWeek: 1 },
    { standard: 'the reduced standard: no tests, residential', setting: 'residential' as const, testsPerWeek: 0 },
  ])('a DTTO sentenced after the standard began (offence before 4 April 2005) below $standard has none; a DRR sentenced the same day has it', async ({ setting, testsPerWeek }) => {
    const dated = (o: Order, offence: string) => {
      o.offences = [{ committedOn: offence, seriousness: 'medium', imprisonable: true }];
      o.convictionDate = '2005-05-03';
      o.sentenceDate = '2005-06-01';
      o.requirements = [{ ...structuredClone(DRR), setting, testsPerWeek }];
    };
    const asDtto = dtto((o) => {
      dated(o, '2005-01-10');
      o.sentence = { type: 'dtto', endDate: '2006-06-01' };
    });
    const asOrder = cja((o) => {
      dated(o, '2005-04-10');
      o.requirements.push({ kind: 'supervision' });
      o.sentence = { type: 'community-order', endDate: '2006-06-01' };
    });
    const dttoCodes = codes(await validator.validate(asDtto));
    expect(dttoCodes).not.toContain('DTTO_NOT_AVAILABLE');
    expect(dttoCodes).not.toContain('DRUG_TESTING_BELOW_STANDARD');
    expect(codes(await validator.validate(asOrder))).toContain('DRUG_TESTING_BELOW_STANDARD');
  });
});

// Each order has its own minimum age at conviction: 16 for a DTTO (PCC(S)A 2000 s.52(1)), 18 for a community
// order or suspended sentence order (CJA 2003 s.177(1); 16-17 never commenced, S.I. 2005/950 art. 2(2)). A DTTO
// convicted after 4 April 2005 (for an offence before it) is judged by its own minimum, never the community order's.
describe('the minimum age is the one for the order made', () => {
  const under18 = (r: ValidationResult) => r.breaches.filter((f) => f.code === 'OFFENDER_UNDER_18');
  it('a DTTO for an offender of 17, convicted in 2005 for an offence before 4 April 2005: no OFFENDER_UNDER_18; at 15 one, for the DTTO', async () => {
    const at = (years: number) =>
      dtto((o) => {
        o.offences = [{ committedOn: '2005-01-10', seriousness: 'medium', imprisonable: true }];
        o.convictionDate = '2005-05-03';
        o.sentenceDate = '2005-06-01';
        o.sentence = { type: 'dtto', endDate: '2006-06-01' };
        o.offender.dateOfBirth = bornYearsBefore('2005-05-03', years);
      });
    expect(under18(await validator.validate(at(17)))).toEqual([]);
    expect(under18(await validator.validate(at(16)))).toEqual([]);
    const young = under18(await validator.validate(at(15)));
    expect(young.length).toBe(1);
    expect(young[0]!.message).toContain('drug treatment and testing order');
  });
  it('a community order for an offender of 15 has one OFFENDER_UNDER_18, for the community order (not a second for a DTTO)', async () => {
    const young = under18(await validator.validate(cja((o) => (o.offender.dateOfBirth = bornYearsBefore(o.convictionDate, 15)))));
    expect(young.length).toBe(1);
    expect(young[0]!.message).toContain('community order');
  });
});

// DTTO_NOT_AVAILABLE speaks of a DTTO only: an old offence in any other order is that order's own question
// (whether it was available then), never a finding that a DTTO was not.
describe('an offence before 30 September 1998 in an order that is not a DTTO', () => {
  it('a community order for a 1997 offence has no DTTO_NOT_AVAILABLE; the same case as a DTTO has it', async () => {
    const old = (o: Order) => {
      o.offences = [{ committedOn: '1997-05-01', seriousness: 'medium', imprisonable: true }];
    };
    expect(codes(await validator.validate(cja(old)))).not.toContain('DTTO_NOT_AVAILABLE');
    expect(codes(await validator.validate(dtto(old)))).toContain('DTTO_NOT_AVAILABLE');
  });
});
