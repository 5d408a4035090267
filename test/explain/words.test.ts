/** The plain words of a trace, operator by operator, on hand-made leaves (so each sentence is pinned exactly). */
import { describe, expect, it } from 'vitest';
import { describeLeaf, explainRule, reasonsFor, type RuleTrace, type TraceLeaf } from '../../src/index.js';

const review: TraceParameter = { fact: 'param.drr.reviewRequiredAboveMonths', name: 'drr.reviewRequiredAboveMonths', value: 12, source: 'CJA 2003 s.210(1)', confidence: 'verified' };
type TraceParameter = NonNullable<TraceLeaf['parameters']>[number];
const months = (value: number, outcome: boolean): TraceLeaf => ({
  fact: 'requirement.months',
  operator: 'greaterThan',
  value: { fact: review.fact },
  comparedValue: 12,
  factValue: value,
  outcome,
  parameters: [review],
});

describe('describeLeaf', () => {
  it('says a numeric comparison with the parameter, its source and confidence', () => {
    expect(describeLeaf(months(12, false))).toBe('requirement.months is 12, not above 12 (param drr.reviewRequiredAboveMonths, CJA 2003 s.210(1), verified)');
    expect(describeLeaf(months(18, true))).toBe('requirement.months is 18, above 12 (param drr.reviewRequiredAboveMonths, CJA 2003 s.210(1), verified)');
  });
  it('says when a value was not recorded and so not compared, rather than calling it small', () => {
    const leaf: TraceLeaf = { fact: 'requirement.testsPerWeek', operator: 'lessThan', value: 2, comparedValue: 2, factValue: null, outcome: false };
    expect(describeLeaf(leaf)).toBe('requirement.testsPerWeek is not recorded, so it is not compared with 2');
  });
  it('says equal and not equal, with yes and no for booleans', () => {
    expect(describeLeaf({ fact: 'requirement.hasReview', operator: 'equal', value: false, comparedValue: false, factValue: false, outcome: true })).toBe('requirement.hasReview is no');
    expect(describeLeaf({ fact: 'requirement.hasReview', operator: 'equal', value: false, comparedValue: false, factValue: true, outcome: false })).toBe('requirement.hasReview is yes, not no');
    expect(describeLeaf({ fact: 'order.type', operator: 'notEqual', value: 'dtto', comparedValue: 'dtto', factValue: 'dtto', outcome: false })).toBe('order.type is dtto');
  });
  it('says a null guard as a value in force or recorded', () => {
    const guard: TraceLeaf = { fact: review.fact, operator: 'notEqual', value: null, comparedValue: null, factValue: 12, outcome: true, parameters: [review] };
    expect(describeLeaf(guard)).toBe('param drr.reviewRequiredAboveMonths is in force: 12 (CJA 2003 s.210(1), verified)');
    const off: TraceLeaf = { ...guard, factValue: null, outcome: false, parameters: [{ ...review, value: null }] };
    expect(describeLeaf(off)).toBe('param drr.reviewRequiredAboveMonths is not in force (CJA 2003 s.210(1), verified)');
    expect(describeLeaf({ fact: 'requirement.provider.name', operator: 'equal', value: null, comparedValue: null, factValue: 'CDT', outcome: false })).toBe('requirement.provider.name is recorded: CDT');
  });
  it('says membership of a list and of a fact that is a list', () => {
    expect(describeLeaf({ fact: 'requirement.intensity', operator: 'in', value: ['low', 'medium'], comparedValue: ['low', 'medium'], factValue: 'high', outcome: false })).toBe(
      'requirement.intensity is high, not one of: low, medium',
    );
    expect(describeLeaf({ fact: 'order.kinds', operator: 'contains', value: 'curfew', comparedValue: 'curfew', factValue: ['curfew', 'drug-rehabilitation'], outcome: true })).toBe('order.kinds includes curfew');
    expect(describeLeaf({ fact: 'order.kinds', operator: 'contains', value: 'curfew', comparedValue: 'curfew', factValue: ['activity'], outcome: false })).toBe('order.kinds (activity) does not include curfew');
  });
  it('says a skipped condition was not checked', () => {
    expect(describeLeaf({ fact: 'requirement.hasReview', operator: 'equal', value: false, outcome: 'skipped' })).toBe('requirement.hasReview was not checked (an earlier condition had already decided)');
  });
  it('gives a parameter its source once per explanation', () => {
    const seen = new Set<string>();
    describeLeaf(months(18, true), seen);
    expect(describeLeaf(months(18, true), seen)).toBe('requirement.months is 18, above 12 (param drr.reviewRequiredAboveMonths)');
  });
});

describe('reasonsFor and explainRule', () => {
  const guard: TraceLeaf = { fact: review.fact, operator: 'notEqual', value: null, comparedValue: null, factValue: 12, outcome: true, parameters: [review] };
  const noReview: TraceLeaf = { fact: 'requirement.hasReview', operator: 'equal', value: false, comparedValue: false, factValue: false, outcome: true };
  const entry = (fired: boolean, parts: RuleTrace['conditions'][]): RuleTrace => ({
    pack: 'cja-2003/drug-rehabilitation',
    rule: 'DRR_REVIEW_REQUIRED',
    code: 'DRR_REVIEW_REQUIRED',
    requirementIndex: 0,
    fired,
    conditions: { all: parts, outcome: fired },
  });
  it('a rule that did not fire gives the part of its all that failed, and not the skipped ones', () => {
    const e = entry(false, [guard, months(12, false), { ...noReview, outcome: 'skipped', factValue: undefined, comparedValue: undefined } as unknown as TraceLeaf]);
    expect(explainRule(e, ['drug-rehabilitation'])).toBe(
      'did not fire on requirement 1 (drug-rehabilitation): requirement.months is 12, not above 12 (param drr.reviewRequiredAboveMonths, CJA 2003 s.210(1), verified)',
    );
  });
  it('a rule that fired gives every part of its all, numbering requirements from 1', () => {
    expect(explainRule(entry(true, [guard, months(18, true), noReview]), ['supervision'])).toBe(
      'fired on requirement 1 (supervision): param drr.reviewRequiredAboveMonths is in force: 12 (CJA 2003 s.210(1), verified); and requirement.months is 18, above 12 (param drr.reviewRequiredAboveMonths); and requirement.hasReview is no',
    );
  });
  it('an any that held gives the part that held; a named condition says its name', () => {
    const node = {
      any: [
        { fact: 'need.drugs.dependentOrPropensity', operator: 'equal', value: true, comparedValue: true, factValue: false, outcome: false },
        { condition: 'drugNeed', outcome: true, definition: { fact: 'assessment.oasys.drugMisuse', operator: 'greaterThanInclusive', value: 4, comparedValue: 4, factValue: 8, outcome: true } },
      ],
      outcome: true,
    } as const;
    expect(reasonsFor(node)).toEqual(['condition drugNeed holds: assessment.oasys.drugMisuse is 8, at least 4']);
    expect(reasonsFor({ not: node, outcome: false })).toEqual(['condition drugNeed holds: assessment.oasys.drugMisuse is 8, at least 4']);
  });
});
