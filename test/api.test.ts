import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError, type Finding, type FindingKind, type ValidationResult } from '../src/index.js';
import { findingCodes } from '../src/rules.js';
import { codesOf } from './support/codes.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from './support/orders.js';

const validator = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });
const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, order: JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as unknown }));

describe('validate', () => {
  it('accepts a lawful medium DRR with supervision as ok, under the CJA 2003 regime decided by the offence date', async () => {
    const result = await validator.validate(lawfulMediumDrr());
    expect(result.ok).toBe(true);
    expect(result.breaches).toEqual([]);
    expect(result.requirements.map((r) => [r.index, r.kind, r.valid])).toEqual([
      [0, 'drug-rehabilitation', true],
      [1, 'supervision', true],
    ]);
    expect(result.regime).toEqual({ id: 'cja-2003', title: expect.stringContaining('Criminal Justice Act 2003'), decidedBy: 'offenceDate', date: '2006-01-10' });
  });

  it('decides the Sentencing Code and PCSC regimes by the conviction date', async () => {
    const result = await validator.validate(lawfulCodeDrr());
    expect(result.regime).toMatchObject({ id: 'pcsc-2022', decidedBy: 'convictionDate', date: '2023-05-01' });
  });

  it('reports an empty draft as NO_REQUIREMENTS rather than refusing it', async () => {
    const order = { ...lawfulMediumDrr(), requirements: [] };
    const result = await validator.validate(order);
    expect(result.ok).toBe(false);
    expect(result.breaches.map((b) => b.code)).toContain('NO_REQUIREMENTS');
  });

  it('gives every finding a code, kind, message, facts, at least one citation and a confidence', async () => {
    const lists = { invalid: 0, breach: 0, tension: 0, advisory: 0 };
    const check = (f: Finding, kind: FindingKind | undefined, requirementIndex: number | undefined) => {
      const entry = findingCodes.find((c) => c.code === f.code);
      expect(entry, `${f.code} is a catalogued code`).toBeDefined();
      expect(f.kind, f.code).toBe(entry!.kind);
      if (kind) expect(f.kind, `${f.code} is listed among the ${kind} findings`).toBe(kind);
      expect(f.requirementIndex, f.code).toBe(requirementIndex ?? f.requirementIndex);
      expect(f.message, f.code).not.toMatch(/\{[a-z]/);
      expect(f.message.length, f.code).toBeGreaterThan(10);
      expect(f.citations.length, f.code).toBeGreaterThan(0);
      expect(['verified', 'secondary', 'unverified']).toContain(f.confidence);
      expect(Object.keys(f.facts).length, f.code).toBeGreaterThan(0);
      lists[f.kind]++;
    };
    for (const { order } of examples) {
      const result = await validator.validate(order);
      for (const r of result.requirements) for (const f of r.findings) check(f, undefined, r.index);
      for (const f of result.breaches) check(f, 'breach', undefined);
      for (const f of result.tensions) check(f, 'tension', undefined);
      for (const f of result.advisories) check(f, 'advisory', undefined);
    }
    // The examples reach every list, so none of the checks above is vacuous.
    expect(Object.entries(lists).filter(([, n]) => n === 0).map(([k]) => k)).toEqual([]);
  });

  it('sorts findings by kind, then requirement index (order-wide first), then code', async () => {
    const order = clone(lawfulMediumDrr());
    order.offences[0]!.seriousness = 'low';
    order.requirements = [
      { kind: 'curfew', hoursPerDay: 13, months: 7, electronicMonitoring: false },
      { ...(order.requirements[0] as object), intensity: 'high', months: 3 } as never,
    ];
    const result = await validator.validate(order);
    const rank = { invalid: 0, breach: 1, tension: 2, advisory: 3 } as const;
    const all = [...result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid')), ...result.breaches, ...result.tensions, ...result.advisories];
    const keys = all.map((f) => [rank[f.kind], f.requirementIndex ?? -1, f.code] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    // electronicMonitoring: false is the proposal's own choice, not an empty field: with no reason recorded it is invalid at any stage.
    expect(result.requirements[0]!.findings.map((f) => f.code)).toEqual(['CURFEW_HOURS_OUT_OF_RANGE', 'CURFEW_PERIOD_EXCEEDED', 'CURFEW_WITHOUT_EM']);
  });

  it('gives the same result for the same input, and never mutates the input', async () => {
    for (const { order } of examples) {
      const before = structuredClone(order);
      const a = await validator.validate(order);
      const b = await validator.validate(order);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(order).toEqual(before);
    }
  });

  it('gives identical results with the compiled evaluator and json-rules-engine', async () => {
    for (const { order } of examples) {
      expect(JSON.stringify(await reference.validate(order))).toBe(JSON.stringify(await validator.validate(order)));
    }
  });

  it('gives 500 concurrent validations on one json-rules-engine validator exactly the sequential results', async () => {
    const orders = Array.from({ length: 500 }, (_, i) => examples[i % examples.length]!.order);
    const shared = createValidator({ evaluator: 'json-rules-engine' });
    const sequential: ValidationResult[] = [];
    for (const order of orders) sequential.push(await shared.validate(order));
    const concurrent = await Promise.all(orders.map((order) => shared.validate(order)));
    expect(concurrent.map((r) => JSON.stringify(r))).toEqual(sequential.map((r) => JSON.stringify(r)));
  });

  it('offers validateSync with the compiled evaluator only', () => {
    expect(validator.validateSync(lawfulMediumDrr()).ok).toBe(true);
    expect(() => reference.validateSync(lawfulMediumDrr())).toThrow(/compiled/);
  });
});

describe('bad input', () => {
  it('throws InvalidOrderError naming each bad field by its path', async () => {
    const order = clone(lawfulMediumDrr()) as Record<string, any>;
    order.convictionDate = '2006-02-30';
    order.requirements[0].intensity = 'extreme';
    order.offender.favouriteColour = 'blue';
    const error = await validator.validate(order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOrderError);
    const paths = (error as InvalidOrderError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['convictionDate', 'requirements.0.intensity', 'offender']));
    expect((error as InvalidOrderError).issues.find((i) => i.path.join('.') === 'offender')!.message).toMatch(/favouriteColour/);
  });

  it('safeValidate returns the error instead of throwing', async () => {
    const outcome = await validator.safeValidate({ offences: [] });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.issues.length).toBeGreaterThan(0);
    const good = await validator.safeValidate(lawfulMediumDrr());
    expect(good.success && good.result.ok).toBe(true);
  });

  it('refuses an impossible chronology', async () => {
    const order = { ...lawfulMediumDrr(), sentenceDate: '2006-01-01' };
    const outcome = await validator.safeValidate(order);
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.error.issues.map((i) => i.path.join('.'))).toContain('sentenceDate');
  });
});

