import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput, type ValidationResult } from '../../src/index.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';

// HMI Probation, 'Half Full and Half Empty' (2006) paras 4.13-4.14: the treatment need is weighed against
// the offence's seriousness. The need is read from the treatment tier, or else from the OASys score of
// the section the proposed treatment addresses (section 8 for a DRR, section 9 for an ATR). Where
// neither is recorded the need is not weighed and the result says so (TREATMENT_NEED_NOT_RANKED);
// where either is recorded it is weighed, so the advisory would be a false alarm.
const validator = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });
const codes = async (order: ProposedOrderInput): Promise<string[]> => {
  const result: ValidationResult = await validator.validate(order);
  expect(await reference.validate(order), 'both evaluators agree').toEqual(result);
  return [...result.requirements.flatMap((q) => q.findings), ...result.breaches, ...result.tensions, ...result.advisories].map((f) => f.code);
};

/** The lawful medium DRR with the need recorded as given (the fixture records a tier 3 need and OASys 8/1). */
const drrWith = (treatmentTier: 1 | 2 | 3 | 4 | undefined, oasys: { drugMisuse?: number; alcoholMisuse?: number } | undefined): ProposedOrderInput => {
  const o = clone(lawfulMediumDrr());
  const need = { ...o.offender.need! };
  if (treatmentTier === undefined) delete need.treatmentTier;
  else need.treatmentTier = treatmentTier as never;
  const assessment = { ...o.offender.assessment };
  if (oasys === undefined) delete assessment.oasys;
  else assessment.oasys = oasys as never;
  return { ...o, offender: { ...o.offender, need, assessment } };
};

describe('TREATMENT_NEED_NOT_RANKED: a DRR whose need nothing recorded ranks', () => {
  it('no treatment tier and no OASys score: the need is not weighed, and the advisory says so', async () => {
    expect(await codes(drrWith(undefined, undefined))).toContain('TREATMENT_NEED_NOT_RANKED');
  });

  it('no treatment tier, and only the alcohol section scored: a DRR addresses drugs, so still not weighed', async () => {
    expect(await codes(drrWith(undefined, { alcoholMisuse: 9 }))).toContain('TREATMENT_NEED_NOT_RANKED');
  });

  it.each([
    { what: 'a treatment tier (3) recorded', tier: 3 as const, oasys: undefined },
    { what: 'a treatment tier (1) recorded, which ranks no need', tier: 1 as const, oasys: undefined },
    { what: 'only a drug misuse score below severe (4)', tier: undefined, oasys: { drugMisuse: 4 } },
    { what: 'only a severe drug misuse score (8)', tier: undefined, oasys: { drugMisuse: 8 } },
  ])('$what: weighed, so no TREATMENT_NEED_NOT_RANKED', async ({ tier, oasys }) => {
    expect(await codes(drrWith(tier, oasys))).not.toContain('TREATMENT_NEED_NOT_RANKED');
  });
});
