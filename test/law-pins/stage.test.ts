import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { DRR, cja, onDates } from '../codes/fixtures.js';

// CCA 2013 Sch. 16 (offences from 11 December 2013): a community order must contain a punitive element
// (or a fine, or recorded exceptional circumstances). The requirements a proposal lists are the proposal
// itself, not a field left empty, so a missing punitive element is a breach at either stage.
const codes = (r: ValidationResult) => [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].map((f) => f.code);
const noPunitiveElement = () => {
  const o = onDates(cja(), { offence: '2014-01-10', conviction: '2014-02-01', sentence: '2014-03-01' });
  o.requirements = [structuredClone(DRR)];
  return o;
};

describe('a community order with no punitive element, at either stage', () => {
  for (const stage of ['proposal', 'sentence'] as const) {
    it(`${stage}: PUNITIVE_ELEMENT_MISSING is a breach`, async () => {
      const result = await createValidator({ stage }).validate(noPunitiveElement());
      expect(result.breaches.map((f) => f.code)).toContain('PUNITIVE_ELEMENT_MISSING');
    });
  }
  it('a fine answers it at either stage', async () => {
    const o = noPunitiveElement();
    (o.sentence as { fine?: boolean }).fine = true;
    for (const stage of ['proposal', 'sentence'] as const) expect(codes(await createValidator({ stage }).validate(o))).not.toContain('PUNITIVE_ELEMENT_MISSING');
  });
});

// CJA 2003 s.177(3)-(4): a curfew or exclusion requirement must be electronically monitored unless the
// court records why not. `electronicMonitoring: false` is the proposal's own choice (a required field),
// so with no reason recorded the requirement is invalid at either stage; a reason, or monitoring, answers it.
describe('curfew and exclusion without electronic monitoring, by whether a reason is recorded', () => {
  const cases = [
    { kind: 'curfew', base: { kind: 'curfew', hoursPerDay: 8, months: 3 }, code: 'CURFEW_WITHOUT_EM' },
    { kind: 'exclusion', base: { kind: 'exclusion', months: 3 }, code: 'EXCLUSION_WITHOUT_EM' },
  ] as const;
  const orderWith = (requirement: Record<string, unknown>) => cja((o) => o.requirements.push(requirement as never));
  const variants = [
    { name: 'no monitoring, no reason', fields: { electronicMonitoring: false }, fires: true },
    { name: 'no monitoring, a reason recorded', fields: { electronicMonitoring: false, emExceptionReason: 'No fixed address with a power supply' }, fires: false },
    { name: 'monitored', fields: { electronicMonitoring: true }, fires: false },
  ];
  for (const c of cases) {
    for (const v of variants) {
      it(`${c.kind}, ${v.name}: ${v.fires ? `${c.code} at both stages` : 'no finding at either stage'}`, async () => {
        const order = orderWith({ ...c.base, ...v.fields });
        for (const stage of ['proposal', 'sentence'] as const) {
          const result = await createValidator({ stage }).validate(order);
          const own = result.requirements.at(-1)!;
          expect(own.findings.some((f) => f.code === c.code && f.kind === 'invalid')).toBe(v.fires);
          expect(own.valid).toBe(!v.fires);
        }
      });
    }
  }
});

// CJA 2003 s.206 (law.md 1.3, [M]): a hostel or other institution may be specified only on a probation
// officer's recommendation. A recommendation refused is invalid at either stage. One not yet recorded is
// a field left empty in a proposal, so it is only an advisory there, and invalid in the order about to be made.
describe('a hostel residence by whether a recommendation is recorded, at each stage', () => {
  const hostel = (recommendedByOfficer: boolean | undefined, inHostel = true) =>
    cja((o) => o.requirements.push({ kind: 'residence', hostel: inHostel, ...(recommendedByOfficer === undefined ? {} : { recommendedByOfficer }) } as never));
  const cases = [
    { name: 'recommendation refused', recommended: false, proposal: 'RESIDENCE_HOSTEL_NOT_RECOMMENDED', sentence: 'RESIDENCE_HOSTEL_NOT_RECOMMENDED' },
    { name: 'no recommendation recorded', recommended: undefined, proposal: 'RESIDENCE_HOSTEL_RECOMMENDATION_NOT_RECORDED', sentence: 'RESIDENCE_HOSTEL_NOT_RECOMMENDED' },
    { name: 'recommended', recommended: true, proposal: null, sentence: null },
    // s.206(4) is about a hostel or other institution: a private address needs no recommendation at all.
    { name: 'a private address, no recommendation recorded', recommended: undefined, inHostel: false, proposal: null, sentence: null },
  ] as const;
  for (const c of cases) {
    for (const stage of ['proposal', 'sentence'] as const) {
      const expected = c[stage];
      it(`${c.name}, ${stage}: ${expected ?? 'no finding'}`, async () => {
        const result = await createValidator({ stage }).validate(hostel(c.recommended, 'inHostel' in c ? c.inHostel : true));
        const own = result.requirements.at(-1)!;
        const found = own.findings.filter((f) => f.code.startsWith('RESIDENCE_HOSTEL_')).map((f) => [f.code, f.kind]);
        expect(found).toEqual(expected === null ? [] : [[expected, expected === 'RESIDENCE_HOSTEL_NOT_RECOMMENDED' ? 'invalid' : 'advisory']]);
        expect(own.valid).toBe(expected !== 'RESIDENCE_HOSTEL_NOT_RECOMMENDED');
      });
    }
  }
});

// CJA 2003 s.207(3) (law.md 1.3): a mental health treatment requirement needs the offender's willingness.
// Refused, it is invalid at either stage; not yet recorded is a field left empty in a proposal (an
// advisory there), and invalid in the order about to be made.
describe('mental health treatment by whether willingness is recorded, at each stage', () => {
  const treatment = (offenderWilling: boolean | undefined) =>
    cja((o) => o.requirements.push({ kind: 'mental-health-treatment', treatment: 'non-resident', ...(offenderWilling === undefined ? {} : { offenderWilling }) } as never));
  const cases = [
    { name: 'unwilling', willing: false, proposal: 'MENTAL_HEALTH_TREATMENT_NOT_WILLING', sentence: 'MENTAL_HEALTH_TREATMENT_NOT_WILLING' },
    { name: 'willingness not recorded', willing: undefined, proposal: 'MENTAL_HEALTH_TREATMENT_WILLINGNESS_NOT_RECORDED', sentence: 'MENTAL_HEALTH_TREATMENT_NOT_WILLING' },
    { name: 'willing', willing: true, proposal: null, sentence: null },
  ] as const;
  for (const c of cases) {
    for (const stage of ['proposal', 'sentence'] as const) {
      const expected = c[stage];
      it(`${c.name}, ${stage}: ${expected ?? 'no finding'}`, async () => {
        const result = await createValidator({ stage }).validate(treatment(c.willing));
        const own = result.requirements.at(-1)!;
        const found = own.findings.filter((f) => /^MENTAL_HEALTH_TREATMENT_(NOT_WILLING|WILLINGNESS_NOT_RECORDED)$/.test(f.code)).map((f) => [f.code, f.kind]);
        expect(found).toEqual(expected === null ? [] : [[expected, expected === 'MENTAL_HEALTH_TREATMENT_NOT_WILLING' ? 'invalid' : 'advisory']]);
        expect(own.valid).toBe(expected !== 'MENTAL_HEALTH_TREATMENT_NOT_WILLING');
      });
    }
  }
});
