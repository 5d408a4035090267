import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, type KindEnvelope } from '../../src/index.js';
import { cja, code } from '../codes/fixtures.js';

const v = createValidator();
const kindOf = (env: ReturnType<typeof v.options>, kind: string): KindEnvelope => env.kinds.find((k) => k.kind === kind)!;

describe('validator.options: the envelope of a case', () => {
  it('gives unpaid work its statutory range, each end naming its parameter and citation', () => {
    const uw = kindOf(v.options(code()), 'unpaid-work');
    expect(uw.available).toBe(true);
    const hours = uw.quantities.find((q) => q.field === 'hours')!;
    expect(hours.min).toMatchObject({ value: 40, parameter: 'unpaidWork.minHours', code: 'UNPAID_WORK_HOURS_OUT_OF_RANGE' });
    expect(hours.max).toMatchObject({ value: 300, parameter: 'unpaidWork.maxHours' });
    expect(hours.max!.citations[0]!.source).toBe('Sentencing Act 2020');
  });

  it('says where the seriousness band is narrower than the statute', () => {
    const hours = kindOf(v.options(code()), 'unpaid-work').quantities.find((q) => q.field === 'hours')!;
    expect(hours.guidance).toContainEqual(expect.objectContaining({ direction: 'max', value: 150, parameter: 'bandRange.unpaidWorkMaxHours.medium', code: 'REQUIREMENT_ABOVE_BAND_RANGE' }));
  });

  it('uses the law in force on the case\'s dates (curfew hours: 12 in 2006, 20 for a 2023 conviction)', () => {
    const max = (o: ReturnType<typeof cja>) => kindOf(v.options(o), 'curfew').quantities.find((q) => q.field === 'hoursPerDay')!.max!;
    expect(max(cja())).toMatchObject({ value: 12, parameter: 'curfew.maxHoursPerDay' });
    expect(max(code())).toMatchObject({ value: 20, parameter: 'curfew.maxHoursPerDay' });
  });

  it('marks kinds the regime does not have', () => {
    expect(kindOf(v.options(cja()), 'rehabilitation-activity').available).toBe(false);
    expect(kindOf(v.options(code()), 'rehabilitation-activity').available).toBe(true);
    expect(kindOf(v.options(code()), 'supervision').available).toBe(false);
  });

  it('gives DRR intensities by band: a low band allows only low intensity', () => {
    const low = kindOf(v.options(cja((x) => void (x.offences[0]!.seriousness = 'low'))), 'drug-rehabilitation');
    expect(low.intensities!.map((i) => [i.intensity, i.lawful])).toEqual([['low', true], ['medium', false], ['high', false]]);
    const intensity = low.quantities.find((q) => q.field === 'intensity')!;
    expect(intensity.max).toMatchObject({ inputValue: 'low', parameter: 'drr.maxIntensityRank.low', code: 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS' });
  });

  it('caps a DRR at the order\'s length and names where that comes from', () => {
    const months = kindOf(v.options(cja()), 'drug-rehabilitation').quantities.find((q) => q.field === 'months')!;
    expect(months.max).toMatchObject({ value: 18, fact: 'order.requirementLimitMonths', code: 'DRR_PERIOD_EXCEEDS_ORDER' });
    expect(months.min).toMatchObject({ value: 6, parameter: 'drr.minMonths' });
  });

  it('lists conditions still needing evidence and those the requirement settles', () => {
    const noNeed = cja((x) => void delete x.offender.need);
    const atSentence = createValidator({ stage: 'sentence' });
    const drr = kindOf(atSentence.options(noNeed), 'drug-rehabilitation');
    expect(drr.conditions.find((c) => c.code === 'DRR_NO_DEPENDENCY')!.status).toBe('needs-evidence');
    expect(drr.conditions.find((c) => c.code === 'DRR_NOT_WILLING')!.status).toBe('to-settle');
    const withNeed = kindOf(atSentence.options(cja()), 'drug-rehabilitation');
    expect(withNeed.conditions.find((c) => c.code === 'DRR_NO_DEPENDENCY')!.status).toBe('met');
  });

  it('names the tensions a choice would carry: a stand-alone DRR, an intensity not commissioned', () => {
    const alone = cja((x) => void (x.requirements = [], (x.provision = { drrIntensities: ['low'] })));
    const drr = kindOf(v.options(alone), 'drug-rehabilitation');
    expect(drr.tensions.find((t) => t.code === 'STANDALONE_DRR')).toMatchObject({ when: 'always' });
    expect(drr.intensities!.find((i) => i.intensity === 'medium')!.findings.map((f) => f.code)).toContain('INTENSITY_NOT_COMMISSIONED');
    expect(kindOf(v.options(cja()), 'drug-rehabilitation').tensions.find((t) => t.code === 'STANDALONE_DRR')).toBeUndefined();
  });

  it('gives the order\'s own limits (its length)', () => {
    const env = v.options(cja());
    expect(env.order).toContainEqual(expect.objectContaining({ field: 'sentence.endDate', direction: 'max', current: 18, limit: expect.objectContaining({ value: 36, parameter: 'communityOrder.maxMonths' }) }));
  });

  it('refuses bad input with a structured error', () => {
    expect(() => v.options({ offender: {} })).toThrow(InvalidOrderError);
  });

  it('is the same for the same input and leaves it untouched', () => {
    const o = cja();
    const before = JSON.stringify(o);
    expect(v.options(o)).toEqual(v.options(structuredClone(o)));
    expect(JSON.stringify(o)).toBe(before);
  });
});
