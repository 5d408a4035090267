/** `proportionate check FILE --explain [CODE]`: the wording for a code that fired, one that did not, and an unknown code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/index.js';
import { confidenceOfTag } from '../../src/law/confidence.js';
import { nearestCodes, takeExplain } from '../../src/cli/explain.js';
import { cli } from '../cli/support.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';

const scratch = mkdtempSync(join(tmpdir(), 'proportionate-explain-'));
const fileOf = (name: string, value: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const validator = createValidator();
/** The parameter as the table gives it for the order's dates, so the test follows the data. */
const inForce = (name: string, on: string) => {
  const v = validator.parameters[name]!.values.findLast((x) => x.from <= on)!;
  return { value: v.value, note: `${v.source}, ${confidenceOfTag(v.confidence)}` };
};

describe('check --explain CODE', () => {
  it('says why a code did not fire, in the words of the issue', async () => {
    const order = lawfulMediumDrr(); // a 12-month DRR
    const review = inForce('drr.reviewRequiredAboveMonths', order.sentenceDate);
    const run = await cli(['check', fileOf('twelve.json', order), '--explain', 'DRR_REVIEW_REQUIRED']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `DRR_REVIEW_REQUIRED (invalid, cja-2003/drug-rehabilitation)\n` +
        `  did not fire on requirement 1 (drug-rehabilitation): requirement.months is 12, not above ${review.value} (param drr.reviewRequiredAboveMonths, ${review.note})\n`,
    );
  });

  it('says why a code fired, for each requirement it fired on', async () => {
    const order = clone(lawfulMediumDrr());
    const drr = order.requirements[0] as { months: number };
    drr.months = 13;
    order.requirements.push(clone(order.requirements[0]!));
    const review = inForce('drr.reviewRequiredAboveMonths', order.sentenceDate);
    // At either stage: an absent interval is the order's own "no review provision" (SPEC section 2).
    const run = await cli(['check', '--explain=DRR_REVIEW_REQUIRED', fileOf('thirteen.json', order)]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('DRR_REVIEW_REQUIRED (invalid, cja-2003/drug-rehabilitation)');
    for (const [i, n] of [[1, 1], [2, 3]] as const) {
      expect(lines[i]).toContain(`fired on requirement ${n} (drug-rehabilitation): `);
      expect(lines[i]).toContain(`requirement.months is 13, above ${review.value} (param drr.reviewRequiredAboveMonths`);
      expect(lines[i]).toContain('requirement.hasReview is no');
    }
    expect(lines[1]).toContain(review.note);
  });

  it('refuses an unknown code with exit 2 and the nearest codes', async () => {
    const run = await cli(['check', fileOf('any.json', lawfulMediumDrr()), '--explain', 'DRR_REVEIW_REQUIRED']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown code "DRR_REVEIW_REQUIRED"; the nearest codes are DRR_REVIEW_REQUIRED, /);
  });

  it('says when a code was not checked at all: its rules run only on kinds the order lacks', async () => {
    const run = await cli(['check', fileOf('no-atr.json', lawfulMediumDrr()), '--explain', 'ATR_NOT_DEPENDENT']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('was not checked on this order: its rules run only on alcohol-treatment requirements, and this order has none');
  });

  it('with no code, prints the report and why each finding was raised', async () => {
    const order = clone(lawfulMediumDrr());
    (order.requirements[0] as { months: number }).months = 13;
    const run = await cli(['check', '--stage', 'sentence', '--explain', fileOf('finding.json', order)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^NOT OK/);
    expect(run.stdout).toMatch(/\nWhy:\n {2}DRR_REVIEW_REQUIRED fired on requirement 1 \(drug-rehabilitation\): /);
  });

  it('gives the trace in --json, and refuses --explain with --ndjson', async () => {
    const json = await cli(['check', '--json', '--explain', fileOf('j.json', lawfulMediumDrr())]);
    expect(JSON.parse(json.stdout).trace.length).toBeGreaterThan(0);
    const nd = await cli(['check', '--ndjson', '--explain', fileOf('n.json', lawfulMediumDrr())]);
    expect(nd.code).toBe(2);
    expect(nd.stderr).toContain('--explain explains one order');
  });
});

describe('reading --explain and suggesting codes', () => {
  it('takes CODE only when it looks like a code, never a path', () => {
    expect(takeExplain(['a.json', '--explain', 'X_Y'])).toEqual({ argv: ['a.json'], explain: { code: 'X_Y' } });
    expect(takeExplain(['--explain', 'a.json'])).toEqual({ argv: ['a.json'], explain: {} });
    expect(takeExplain(['--explain', '--json', 'a.json'])).toEqual({ argv: ['--json', 'a.json'], explain: {} });
    expect(takeExplain(['a.json'])).toEqual({ argv: ['a.json'] });
  });
  it('suggests codes that share the words typed before those merely close in spelling', () => {
    expect(nearestCodes('DTTO_REPLACED', ['DTTO_NOT_AVAILABLE', 'PSR_LATE', 'ORDER_TOO_LONG'], 1)).toEqual(['DTTO_NOT_AVAILABLE']);
    expect(nearestCodes('order_too_lng', ['DTTO_NOT_AVAILABLE', 'PSR_LATE', 'ORDER_TOO_LONG'], 1)).toEqual(['ORDER_TOO_LONG']);
  });
});