describe('findingCodes', () => {
  const spec = {
    invalid: 'DRR_NO_DEPENDENCY DRR_NOT_SUSCEPTIBLE DRR_NO_ARRANGEMENTS DRR_NOT_RECOMMENDED DRR_NOT_WILLING DRR_PERIOD_TOO_SHORT DRR_PERIOD_EXCEEDS_ORDER DRR_REVIEW_REQUIRED DRR_REVIEW_INTERVAL_TOO_SHORT ATR_NOT_DEPENDENT ATR_NOT_SUSCEPTIBLE ATR_NOT_WILLING ATR_NO_QUALIFIED_DIRECTOR ATR_PERIOD_TOO_SHORT ATR_WITH_AAMR UNPAID_WORK_HOURS_OUT_OF_RANGE ACTIVITY_DAYS_EXCEEDED CURFEW_HOURS_OUT_OF_RANGE CURFEW_PERIOD_EXCEEDED CURFEW_WITHOUT_EM EXCLUSION_PERIOD_EXCEEDED EXCLUSION_WITHOUT_EM ATTENDANCE_CENTRE_AGE ATTENDANCE_CENTRE_HOURS_OUT_OF_RANGE REQUIREMENT_NOT_IN_REGIME',
    breach:
      'OFFENDER_UNDER_18 NO_REQUIREMENTS ORDER_TOO_LONG DTTO_NOT_AVAILABLE DRR_INTENSITY_EXCEEDS_SERIOUSNESS SSO_TERM_OUT_OF_RANGE SSO_PERIOD_OUT_OF_RANGE PUNITIVE_ELEMENT_MISSING PSR_LATE FIRST_APPOINTMENT_LATE SENTENCE_PLAN_LATE DRUG_TESTING_BELOW_STANDARD REVIEW_HEARING_OVERDUE BREACH_ACTION_LATE SECOND_WARNING_GIVEN CASE_NOT_TRANSFERRED PROGRAMME_START_LATE',
    tension:
      'TREATMENT_NEED_EXCEEDS_SERIOUSNESS STANDALONE_DRR OM_TIER_INTENSITY_MISMATCH INTENSITY_NOT_COMMISSIONED PROVISION_BELOW_INTENSITY_HOURS ATR_AT_LOW_SERIOUSNESS ALCOHOL_NEED_UNADDRESSED DRUG_NEED_UNADDRESSED REQUIREMENT_ABOVE_BAND_RANGE RESIDENTIAL_TREATMENT_OUT_OF_AREA UNREGISTERED_PROVIDER',
    advisory: 'TRIGGER_OFFENCE_TESTING PPO_NOT_FLAGGED',
  } as const;

  for (const [kind, list] of Object.entries(spec)) {
    it(`lists every ${kind} code of the contract with that kind, a message and citations`, () => {
      for (const code of list.split(' ')) {
        const entry = findingCodes.find((c) => c.code === code);
        expect(entry, code).toBeDefined();
        expect(entry!.kind, code).toBe(kind);
        expect(entry!.message.length, code).toBeGreaterThan(10);
        expect(entry!.citations.length, code).toBeGreaterThan(0);
      }
    });
  }

  it('names the file each code lives in, so a reader finds a rule from its code in one hop', () => {
    for (const c of findingCodes) expect(readFileSync(c.file, 'utf8')).toContain(`"type": "${c.code}"`);
  });

  it('lists exactly the codes the rule packs on disk can produce, each once, with the kind its rules give it', () => {
    // Read from rules/ directly, not through the catalogue under test.
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.json') ? [`${dir}/${e.name}`] : []));
    const kinds = new Map<string, Set<string>>();
    for (const file of walk('rules')) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { rules?: { event: { type: string; params: { kind: string } } }[] };
      for (const rule of data.rules ?? []) {
        if (!kinds.has(rule.event.type)) kinds.set(rule.event.type, new Set());
        kinds.get(rule.event.type)!.add(rule.event.params.kind);
      }
    }
    expect(findingCodes.map((c) => c.code).sort()).toEqual([...kinds.keys()].sort());
    for (const c of findingCodes) expect([...kinds.get(c.code)!], c.code).toEqual([c.kind]);
  });
});

describe('examples', () => {
  it('every example validates, and the demo examples cover invalid, breach, tension and ok results', async () => {
    const kinds = new Set<string>();
    for (const { order } of examples) {
      const result = await validator.validate(order);
      if (result.ok) kinds.add('ok');
      for (const code of codesOf(result)) kinds.add(findingCodes.find((c) => c.code === code)!.kind);
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['breach', 'invalid', 'ok', 'tension']));
  });
});
