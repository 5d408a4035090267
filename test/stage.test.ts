/**
 * Issue 13.1, 13.4 and SPEC 7: the stage an order is judged at, review intervals in calendar
 * months, and the caller's case reference.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadValidatorSpec, validatorFrom } from '../src/cli/options.js';
import { createValidator, InvalidOrderError, type ProposedOrderInput, type ValidationResult } from '../src/index.js';
import { cli, ndjson } from './cli/support.js';
import { codesOf } from './support/codes.js';
import { clone, lawfulMediumDrr } from './support/orders.js';

const proposal = createValidator();
const sentence = createValidator({ stage: 'sentence' });
const sentenceJre = createValidator({ stage: 'sentence', evaluator: 'json-rules-engine' });
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
const drrOf = (o: ProposedOrderInput) => o.requirements[0] as Drr;

const invalidCodes = (r: ValidationResult) => r.requirements.flatMap((q) => q.findings.filter((f) => f.kind === 'invalid').map((f) => `${q.index}:${f.code}`));
const advisoryCodes = (r: ValidationResult) => r.advisories.map((f) => `${f.requirementIndex ?? '-'}:${f.code}`);

/** A draft PSR proposal: DRR with no provider named yet, an ATR with no director yet, a programme with no days, MHT of no stated kind. */
function draft(): ProposedOrderInput {
  const o = clone(lawfulMediumDrr());
  delete drrOf(o).provider;
  o.offender.need = { ...o.offender.need, alcohol: { dependent: true, requiresAndSusceptible: true } };
  o.offences[0]!.seriousness = 'high';
  o.requirements.push(
    { kind: 'alcohol-treatment', months: 9, setting: 'practitioner-based', offenderWilling: true },
    { kind: 'programme', programme: 'ASRO', recommendedByOfficer: true },
    { kind: 'mental-health-treatment', offenderWilling: true },
  );
  return o;
}

describe('createValidator({ stage })', () => {
  it("is 'proposal' by default and refuses an unknown stage, naming it", () => {
    expect(() => createValidator({ stage: 'trial' as never })).toThrow(TypeError);
    expect(() => createValidator({ stage: 'trial' as never })).toThrow(/"trial"/);
    expect(proposal.validateSync(draft())).toStrictEqual(createValidator({ stage: 'proposal' }).validateSync(draft()));
  });

  it('a draft missing what the order must specify is ok at the proposal stage, with an advisory for each detail', () => {
    const result = proposal.validateSync(draft());
    expect(result.ok).toBe(true);
    expect(invalidCodes(result)).toStrictEqual([]);
    expect(advisoryCodes(result)).toEqual(
      expect.arrayContaining(['0:DRR_PROVIDER_NOT_SPECIFIED', '2:ATR_DIRECTOR_NOT_SPECIFIED', '3:PROGRAMME_DAYS_NOT_SPECIFIED', '4:MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED']),
    );
    // An empty field is not evidence that arrangements cannot be made.
    expect(codesOf(result)).not.toContain('DRR_NO_ARRANGEMENTS');
    expect(codesOf(result)).not.toContain('ATR_NO_QUALIFIED_DIRECTOR');
  });

  it('the same order at the sentence stage is not ok: each missing detail makes its requirement invalid', async () => {
    const result = sentence.validateSync(draft());
    expect(result.ok).toBe(false);
    expect(invalidCodes(result)).toStrictEqual([
      '0:DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE',
      '2:ATR_DIRECTOR_NOT_SPECIFIED_AT_SENTENCE',
      '3:PROGRAMME_DAYS_NOT_SPECIFIED_AT_SENTENCE',
      '4:MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED_AT_SENTENCE',
    ]);
    expect(result.requirements.map((r) => r.valid)).toStrictEqual([false, true, false, false, false]);
    expect(advisoryCodes(result).filter((c) => c.includes('NOT_SPECIFIED'))).toStrictEqual([]);
    expect(codesOf(result)).not.toContain('DRR_NO_ARRANGEMENTS');
    // The reference semantics agree.
    expect(JSON.stringify(await sentenceJre.validate(draft()))).toBe(JSON.stringify(result));
  });

  it('a complete order is ok at both stages, with the same findings', () => {
    const complete = lawfulMediumDrr();
    const [a, b] = [proposal.validateSync(complete), sentence.validateSync(complete)];
    expect(a.ok && b.ok).toBe(true);
    expect(codesOf(b)).toStrictEqual(codesOf(a));
  });

  it('positive evidence still makes a requirement invalid at the proposal stage', () => {
    const noDrrInArea = draft();
    noDrrInArea.provision = { drrIntensities: [] };
    expect(invalidCodes(proposal.validateSync(noDrrInArea))).toContain('0:DRR_NO_ARRANGEMENTS');
    const unqualified = draft();
    (unqualified.requirements[2] as Extract<ProposedOrderInput['requirements'][number], { kind: 'alcohol-treatment' }>).director = { name: 'A volunteer', qualified: false };
    expect(invalidCodes(proposal.validateSync(unqualified))).toContain('2:ATR_NO_QUALIFIED_DIRECTOR');
  });

  it("a condition not yet recorded is an advisory at the proposal stage and invalid at the sentence stage", () => {
    const o = clone(lawfulMediumDrr());
    o.offender.need = { treatmentTier: 3 as never };
    const drafted = proposal.validateSync(o);
    expect(drafted.ok).toBe(true);
    expect(advisoryCodes(drafted)).toContain('0:DRR_CONDITION_NOT_RECORDED');
    const sentenced = sentence.validateSync(o);
    expect(invalidCodes(sentenced)).toStrictEqual(['0:DRR_NOT_SUSCEPTIBLE', '0:DRR_NO_DEPENDENCY']);
  });
});

