import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../src/index.js';
import { judgedByBoth as judged } from '../support/judge.js';
import { ATR, DRR, UPW, cja, dtto, type Order } from '../codes/fixtures.js';

const allCodes = (r: ValidationResult): string[] =>
  [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].map((f) => f.code);
/** The treatment-need family of codes, in order: what HMI Probation paras 4.13-4.14 say about this order. */
const treatmentNeed = async (order: Order): Promise<string[]> => allCodes(await judged(order)).filter((c) => c.startsWith('TREATMENT_NEED_')).sort();

/**
 * The 2006 fixture (offence January 2006, sentenced March 2006, under the CJA 2003 and the PC57/2005
 * bands) at low seriousness, with the given requirements and the treatment need recorded as given: a
 * treatment tier, or none; OASys drug and alcohol scores, or none.
 */
const lowOrder = (requirements: Order['requirements'], treatmentTier: 4 | undefined, oasys: { drugMisuse: number; alcoholMisuse: number } | undefined): Order =>
  cja((o) => {
    o.offences = o.offences.map((f) => ({ ...f, seriousness: 'low' as const }));
    o.requirements = structuredClone(requirements);
    o.offender.need = { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, alcohol: { dependent: true, requiresAndSusceptible: true } };
    if (treatmentTier !== undefined) o.offender.need.treatmentTier = treatmentTier;
    o.offender.assessment = { ...o.offender.assessment };
    if (oasys === undefined) delete o.offender.assessment.oasys;
    else o.offender.assessment.oasys = oasys;
  });

const atrOnly = [structuredClone(ATR), { kind: 'supervision' as const }];
const drrOnly = [structuredClone(DRR), { kind: 'supervision' as const }];
const noTreatment = [UPW(60), { kind: 'supervision' as const }];

// HMI Probation, 'Half Full and Half Empty' (2006) para 4.13 (with CJA 2003 s.148(2)(b)): where the
// treatment need is more than the offence's seriousness allows, the DRR or ATR proposed to meet it is
// limited by proportionality. NTA Models of Care tier 4 (residential) is the extensive need (rank 3,
// high); low seriousness allows a low intensity (rank 1). The weighing is of a proposed DRR or ATR:
// an order that proposes neither has no treatment whose intensity proportionality limits, so the
// tension is not about it, however high the offender's recorded need.
describe('TREATMENT_NEED_EXCEEDS_SERIOUSNESS: a tier 4 need against low seriousness, by the treatment the order proposes', () => {
  it('an ATR (no DRR): the ATR is the treatment proportionality limits, so the tension is given', async () => {
    expect(await treatmentNeed(lowOrder(atrOnly, 4, { drugMisuse: 0, alcoholMisuse: 8 }))).toEqual(['TREATMENT_NEED_EXCEEDS_SERIOUSNESS']);
  });

  it('a DRR (no ATR): the tension is given', async () => {
    expect(await treatmentNeed(lowOrder(drrOnly, 4, { drugMisuse: 8, alcoholMisuse: 0 }))).toEqual(['TREATMENT_NEED_EXCEEDS_SERIOUSNESS']);
  });

  it('neither a DRR nor an ATR (unpaid work and supervision): no treatment is proposed, so no treatment-need finding at all', async () => {
    expect(await treatmentNeed(lowOrder(noTreatment, 4, { drugMisuse: 8, alcoholMisuse: 8 }))).toEqual([]);
    expect(await treatmentNeed(lowOrder(noTreatment, 4, undefined))).toEqual([]);
  });
});

// Paras 4.13-4.14: the need is weighed from the treatment assessment. Where a DRR or ATR is proposed and
// nothing ranks the need (no treatment tier, no OASys score of the section the treatment addresses), the
// result says it could not be weighed. Where no DRR or ATR is proposed there is nothing to weigh the
// need against, so saying it was not weighed would be a false alarm.
describe('TREATMENT_NEED_NOT_RANKED: no tier and no OASys score, by the treatment the order proposes', () => {
  it('an ATR (no DRR), nothing recorded: the advisory is given', async () => {
    expect(await treatmentNeed(lowOrder(atrOnly, undefined, undefined))).toEqual(['TREATMENT_NEED_NOT_RANKED']);
  });

  it('a DRR (no ATR), nothing recorded: the advisory is given', async () => {
    expect(await treatmentNeed(lowOrder(drrOnly, undefined, undefined))).toEqual(['TREATMENT_NEED_NOT_RANKED']);
  });

  it('an ATR with the alcohol section scored (OASys section 9, below severe): weighed, so no advisory', async () => {
    expect(await treatmentNeed(lowOrder(atrOnly, undefined, { drugMisuse: 0, alcoholMisuse: 2 }))).toEqual([]);
  });

  it('neither a DRR nor an ATR, nothing recorded: no treatment to weigh the need against, so no treatment-need finding', async () => {
    expect(await treatmentNeed(lowOrder(noTreatment, undefined, undefined))).toEqual([]);
  });
});

// PCC(S)A 2000 ss.52-54: a DTTO is itself the treatment and testing order; its treatment and testing
// requirements are the DTTO's own (s.53), made under that Act for offences before 4 April 2005, and are
// judged by its rules (rules/pcc-s-a-2000/dtto.json), not by the CJA 2003 s.177(1) table of community
// order requirements, which has none for that law (rules/regimes.json: pcc-s-a-2000 "requirements": []).
// The same treatment in a community order for the same offence is refused: there was no community order
// with a DRR for an offence before 4 April 2005.
describe('REQUIREMENT_NOT_IN_REGIME: a DTTO\'s treatment is the DTTO\'s, not a community order requirement', () => {
  const inRegime = (r: ValidationResult) => r.requirements.flatMap((q) => q.findings).filter((f) => f.code === 'REQUIREMENT_NOT_IN_REGIME');

  it.each([
    { when: 'offence, conviction and sentence in 2003', offence: '2003-06-10', conviction: '2003-08-01', sentence: '2003-09-01' },
    { when: 'offence January 2005, sentenced June 2005 (after the CJA 2003 began)', offence: '2005-01-10', conviction: '2005-05-03', sentence: '2005-06-01' },
  ])('$when: a DTTO with its treatment recorded as a DRR has no REQUIREMENT_NOT_IN_REGIME; a community order with it has one, for the DRR', async ({ offence, conviction, sentence }) => {
    const dated = (o: Order) => {
      o.offences = [{ committedOn: offence, seriousness: 'medium', imprisonable: true }];
      o.convictionDate = conviction;
      o.sentenceDate = sentence;
      o.requirements = [structuredClone(DRR)];
    };
    const end = `${Number(sentence.slice(0, 4)) + 1}${sentence.slice(4)}`;
    const asDtto = dtto((o) => {
      dated(o);
      o.sentence = { type: 'dtto', endDate: end };
    });
    const asOrder = dtto((o) => {
      dated(o);
      o.sentence = { type: 'community-order', endDate: end };
    });
    const dttoResult = await judged(asDtto);
    expect(allCodes(dttoResult)).not.toContain('DTTO_NOT_AVAILABLE');
    expect(inRegime(dttoResult)).toEqual([]);
    const orderFound = inRegime(await judged(asOrder));
    expect(orderFound.map((f) => [f.code, f.requirementIndex])).toEqual([['REQUIREMENT_NOT_IN_REGIME', 0]]);
  });
});
