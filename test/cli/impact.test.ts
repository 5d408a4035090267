import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput } from '../../src/index.js';
import type { ImpactSummary, OrderImpact } from '../../src/cli/impact.js';
import { codesOf } from '../support/codes.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { cli, ndjson, parseLines } from './support.js';

type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
const scratch = mkdtempSync(join(tmpdir(), 'proportionate-impact-'));
const fileOf = (name: string, value: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

/** Eighteen months of DRR in an eighteen-month order, reviewed monthly: lawful now and under an 18-month minimum. */
const eighteenMonths = () => {
  const o = clone(lawfulMediumDrr());
  // Reviews at least a calendar month apart (s.210(1)(b)): four weeks would be too short.
  Object.assign(o.requirements[0] as Drr, { months: 18, reviewIntervalMonths: 1 });
  return o;
};
const minimum18 = fileOf('min18.json', { 'drr.minMonths': 18 });

const localPack = {
  id: 'local/medium-band-review',
  title: 'Local review of medium band orders',
  law: 'A local practice note (test fixture)',
  scope: 'order',
  rules: [
    {
      name: 'LOCAL_MEDIUM_BAND_REVIEW',
      conditions: { all: [{ fact: 'order.band', operator: 'equal', value: 'medium' }] },
      event: {
        type: 'LOCAL_MEDIUM_BAND_REVIEW',
        params: { kind: 'advisory', message: 'Medium band order: local review.', facts: ['order.band'], citations: [{ source: 'Local practice note', provision: 'para 1' }], confidence: 'unverified' },
      },
    },
  ],
};

describe('proportionate impact', () => {
  it('reports the orders that change status under changed parameters, and the codes that change', async () => {
    const changed = createValidator({ parameters: { 'drr.minMonths': 18 } });
    expect(codesOf(await changed.validate(lawfulMediumDrr()))).toContain('DRR_PERIOD_TOO_SHORT');
    expect((await changed.validate(eighteenMonths())).ok).toBe(true);

    const run = await cli(['impact', '--parameters', minimum18, '-'], { stdin: ndjson([eighteenMonths(), lawfulMediumDrr(), eighteenMonths()]) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 2: ok -> NOT OK\n  + DRR_PERIOD_TOO_SHORT (invalid, requirements[0]):');
    expect(run.stdout).not.toMatch(/^line [13]:/m);
    expect(run.stdout).toContain('impact: 3 orders, 1 change status (1 ok -> not ok, 0 not ok -> ok), 1 with different findings, 0 bad input');
    expect(run.stdout).toMatch(/^ {2}DRR_PERIOD_TOO_SHORT +invalid +\+1 +-0$/m);
  });

  it('reports a finding that goes away, and an order that becomes ok', async () => {
    const run = await cli(['impact', '--parameters', fileOf('min3.json', { 'drr.minMonths': 3 }), '-'], {
      stdin: ndjson([Object.assign(clone(lawfulMediumDrr()), { requirements: [{ ...(lawfulMediumDrr().requirements[0] as Drr), months: 4 }, { kind: 'supervision' }] })]),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 1: NOT OK -> ok\n  - DRR_PERIOD_TOO_SHORT (invalid, requirements[0])');
  });

  it('exits 0 and lists no order when the change affects none', async () => {
    const run = await cli(['impact', '--parameters', fileOf('min6.json', { 'drr.minMonths': 6 }), '-'], { stdin: ndjson([lawfulMediumDrr(), eighteenMonths()]) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('impact: 2 orders, 0 change status (0 ok -> not ok, 0 not ok -> ok), 0 with different findings, 0 bad input\n');
  });

  it('weighs an extra rule pack: findings change while status does not', async () => {
    const run = await cli(['impact', '--rules', fileOf('pack.json', localPack), '-'], { stdin: ndjson([lawfulMediumDrr(), lawfulCodeDrr()]) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('line 1: findings change (still ok)\n  + LOCAL_MEDIUM_BAND_REVIEW (advisory, order): Medium band order: local review.');
    expect(run.stdout).toMatch(/^ {2}LOCAL_MEDIUM_BAND_REVIEW +advisory +\+2 +-0$/m);
  });

  it('--json writes one record per changed order, error records for bad lines, then the summary', async () => {
    const run = await cli(['impact', '--json', '--parameters', minimum18, '-'], { stdin: `${ndjson([lawfulMediumDrr(), eighteenMonths()])}{oops\n` });
    expect(run.code).toBe(2);
    const [change, bad, last] = parseLines(run.stdout) as [OrderImpact, { line: number; error: { message: string } }, { summary: ImpactSummary }];
    expect(change).toMatchObject({ line: 1, before: { ok: true }, after: { ok: false }, removed: [] });
    expect(change.added.map((a) => a.code)).toEqual(['DRR_PERIOD_TOO_SHORT']);
    expect(change.after.codes).toContain('DRR_PERIOD_TOO_SHORT');
    expect(bad.line).toBe(3);
    expect(last.summary).toMatchObject({ orders: 3, bad: 1, changedStatus: 1, becameNotOk: 1, codes: { DRR_PERIOD_TOO_SHORT: { kind: 'invalid', added: 1, removed: 0 } } });
  });

  it('needs a change to weigh, and refuses a malformed one', async () => {
    const none = await cli(['impact', '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('impact needs the change to weigh');
    const bad = await cli(['impact', '--parameters', fileOf('unknown.json', { 'no.suchParameter': 1 }), '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no.suchParameter');
  });
});

describe('proportionate impact --format markdown', () => {
  it('reports the change, the counts, the codes and each changed order as Markdown tables', async () => {
    const withId = { ...lawfulMediumDrr(), id: 'CRN|42' };
    const run = await cli(['impact', '--format', 'markdown', '--parameters', minimum18, '--rules', fileOf('md-pack.json', localPack), '-'], {
      stdin: ndjson([eighteenMonths(), withId]),
    });
    expect(run.code).toBe(1);
    const md = run.stdout;
    expect(md.startsWith('## Impact of this change to the law\n')).toBe(true);
    // The parameter that changed, each dated value that differs, before and after.
    expect(md).toContain('| Parameter | Before | After |');
    expect(md).toMatch(/^\| `drr\.minMonths` \| from 1990-01-01: none \(not in force\) \[V\]<br>from 2005-04-04: 6 \[V-ind\]<br>from 2012-12-03: none \(not in force\) \[V-ind\] \| from 1990-01-01: 18 \[M\] \(Caller override\) \|$/m);
    // The rules the change adds.
    expect(md).toContain('| `local/medium-band-review` (');
    expect(md).toMatch(/\| LOCAL_MEDIUM_BAND_REVIEW \| `LOCAL_MEDIUM_BAND_REVIEW` \| advisory \|$/m);
    expect(md).toContain('2 orders: **1 change status** (1 ok -> not ok, 0 not ok -> ok), 2 with different findings, 0 bad input.');
    expect(md).toMatch(/^\| `DRR_PERIOD_TOO_SHORT` \| invalid \| 1 \| 0 \|$/m);
    expect(md).toMatch(/^\| `LOCAL_MEDIUM_BAND_REVIEW` \| advisory \| 2 \| 0 \|$/m);
    // Each order, by line and its own case reference (a pipe in it escaped so the table holds).
    expect(md).toMatch(/^\| line 2 \(CRN\\\|42\) \| ok \| \*\*not ok\*\* \| `DRR_PERIOD_TOO_SHORT` \(requirements\[0\]\), `LOCAL_MEDIUM_BAND_REVIEW` \(order\) \| - \|$/m);
    expect(md).toMatch(/^\| line 1 \| ok \| ok \| `LOCAL_MEDIUM_BAND_REVIEW` \(order\) \| - \|$/m);
    // Not the text report.
    expect(md).not.toContain('impact: 2 orders');
  });

  it('says when no order changes, and lists no order table', async () => {
    const run = await cli(['impact', '--format', 'markdown', '--parameters', fileOf('md-min6.json', { 'drr.minMonths': 6 }), '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 orders: **0 change status**');
    expect(run.stdout).not.toContain('| Order |');
  });

  it('--format json is --json; an unknown format, or two formats, is a usage error', async () => {
    const json = await cli(['impact', '--format', 'json', '--parameters', minimum18, '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(parseLines(json.stdout).at(-1)).toHaveProperty('summary');
    const unknown = await cli(['impact', '--format', 'html', '--parameters', minimum18, '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--format must be text, json or markdown');
    const both = await cli(['impact', '--json', '--format', 'markdown', '--parameters', minimum18, '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(both.code).toBe(2);
  });
});