describe('DRR review intervals: a month is a calendar month (Interpretation Act 1978 Sch. 1)', () => {
  const reviewed = (interval: Partial<Drr>, sentenceDate = '2006-03-01', months = 12) => {
    const o = clone(lawfulMediumDrr());
    o.sentenceDate = sentenceDate;
    o.convictionDate = sentenceDate;
    o.offences[0]!.committedOn = '2005-06-01';
    o.sentence = { type: 'community-order', endDate: `${Number(sentenceDate.slice(0, 4)) + 2}-12-31` };
    Object.assign(drrOf(o), { months, ...interval });
    return proposal.validateSync(o);
  };
  const tooShort = (r: ValidationResult) => r.requirements[0]!.findings.find((f) => f.code === 'DRR_REVIEW_INTERVAL_TOO_SHORT');

  it('4 weeks is too short, and the message says why', () => {
    const finding = tooShort(reviewed({ reviewIntervalWeeks: 4 }));
    expect(finding).toMatchObject({ kind: 'invalid', facts: { 'requirement.reviewIntervalDays': 28, 'requirement.reviewIntervalWholeMonths': 0 } });
    expect(finding!.message).toContain('The review of 2006-03-01 would be followed by one on 2006-03-29, short of a calendar month');
    expect(finding!.message).toContain('4 weeks is a month only from a date in a 28-day February');
    expect(finding!.citations.map((c) => c.source)).toContain('Interpretation Act 1978');
  });

  it('4 weeks is a month in a 28-day February, so a one-month DRR reviewed once from 1 February 2007 is lawful', () => {
    expect(tooShort(reviewed({ reviewIntervalWeeks: 4 }, '2007-02-01', 1))).toBeUndefined();
    // Not in a leap year's 29-day February,
    expect(tooShort(reviewed({ reviewIntervalWeeks: 4 }, '2008-02-01', 1))?.facts).toMatchObject({ 'requirement.reviewIntervalShortFrom': '2008-02-01' });
    // and not once the reviews run on into March.
    expect(tooShort(reviewed({ reviewIntervalWeeks: 4 }, '2007-02-01', 2))?.facts).toMatchObject({ 'requirement.reviewIntervalShortFrom': '2007-03-01', 'requirement.reviewIntervalShortTo': '2007-03-29' });
  });

  it('5 weeks (35 days) is a month from every date', () => {
    for (const date of ['2006-03-01', '2006-01-31', '2006-07-31', '2008-02-29']) expect(tooShort(reviewed({ reviewIntervalWeeks: 5 }, date))).toBeUndefined();
  });

  it('1 month and more, given in months, is lawful; 0 months is not', () => {
    const one = reviewed({ reviewIntervalMonths: 1 });
    expect(tooShort(one)).toBeUndefined();
    expect(one.requirements[0]!.valid).toBe(true);
    expect(tooShort(reviewed({ reviewIntervalMonths: 3 }))).toBeUndefined();
    expect(tooShort(reviewed({ reviewIntervalMonths: 0 }))?.facts).toMatchObject({ 'requirement.reviewIntervalMonths': 0 });
  });

  it('an interval in months counts as review provision for a DRR over 12 months', () => {
    const o = clone(lawfulMediumDrr());
    Object.assign(drrOf(o), { months: 13, reviewIntervalMonths: 1 });
    expect(codesOf(sentence.validateSync(o))).not.toContain('DRR_REVIEW_REQUIRED');
    delete drrOf(o).reviewIntervalMonths;
    expect(codesOf(sentence.validateSync(o))).toContain('DRR_REVIEW_REQUIRED');
    // SPEC section 2: an absent interval means the order makes no review provision, at any stage.
    expect(codesOf(proposal.validateSync(o))).toContain('DRR_REVIEW_REQUIRED');
  });

  it('refuses an interval given both in weeks and in months, naming the field', () => {
    const o = clone(lawfulMediumDrr());
    Object.assign(drrOf(o), { reviewIntervalWeeks: 5, reviewIntervalMonths: 1 });
    let error: unknown;
    try {
      proposal.validateSync(o);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidOrderError);
    expect((error as InvalidOrderError).issues.map((i) => i.path.join('.'))).toStrictEqual(['requirements.0.reviewIntervalMonths']);
  });
});

