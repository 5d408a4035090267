/**
 * The inspection's situations ('Half Full and Half Empty', 2006), as the bundled examples: each
 * example is checked for the outcome the report describes, so the demo and the law stay in step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../src/index.js';
import { codesOf } from './support/codes.js';

const validator = createValidator();
const check = (file: string): Promise<ValidationResult> => validator.validate(JSON.parse(readFileSync(`examples/${file}`, 'utf8')));

describe('inspection scenarios', () => {
  it('a lawful medium DRR with supervision for a medium seriousness offence is ok with nothing to weigh', async () => {
    const result = await check('lawful-medium-drr.json');
    expect(result.ok).toBe(true);
    expect(codesOf(result)).toEqual([]);
  });

  it('a minor offence by an offender with extensive need allows only a low DRR, and says the need is not met (4.13)', async () => {
    const result = await check('minor-offence-extensive-need.json');
    expect(result.ok).toBe(true);
    expect(result.tensions.map((t) => t.code)).toEqual(['TREATMENT_NEED_EXCEEDS_SERIOUSNESS']);
  });

  it('a stand-alone DRR is lawful but a tension (4.15)', async () => {
    const result = await check('standalone-drr.json');
    expect(result.ok).toBe(true);
    expect(result.tensions.map((t) => [t.code, t.requirementIndex])).toEqual([['STANDALONE_DRR', 0]]);
  });

  it('an ATR with no suitably qualified person to direct it cannot be imposed (4.12, 5.3)', async () => {
    const result = await check('atr-no-qualified-provider.json');
    expect(result.ok).toBe(false);
    expect(result.requirements[0]).toMatchObject({ kind: 'alcohol-treatment', valid: false });
    expect(result.requirements[0]!.findings.map((f) => f.code)).toContain('ATR_NO_QUALIFIED_DIRECTOR');
  });

  it('a DTTO for an offence committed after 3 April 2005 is not available', async () => {
    const result = await check('dtto-after-april-2005.json');
    expect(result.ok).toBe(false);
    expect(result.breaches.map((b) => b.code)).toEqual(['DTTO_NOT_AVAILABLE']);
    expect(result.regime.id).toBe('cja-2003');
  });

  it('an order longer than three years is a breach', async () => {
    const result = await check('over-long-order.json');
    expect(result.breaches.map((b) => b.code)).toEqual(['ORDER_TOO_LONG']);
    expect(result.breaches[0]!.facts['order.lengthMonths']).toBeGreaterThan(36);
  });

  it('a full order (DRR, supervision, unpaid work, curfew) at high seriousness is ok', async () => {
    const result = await check('full-order.json');
    expect(result.ok).toBe(true);
    expect(result.requirements.map((r) => r.kind)).toEqual(['drug-rehabilitation', 'supervision', 'unpaid-work', 'curfew']);
  });

  it('a suspended sentence order with a DRR within its supervision period is ok', async () => {
    const result = await check('suspended-sentence-order.json');
    expect(result.ok).toBe(true);
  });

  it('an area that cannot deliver the order shows each gap as a tension (4.16, 4.24-4.28, 5.20)', async () => {
    const result = await check('provision-gaps.json');
    expect(result.tensions.map((t) => t.code).sort()).toEqual(
      ['INTENSITY_NOT_COMMISSIONED', 'PROGRAMME_NOT_RUN_LOCALLY', 'RESIDENTIAL_TREATMENT_OUT_OF_AREA', 'UNREGISTERED_PROVIDER'].sort(),
    );
  });

  it('an order in progress shows the national standard timescales it missed', async () => {
    const result = await check('order-in-progress.json');
    expect(result.breaches.map((b) => b.code)).toEqual(expect.arrayContaining(['FIRST_APPOINTMENT_LATE', 'BREACH_ACTION_LATE']));
  });

  it('a Sentencing Code case is judged under PCSC 2022, with its 20-hour curfew limit', async () => {
    const result = await check('sentencing-code-2023.json');
    expect(result.regime).toMatchObject({ id: 'pcsc-2022', decidedBy: 'convictionDate' });
    expect(codesOf(result)).not.toContain('CURFEW_HOURS_OUT_OF_RANGE');
    expect(result.ok).toBe(true);
  });
});
