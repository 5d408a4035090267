import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { cja, code, drugNeed, type Order } from '../codes/fixtures.js';
import { assertVerified, findingsOf, remediesOf } from './support.js';

const v = createValidator();
/** What the order must specify is only invalid (not advisory) when the court is about to make it. */
const atSentence = createValidator({ stage: 'sentence' });
const withRemedies = (o: Order): ValidationResult => v.validateSync(o, { remedies: true });

/** Every remedy on every finding of `o` verified from outside, and the remedies of `code` returned. */
function check(o: Order, findingCode: string, index?: number, validator = v) {
  const original = validator.validateSync(o);
  const result = validator.validateSync(o, { remedies: true });
  for (const f of findingsOf(result)) for (const r of f.remedies ?? []) assertVerified(validator, o, original, f, r);
  return remediesOf(result, findingCode, index);
}

describe('remedies: limits read from the firing rule and the dated parameters', () => {
  it('lowers unpaid work hours to the statutory maximum (unpaidWork.maxHours, 300 under the Code)', () => {
    const o = code((x) => void (x.requirements[2] = { kind: 'unpaid-work', hours: 320 }));
    const [first] = check(o, 'UNPAID_WORK_HOURS_OUT_OF_RANGE', 2);
    expect(first!.patch).toEqual([{ op: 'replace', path: '/requirements/2/hours', value: 300 }]);
    expect(first!.description).toContain('unpaidWork.maxHours');
  });

  it('raises unpaid work hours to the minimum when below it', () => {
    const o = code((x) => void (x.requirements[2] = { kind: 'unpaid-work', hours: 10 }));
    expect(check(o, 'UNPAID_WORK_HOURS_OUT_OF_RANGE', 2)[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/2/hours', value: 40 }]);
  });

  it('follows a changed parameter at run time, not a copy of today\'s figure', () => {
    const custom = createValidator({ parameters: { 'unpaidWork.maxHours': 250 } });
    const o = code((x) => void (x.requirements[2] = { kind: 'unpaid-work', hours: 280 }));
    const r = custom.validateSync(o, { remedies: true });
    expect(remediesOf(r, 'UNPAID_WORK_HOURS_OUT_OF_RANGE', 2)[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/2/hours', value: 250 }]);
  });

  it('shortens an order to its maximum length and a requirement that would outlast it', () => {
    const o = cja((x) => {
      x.sentence.endDate = '2010-03-01';
      (x.requirements[0] as { months: number }).months = 40;
    });
    const remedies = check(o, 'ORDER_TOO_LONG');
    const patch = remedies.find((r) => r.patch?.some((op) => op.path === '/sentence/endDate'))!.patch!;
    expect(patch).toContainEqual({ op: 'replace', path: '/sentence/endDate', value: '2009-03-01' });
    expect(patch).toContainEqual({ op: 'replace', path: '/requirements/0/months', value: 36 });
  });

  it('lowers a DRR intensity above the band to the highest the band allows', () => {
    const o = cja((x) => {
      x.offences[0]!.seriousness = 'low';
      (x.requirements[0] as { intensity: string }).intensity = 'high';
    });
    const remedies = check(o, 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS', 0);
    expect(remedies[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/0/intensity', value: 'low' }]);
  });

  it('brings a curfew above the band range down to the band\'s range (a tension)', () => {
    const o = code((x) => void x.requirements.push({ kind: 'curfew', hoursPerDay: 8, months: 6, electronicMonitoring: true }));
    const remedies = check(o, 'REQUIREMENT_ABOVE_BAND_RANGE', 3);
    expect(remedies[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/3/months', value: 3 }]);
  });
});

describe('remedies: choices on the requirement', () => {
  it('imposes electronic monitoring on a curfew without it', () => {
    const o = code((x) => void x.requirements.push({ kind: 'curfew', hoursPerDay: 8, months: 2, electronicMonitoring: false }));
    const remedies = check(o, 'CURFEW_WITHOUT_EM', 3, atSentence);
    expect(remedies[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/3/electronicMonitoring', value: true }]);
  });

  it('adds a review provision to a long DRR at the sentence stage', () => {
    const o = cja((x) => {
      x.sentence.endDate = '2008-03-01';
      (x.requirements[0] as { months: number }).months = 18;
    });
    const r = atSentence.validateSync(o, { remedies: true });
    const remedies = remediesOf(r, 'DRR_REVIEW_REQUIRED', 0);
    expect(remedies.some((m) => m.patch?.some((op) => op.op === 'add' && op.path.startsWith('/requirements/0/reviewInterval')))).toBe(true);
    const original = atSentence.validateSync(o);
    for (const m of remedies) assertVerified(atSentence, o, original, findingsOf(r).find((f) => f.code === 'DRR_REVIEW_REQUIRED')!, m);
  });

  it('moves a DRR to an intensity the area commissions', () => {
    const o = cja((x) => void (x.provision = { drrIntensities: ['low'] }));
    const remedies = check(o, 'INTENSITY_NOT_COMMISSIONED', 0);
    expect(remedies[0]!.patch).toEqual([{ op: 'replace', path: '/requirements/0/intensity', value: 'low' }]);
  });
});

describe('remedies: which requirements the order has', () => {
  it('adds supervision to a stand-alone DRR', () => {
    const o = cja((x) => void x.requirements.pop());
    const remedies = check(o, 'STANDALONE_DRR', 0);
    expect(remedies[0]!.patch).toEqual([{ op: 'add', path: '/requirements/-', value: { kind: 'supervision' } }]);
  });

  it('adds a requirement to an order with none', () => {
    const o = cja((x) => void (x.requirements = []));
    const remedies = check(o, 'NO_REQUIREMENTS');
    expect(remedies.length).toBeGreaterThan(0);
    expect(remedies[0]!.patch![0]).toMatchObject({ op: 'add', path: '/requirements/-' });
  });

  it('takes out the AAMR beside an ATR', () => {
    const o = code((x) => {
      x.offender.need = { ...x.offender.need, alcohol: { dependent: true, requiresAndSusceptible: true } };
      x.requirements.push({ kind: 'alcohol-treatment', months: 6, setting: 'practitioner-based', director: { name: 'Dr A', qualified: true }, offenderWilling: true }, { kind: 'alcohol-abstinence-monitoring', days: 60 });
    });
    const remedies = check(o, 'ATR_WITH_AAMR', 3);
    expect(remedies.some((m) => JSON.stringify(m.patch) === JSON.stringify([{ op: 'remove', path: '/requirements/4' }]))).toBe(true);
  });

  it('meets a missing punitive element with a fine or a punitive requirement', () => {
    const o = code((x) => void x.requirements.pop());
    const remedies = check(o, 'PUNITIVE_ELEMENT_MISSING', undefined, atSentence);
    expect(remedies.some((m) => m.patch?.some((op) => op.path === '/sentence/fine'))).toBe(true);
  });
});

describe('remedies: the sentence itself', () => {
  it('turns a DTTO after April 2005 into a community order with a DRR', () => {
    const o = cja((x) => {
      x.sentence = { type: 'dtto', endDate: '2007-09-01' };
      x.requirements = [];
    });
    const remedies = check(o, 'DTTO_NOT_AVAILABLE');
    const patch = remedies[0]!.patch!;
    expect(patch[0]).toEqual({ op: 'replace', path: '/sentence/type', value: 'community-order' });
    expect(patch[1]).toMatchObject({ op: 'add', path: '/requirements/-', value: { kind: 'drug-rehabilitation', intensity: 'medium' } });
  });
});

describe('remedies: what no edit of the order can supply', () => {
  it('asks for an assessment when dependency is shown absent, with no patch that fakes it', () => {
    const o = cja((x) => void (x.offender.need = { drugs: { ...drugNeed, dependentOrPropensity: false } }));
    const remedies = check(o, 'DRR_NO_DEPENDENCY', 0);
    const advice = remedies.filter((m) => !m.patch);
    expect(advice.some((m) => /assessment/i.test(m.description))).toBe(true);
    for (const m of remedies) expect(JSON.stringify(m.patch ?? [])).not.toContain('dependentOrPropensity');
  });

  it('says a different sentence is needed for an offender under 18', () => {
    const o = cja((x) => void (x.offender.dateOfBirth = '1989-01-01'));
    const remedies = check(o, 'OFFENDER_UNDER_18');
    expect(remedies.every((m) => m.patch === undefined)).toBe(true);
    expect(remedies.some((m) => /different sentence/.test(m.description))).toBe(true);
  });

  it('never flips the offender\'s willingness', () => {
    const o = cja((x) => void ((x.requirements[0] as { offenderWilling: boolean }).offenderWilling = false));
    const remedies = check(o, 'DRR_NOT_WILLING', 0);
    for (const m of remedies) expect(JSON.stringify(m.patch ?? [])).not.toContain('offenderWilling');
    expect(remedies.some((m) => !m.patch && /willingness/.test(m.description))).toBe(true);
  });
});

describe('the option itself', () => {
  it('leaves the result unchanged without it: same shape, no remedies key', () => {
    const o = cja((x) => void (x.offences[0]!.seriousness = 'low'));
    const plain = v.validateSync(o);
    expect(JSON.stringify(plain)).not.toContain('remedies');
    expect(v.validateSync(o, {})).toEqual(plain);
    expect(v.validateSync(o, { remedies: false })).toEqual(plain);
  });

  it('adds remedies to invalid and breach findings, and to tensions only where one exists', () => {
    const o = cja((x) => {
      x.offences[0]!.seriousness = 'low';
      (x.requirements[0] as { intensity: string }).intensity = 'high';
    });
    const r = withRemedies(o);
    for (const f of findingsOf(r)) {
      if (f.kind === 'invalid' || f.kind === 'breach') expect(f.remedies, f.code).toBeDefined();
      if (f.kind === 'advisory') expect(f.remedies).toBeUndefined();
      if (f.kind === 'tension' && f.remedies) expect(f.remedies.length).toBeGreaterThan(0);
    }
    // The same finding object under its requirement and in breaches.
    const inReq = r.requirements[0]!.findings.find((f) => f.code === 'DRR_INTENSITY_EXCEEDS_SERIOUSNESS');
    expect(r.breaches).toContain(inReq);
  });

  it('returns frozen results and leaves the input and the plain result untouched', () => {
    const o = cja((x) => void (x.offences[0]!.seriousness = 'low', ((x.requirements[0] as { intensity: string }).intensity = 'high')));
    const before = JSON.stringify(o);
    const r = withRemedies(o);
    expect(JSON.stringify(o)).toBe(before);
    expect(Object.isFrozen(r)).toBe(true);
    const f = r.breaches[0]!;
    expect(Object.isFrozen(f) && Object.isFrozen(f.remedies) && Object.isFrozen(f.remedies![0]) && Object.isFrozen(f.remedies![0]!.patch)).toBe(true);
  });

  it('gives the same remedies through validate, safeValidate and the json-rules-engine evaluator', async () => {
    const o = cja((x) => void x.requirements.pop());
    const sync = withRemedies(o);
    expect(await v.validate(o, { remedies: true })).toEqual(sync);
    const safe = await v.safeValidate(o, { remedies: true });
    expect(safe.success && safe.result).toEqual(sync);
    const jre = createValidator({ evaluator: 'json-rules-engine' });
    expect(await jre.validate(o, { remedies: true })).toEqual(sync);
  });

  it('refuses a remedies option that is not a boolean', () => {
    expect(() => v.validateSync(cja(), { remedies: 'yes' } as never)).toThrow(/remedies must be true or false/);
  });

  it('returns at most a handful of remedies per finding', () => {
    const o = cja((x) => void (x.requirements = []));
    for (const f of findingsOf(withRemedies(o))) expect((f.remedies ?? []).length).toBeLessThanOrEqual(5);
  });
});