describe('id: the caller\'s case reference', () => {
  it('is echoed when given, absent when not, and never judged', () => {
    const withId = { ...clone(lawfulMediumDrr()), id: 'CRN X123456' };
    const result = proposal.validateSync(withId);
    expect(result.id).toBe('CRN X123456');
    const without = proposal.validateSync(lawfulMediumDrr());
    expect('id' in without).toBe(false);
    expect({ ...result, id: undefined }).toStrictEqual({ ...without, id: undefined });
  });

  it('is a bounded string', async () => {
    for (const id of ['', 'x'.repeat(101), 42]) await expect(proposal.safeValidate({ ...clone(lawfulMediumDrr()), id })).resolves.toMatchObject({ success: false });
    expect(proposal.validateSync({ ...clone(lawfulMediumDrr()), id: 'x'.repeat(100) }).id).toHaveLength(100);
  });
});

describe('check --stage', () => {
  const input = JSON.stringify(draft());
  it('judges at the proposal stage by default and at the sentence stage when asked', async () => {
    const byDefault = await cli(['check', '--json', '-'], { stdin: input });
    expect(byDefault.code).toBe(0);
    const atSentence = await cli(['check', '--json', '--stage', 'sentence', '-'], { stdin: input });
    expect(atSentence.code).toBe(1);
    expect(atSentence.stdout).toContain('DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE');
  });

  it('judges a caseload at the stage asked', async () => {
    const run = await cli(['check', '--ndjson', '--stage', 'sentence', '-'], { stdin: ndjson([draft(), draft(), lawfulMediumDrr()]) });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.includes('DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE'))).toHaveLength(2);
  });

  it('carries the stage in the plain-data spec that worker threads build their validator from', async () => {
    const spec = await loadValidatorSpec({ stage: 'sentence' }, { stdin: Readable.from(['']), stdout: process.stdout, stderr: process.stderr, env: {}, cwd: process.cwd() } as never);
    expect(structuredClone(spec)).toStrictEqual({ stage: 'sentence' });
    expect(validatorFrom(structuredClone(spec)).validateSync(draft()).ok).toBe(false);
    expect(validatorFrom({}).validateSync(draft()).ok).toBe(true);
  });

  it('codes names the one stage a code arises at', async () => {
    const run = await cli(['codes']);
    expect(run.stdout).toContain('DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE  invalid  secondary  sentence stage only');
    expect(run.stdout).toContain('DRR_PROVIDER_NOT_SPECIFIED  advisory  secondary  proposal stage only');
    // A code judged on evidence at both stages names none.
    expect(run.stdout).toMatch(/DRR_NO_DEPENDENCY {2}invalid {2}verified {2}\(/);
  });

  it('refuses an unknown stage as a usage error', async () => {
    const run = await cli(['check', '--stage', 'trial', '-'], { stdin: input });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--stage must be one of proposal, sentence, not "trial"/);
  });
});
