import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput } from '../src/index.js';
import { codesOf, findingOf } from './support/codes.js';
import { clone, lawfulMediumDrr } from './support/orders.js';

const validator = createValidator();
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
const drrOf = (o: ProposedOrderInput) => o.requirements[0] as Drr;

describe('local provision (inspection 4.16, 5.2)', () => {
  it('INTENSITY_NOT_COMMISSIONED: an area that commissioned only intensive services cannot deliver a low intensity DRR', async () => {
    const order = clone(lawfulMediumDrr());
    order.offences[0]!.seriousness = 'low';
    drrOf(order).intensity = 'low';
    order.provision = { drrIntensities: ['high'], area: 'Northtown' };
    const result = await validator.validate(order);
    const finding = findingOf(result, 'INTENSITY_NOT_COMMISSIONED');
    expect(finding).toMatchObject({ kind: 'tension', requirementIndex: 0 });
    expect(finding!.facts).toEqual({ 'requirement.intensity': 'low', 'provision.drrIntensities': ['high'], 'provision.area': 'Northtown' });
    expect(finding!.message).toContain('would need to commission low intensity');
  });

  it('INTENSITY_NOT_COMMISSIONED is not raised when the intensity is commissioned or provision is unknown', async () => {
    const order = clone(lawfulMediumDrr());
    order.provision = { drrIntensities: ['medium', 'high'] };
    expect(codesOf(await validator.validate(order))).not.toContain('INTENSITY_NOT_COMMISSIONED');
    delete order.provision;
    expect(codesOf(await validator.validate(order))).not.toContain('INTENSITY_NOT_COMMISSIONED');
  });

  it('uses the validator default provision when the order gives none, and the order\'s own when it does', async () => {
    const areaWide = createValidator({ provision: { drrIntensities: ['high'] } });
    const order = clone(lawfulMediumDrr());
    expect(codesOf(await areaWide.validate(order))).toContain('INTENSITY_NOT_COMMISSIONED');
    order.provision = { drrIntensities: ['medium'] };
    expect(codesOf(await areaWide.validate(order))).not.toContain('INTENSITY_NOT_COMMISSIONED');
  });

  describe('PROVISION_BELOW_INTENSITY_HOURS', () => {
    const order = () => {
      const o = clone(lawfulMediumDrr());
      o.provision = { drrWeeklyHours: { medium: 6 } };
      return o;
    };
    it('does not run without an area minimum: the national figures are not verified, so there is no invented default', async () => {
      const result = await validator.validate(order());
      expect(codesOf(result)).not.toContain('PROVISION_BELOW_INTENSITY_HOURS');
      // The order is judged all the same: lawful, its DRR valid, and no other finding about provision.
      expect(result.ok).toBe(true);
      expect(result.requirements[0]).toMatchObject({ kind: 'drug-rehabilitation', valid: true });
      expect(result.tensions.map((t) => t.code)).toStrictEqual([]);
    });
    it('is a tension when the area provides fewer weekly hours than the minimum it sets for the intensity', async () => {
      const area = createValidator({ parameters: { 'provision.minWeeklyHoursMedium': 8 } });
      const finding = findingOf(await area.validate(order()), 'PROVISION_BELOW_INTENSITY_HOURS');
      expect(finding?.facts).toMatchObject({ 'requirement.weeklyHoursAvailable': 6, 'requirement.weeklyHoursMinimum': 8 });
      expect(finding?.message).toContain('at least 8 hours a week');
      // The area's own figure is not from the reference: the finding says so.
      expect(finding?.confidence).toBe('unverified');
    });
    it('is not raised at the minimum itself', async () => {
      const area = createValidator({ parameters: { 'provision.minWeeklyHoursMedium': 6 } });
      expect(codesOf(await area.validate(order()))).not.toContain('PROVISION_BELOW_INTENSITY_HOURS');
    });
  });

  // s.212(2)(c): arrangements "have been or can be made". An area with no qualified provider is
  // evidence against that only when no qualified director is named for this order.
  it('an ATR where the area has no qualified provider and none is named has no arrangements: invalid (inspection 4.12, 5.3)', async () => {
    const order = clone(lawfulMediumDrr());
    order.offender.need = { alcohol: { dependent: true, requiresAndSusceptible: true } };
    order.requirements = [{ kind: 'alcohol-treatment', months: 9, setting: 'practitioner-based', offenderWilling: true }, { kind: 'supervision' }];
    order.provision = { atrQualifiedProvider: false };
    const result = await validator.validate(order);
    expect(result.requirements[0]!.valid).toBe(false);
    expect(codesOf(result)).toContain('ATR_NO_QUALIFIED_DIRECTOR');
    order.provision = { atrQualifiedProvider: true };
    const provided = await validator.validate(order);
    expect(provided.requirements[0]!.valid).toBe(true);
    // Still a draft: the director is to be named before sentence.
    expect(codesOf(provided)).toContain('ATR_DIRECTOR_NOT_SPECIFIED');
  });

  it('an ATR with a qualified director named is arranged even where the area has no qualified provider of its own', async () => {
    const order = clone(lawfulMediumDrr());
    order.offender.need = { alcohol: { dependent: true, requiresAndSusceptible: true } };
    order.requirements = [{ kind: 'alcohol-treatment', months: 9, setting: 'practitioner-based', director: { name: 'Dr A', qualified: true }, offenderWilling: true }, { kind: 'supervision' }];
    order.provision = { atrQualifiedProvider: false };
    const result = await validator.validate(order);
    expect(codesOf(result)).not.toContain('ATR_NO_QUALIFIED_DIRECTOR');
    expect(result.requirements[0]!.valid).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('PROGRAMME_NOT_RUN_LOCALLY when the area does not run the accredited programme', async () => {
    const order = clone(lawfulMediumDrr());
    order.requirements.push({ kind: 'programme', programme: 'DID', recommendedByOfficer: true });
    order.provision = { programmes: ['ASRO', 'Think First'] };
    expect(findingOf(await validator.validate(order), 'PROGRAMME_NOT_RUN_LOCALLY')).toMatchObject({ requirementIndex: 2 });
    order.provision = { programmes: ['asro', 'did'] };
    expect(codesOf(await validator.validate(order))).not.toContain('PROGRAMME_NOT_RUN_LOCALLY');
  });
});

describe('providers (inspection 4.24-4.28)', () => {
  const residential = (providerArea: string, registered: boolean) => {
    const o = clone(lawfulMediumDrr());
    Object.assign(drrOf(o), { setting: 'residential', testsPerWeek: 1, provider: { name: 'Seaview House', registered, area: providerArea } });
    o.provision = { area: 'Northtown' };
    return o;
  };
  it('RESIDENTIAL_TREATMENT_OUT_OF_AREA: residential treatment in another area means the case should transfer', async () => {
    const finding = findingOf(await validator.validate(residential('Southport', true)), 'RESIDENTIAL_TREATMENT_OUT_OF_AREA');
    expect(finding?.facts).toMatchObject({ 'requirement.provider.area': 'Southport', 'provision.area': 'Northtown' });
    expect(finding?.message).toContain('should transfer');
  });
  it('RESIDENTIAL_TREATMENT_OUT_OF_AREA is not raised for treatment in the home area or non-residential treatment', async () => {
    expect(codesOf(await validator.validate(residential('northtown', true)))).not.toContain('RESIDENTIAL_TREATMENT_OUT_OF_AREA');
    const community = residential('Southport', true);
    drrOf(community).setting = 'non-residential';
    expect(codesOf(await validator.validate(community))).not.toContain('RESIDENTIAL_TREATMENT_OUT_OF_AREA');
  });
  it('UNREGISTERED_PROVIDER for a provider recorded as not registered, not for a registered or unrecorded one', async () => {
    expect(findingOf(await validator.validate(residential('Northtown', false)), 'UNREGISTERED_PROVIDER')).toMatchObject({ kind: 'tension', requirementIndex: 0 });
    expect(codesOf(await validator.validate(residential('Northtown', true)))).not.toContain('UNREGISTERED_PROVIDER');
    const unknown = clone(lawfulMediumDrr());
    drrOf(unknown).provider = { name: 'Somewhere' };
    expect(codesOf(await validator.validate(unknown))).not.toContain('UNREGISTERED_PROVIDER');
  });
});

describe('needs left unaddressed (inspection 4.3, 5.9, 5.15: 28% of cases)', () => {
  const punitiveOnly = (drug: number, alcohol: number) => {
    const o = clone(lawfulMediumDrr());
    o.offender.assessment = { oasys: { drugMisuse: drug, alcoholMisuse: alcohol } };
    o.offender.need = undefined;
    o.requirements = [{ kind: 'unpaid-work', hours: 100 }, { kind: 'supervision' }];
    return o;
  };
  it('DRUG_NEED_UNADDRESSED at the threshold of 4, not at 3', async () => {
    const finding = findingOf(await validator.validate(punitiveOnly(4, 0)), 'DRUG_NEED_UNADDRESSED');
    expect(finding?.facts).toMatchObject({ 'assessment.oasys.drugMisuse': 4, 'param.assessment.oasysDrugThreshold': 4 });
    expect(codesOf(await validator.validate(punitiveOnly(3, 0)))).not.toContain('DRUG_NEED_UNADDRESSED');
  });
  it('ALCOHOL_NEED_UNADDRESSED at the threshold of 4, not at 3', async () => {
    expect(codesOf(await validator.validate(punitiveOnly(0, 4)))).toContain('ALCOHOL_NEED_UNADDRESSED');
    expect(codesOf(await validator.validate(punitiveOnly(0, 3)))).not.toContain('ALCOHOL_NEED_UNADDRESSED');
  });
  it('a requirement that addresses the need clears it', async () => {
    const o = punitiveOnly(9, 9);
    o.requirements.push({ kind: 'programme', programme: 'ASRO' });
    const codes = codesOf(await validator.validate(o));
    expect(codes).not.toContain('DRUG_NEED_UNADDRESSED');
    expect(codes).not.toContain('ALCOHOL_NEED_UNADDRESSED');
  });
  it('an area can use the current HMPPS drug threshold of 2 instead', async () => {
    const hmpps = createValidator({ parameters: { 'assessment.oasysDrugThreshold': 2 } });
    expect(codesOf(await hmpps.validate(punitiveOnly(2, 0)))).toContain('DRUG_NEED_UNADDRESSED');
  });
});

describe('advisories', () => {
  const trigger = () => {
    const o = clone(lawfulMediumDrr());
    o.offences[0]!.triggerOffence = true;
    o.requirements = [{ kind: 'unpaid-work', hours: 100 }, { kind: 'supervision' }];
    return o;
  };
  it('TRIGGER_OFFENCE_TESTING: a trigger offence with drug need and neither a DRR nor testing', async () => {
    expect(findingOf(await validator.validate(trigger()), 'TRIGGER_OFFENCE_TESTING')).toMatchObject({ kind: 'advisory' });
  });
  it('TRIGGER_OFFENCE_TESTING is not raised with a DRR, or without drug need, or for a non-trigger offence', async () => {
    expect(codesOf(await validator.validate({ ...lawfulMediumDrr(), offences: [{ ...lawfulMediumDrr().offences[0]!, triggerOffence: true }] }))).not.toContain('TRIGGER_OFFENCE_TESTING');
    const noNeed = trigger();
    noNeed.offender.need = undefined;
    noNeed.offender.assessment = { oasys: { drugMisuse: 0 } };
    expect(codesOf(await validator.validate(noNeed))).not.toContain('TRIGGER_OFFENCE_TESTING');
    const notTrigger = trigger();
    notTrigger.offences[0]!.triggerOffence = false;
    expect(codesOf(await validator.validate(notTrigger))).not.toContain('TRIGGER_OFFENCE_TESTING');
  });
  it('PPO_NOT_FLAGGED when OGRS is high and no PPO status is recorded (inspection 4.33)', async () => {
    const o = clone(lawfulMediumDrr());
    o.offender.assessment = { ogrsPercent: 80 };
    expect(findingOf(await validator.validate(o), 'PPO_NOT_FLAGGED')?.confidence).toBe('secondary');
    o.offender.assessment = { ogrsPercent: 80, ppo: false };
    expect(codesOf(await validator.validate(o))).not.toContain('PPO_NOT_FLAGGED');
    o.offender.assessment = { ogrsPercent: 74 };
    expect(codesOf(await validator.validate(o))).not.toContain('PPO_NOT_FLAGGED');
  });
});
