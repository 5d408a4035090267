import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput } from '../../src/index.js';
import { citationText } from '../../src/cli/report.js';
import { findingOf } from '../support/codes.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';
import { cli, parseLines, repoRoot, STACK_FRAME } from './support.js';

const parseLinesOf = (text: string) => parseLines(text) as { ok?: boolean; error?: unknown }[];

const validator = createValidator();
const scratch = mkdtempSync(join(tmpdir(), 'proportionate-cli-'));
const fileOf = (name: string, value: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
const drrOf = (o: ProposedOrderInput) => o.requirements[0] as Drr;

const unwilling = () => {
  const o = clone(lawfulMediumDrr());
  drrOf(o).offenderWilling = false;
  return o;
};
const tooLong = () => {
  const o = clone(lawfulMediumDrr());
  o.sentence.endDate = '2010-03-01';
  return o;
};

describe('proportionate check FILE', () => {
  it('exits 0 for a lawful order and reports every requirement as valid with no breaches', async () => {
    const run = await cli(['check', fileOf('ok.json', lawfulMediumDrr())]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OK: lawful as proposed/);
    expect(run.stdout).toContain('Requirement 1, drug-rehabilitation: valid');
    expect(run.stdout).toContain('Requirement 2, supervision: valid');
    expect(run.stdout).toContain('Breaches: none');
  });

  it('exits 1 for an invalid requirement, with the finding and its citation under that requirement', async () => {
    const order = unwilling();
    const finding = findingOf(await validator.validate(order), 'DRR_NOT_WILLING')!;
    const run = await cli(['check', fileOf('unwilling.json', order)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^NOT OK: 1 invalid requirement/);
    const block = run.stdout.slice(run.stdout.indexOf('Requirement 1, drug-rehabilitation: INVALID'), run.stdout.indexOf('Requirement 2,'));
    expect(block).toContain('DRR_NOT_WILLING');
    expect(block).toContain(finding.message);
    expect(block).toContain(`Cites: ${citationText(finding.citations[0]!)}`);
  });

  it('exits 1 for a breach and prints it in full, with every citation, under Breaches', async () => {
    const result = await validator.validate(tooLong());
    const breach = result.breaches.find((b) => b.requirementIndex === undefined)!;
    expect(breach).toBeDefined();
    const run = await cli(['check', fileOf('long.json', tooLong())]);
    expect(run.code).toBe(1);
    const breaches = run.stdout.slice(run.stdout.indexOf('Breaches ('), run.stdout.indexOf('Tensions'));
    expect(breaches).toContain(breach.code);
    expect(breaches).toContain(breach.message);
    for (const c of breach.citations) expect(breaches).toContain(citationText(c));
  });

  it('names a requirement finding in the kind sections without printing it twice', async () => {
    const order = clone(lawfulMediumDrr());
    order.provision = { drrIntensities: ['high'], area: 'Northtown' };
    const run = await cli(['check', fileOf('provision.json', order)]);
    expect(run.stdout).toContain('INTENSITY_NOT_COMMISSIONED: see Requirement 1 above');
    const finding = findingOf(await validator.validate(order), 'INTENSITY_NOT_COMMISSIONED')!;
    expect(run.stdout.split(finding.message)).toHaveLength(2);
  });

  it('says what the area would need to commission for a provision tension', async () => {
    const order = clone(lawfulMediumDrr());
    order.provision = { drrIntensities: ['high'], drrWeeklyHours: { medium: 6 } };
    const parameters = fileOf('hours.json', { 'provision.minWeeklyHoursMedium': 9 });
    const run = await cli(['check', '--parameters', parameters, fileOf('gap.json', order)]);
    expect(run.stdout).toContain('To deliver this order the area would need: medium intensity DRR treatment commissioned (commissioned now: high)');
    expect(run.stdout).toContain('To deliver this order the area would need: at least 9 hours a week of medium intensity DRR treatment; it provides 6');
    // The area's own minimum is not a verified figure: the report says so.
    expect(run.stdout).toContain('Confidence: unverified');
  });

  it('--json prints exactly the result object', async () => {
    for (const order of [lawfulMediumDrr(), unwilling(), tooLong()]) {
      const run = await cli(['check', '--json', fileOf('json.json', order)]);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(await validator.validate(order))));
      expect(run.code).toBe((await validator.validate(order)).ok ? 0 : 1);
    }
  });

  it('reads standard input for -', async () => {
    const run = await cli(['check', '--json', '-'], { stdin: JSON.stringify(unwilling()) });
    expect(run.code).toBe(1);
    expect(findingOf(JSON.parse(run.stdout), 'DRR_NOT_WILLING')).toBeDefined();
  });

  it('--evaluator json-rules-engine gives the same result as the default', async () => {
    const file = fileOf('jre.json', tooLong());
    const compiled = await cli(['check', '--json', file]);
    const jre = await cli(['check', '--json', '--evaluator', 'json-rules-engine', file]);
    expect(jre.stdout).toBe(compiled.stdout);
    expect(jre.code).toBe(compiled.code);
  });

  it('--parameters changes the law the order is checked under', async () => {
    const file = fileOf('p.json', lawfulMediumDrr());
    expect((await cli(['check', file])).code).toBe(0);
    const run = await cli(['check', '--parameters', fileOf('min18.json', { 'drr.minMonths': 18 }), file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('DRR_PERIOD_TOO_SHORT');
  });

  it('--provision gives the area provision for an order without its own', async () => {
    const run = await cli(['check', '--provision', fileOf('prov.json', { drrIntensities: ['high'] }), fileOf('np.json', lawfulMediumDrr())]);
    expect(run.stdout).toContain('INTENSITY_NOT_COMMISSIONED');
  });

  it('agrees with the library on every example order', async () => {
    const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThan(0);
    for (const name of examples) {
      const order = JSON.parse(readFileSync(join(repoRoot, 'examples', name), 'utf8'));
      const run = await cli(['check', `examples/${name}`]);
      expect(run.code, name).toBe((await validator.validate(order)).ok ? 0 : 1);
    }
  });
});

describe('proportionate check: bad input exits 2', () => {
  it('prints each input issue as path: message', async () => {
    const order = clone(lawfulMediumDrr()) as Record<string, unknown> & ProposedOrderInput;
    (order.offender as { omTier: number }).omTier = 7;
    order.sentenceDate = '2006-02-30';
    const expected = await validator.safeValidate(order);
    expect(expected.success).toBe(false);
    const run = await cli(['check', fileOf('bad.json', order)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const issues = expected.success ? [] : expected.error.issues;
    expect(issues.length).toBeGreaterThanOrEqual(2);
    for (const issue of issues) expect(run.stderr).toContain(`${issue.path.join('.')}: ${issue.message}\n`);
  });

  it('with --json also prints the issues as JSON on stdout', async () => {
    const order = clone(lawfulMediumDrr()) as unknown as Record<string, unknown>;
    order.surprise = true;
    const run = await cli(['check', '--json', fileOf('extra.json', order)]);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout) as { error: { issues: { path: string[] }[] } };
    expect(error.issues.some((i) => i.path.length === 0 || i.path.includes('surprise'))).toBe(true);
  });

  it.each([
    ['bad JSON', () => fileOf('broken.json', '{"offender": '), /is not valid JSON/],
    ['a missing file', () => join(scratch, 'missing.json'), /cannot read input .*missing\.json: no such file/],
    ['a directory', () => scratch, /is a directory/],
  ])('%s', async (_label, path, message) => {
    const run = await cli(['check', path()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a malformed parameters file or rule pack', async () => {
    const order = fileOf('o.json', lawfulMediumDrr());
    const badParam = await cli(['check', '--parameters', fileOf('bp.json', { 'drr.minMonths': { values: 'six' } }), order]);
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toContain('drr.minMonths');
    const badPack = await cli(['check', '--rules', fileOf('pack.json', { id: 'x', rules: [] }), order]);
    expect(badPack.code).toBe(2);
    const badEvaluator = await cli(['check', '--evaluator', 'fast', order]);
    expect(badEvaluator.code).toBe(2);
    expect(badEvaluator.stderr).toContain('--evaluator');
  });

  it('usage errors: no file, an unknown option, an unknown command', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check', '--frobnicate', 'x.json'])).code).toBe(2);
    const unknown = await cli(['examine']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "examine"');
    expect((await cli([])).code).toBe(2);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('only on a terminal, and never with NO_COLOR set', async () => {
    const file = fileOf('c.json', unwilling());
    expect((await cli(['check', file])).stdout).not.toContain(ESC);
    expect((await cli(['check', file], { stdoutTTY: true })).stdout).toContain(ESC);
    expect((await cli(['check', file], { stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
});

describe('proportionate check: the size and encoding of one order', () => {
  it('strips a UTF-8 BOM from a file and from standard input', async () => {
    const text = `\uFEFF${JSON.stringify(lawfulMediumDrr(), null, 2)}`;
    expect((await cli(['check', fileOf('bom.json', text)])).code).toBe(0);
    expect((await cli(['check', '-'], { stdin: text })).code).toBe(0);
  });

  it('refuses a file larger than --max-order-bytes, 1 MiB by default, with exit 2 and the limit named', async () => {
    const order = JSON.stringify(lawfulMediumDrr());
    const big = fileOf('big.json', `${order}${' '.repeat(1024 * 1024 - order.length + 1)}`);
    const run = await cli(['check', big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`proportionate: input ${big} is larger than 1 MiB, the most one order may take (--max-order-bytes raises it); stopped reading\n`);
    expect((await cli(['check', '--max-order-bytes', String(2 * 1024 * 1024), big])).code).toBe(0);
    expect((await cli(['check', '--max-order-bytes', String(order.length), fileOf('exact.json', order)])).code).toBe(0);
    expect((await cli(['check', '--max-order-bytes', String(order.length - 1), fileOf('exact.json', order)])).code).toBe(2);
  });

  it('stops reading an endless standard input at the limit: exit 2 and a message, not a hang', async () => {
    let pulled = 0;
    const zeros = Buffer.alloc(64 * 1024);
    const stdin = Readable.from(
      (function* () {
        for (;;) {
          pulled += zeros.length;
          yield zeros;
        }
      })(),
    );
    const run = await cli(['check', '-'], { stdin });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('standard input is larger than 1 MiB');
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it('option files are bounded too', async () => {
    const huge = fileOf('huge-parameters.json', `{"a": "${'x'.repeat(16 * 1024 * 1024)}"}`);
    const run = await cli(['check', '--parameters', huge, fileOf('o2.json', lawfulMediumDrr())]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`parameters file ${huge} is larger than 16 MiB`);
  });
});

describe('exit codes mean what the README says', () => {
  const order = JSON.stringify(lawfulMediumDrr());
  // Text that is close to an order and text that is not: JSON with holes, wrong types, odd characters.
  const nearOrder = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.nat({ max: order.length }), fc.string({ maxLength: 8 })).map(([at, s]) => order.slice(0, at) + s + order.slice(at)),
    fc.tuple(fc.nat({ max: order.length }), fc.nat({ max: 20 })).map(([at, n]) => order.slice(0, at) + order.slice(at + n)),
    fc.constantFrom('\uFEFF', '\u0000', '\uD800', '[[[[[[[[[[', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '{"__proto__": {"ok": true}}', 'null', '1e999'),
  );

  it('property: check - exits 0, 1 or 2, 1 only with findings, and never prints a stack', async () => {
    await fc.assert(
      fc.asyncProperty(nearOrder, async (text) => {
        const run = await cli(['check', '--json', '-'], { stdin: text });
        expect([0, 1, 2]).toContain(run.code);
        expect(run.stderr).not.toMatch(STACK_FRAME);
        expect(run.stdout).not.toMatch(STACK_FRAME);
        if (run.code === 1) expect((JSON.parse(run.stdout) as { ok: boolean }).ok).toBe(false);
        if (run.code === 2) expect(run.stderr).not.toBe('');
      }),
      { numRuns: 80 },
    );
  });

  it('property: check --ndjson exits 2 only for a bad line, 1 only for findings, and never prints a stack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nearOrder.filter((s) => !s.includes('\n')), { minLength: 1, maxLength: 6 }), async (lines) => {
        const run = await cli(['check', '--ndjson', '--compact', '-'], { stdin: lines.join('\n') });
        const records = parseLinesOf(run.stdout);
        const bad = records.some((r) => 'error' in r);
        expect(run.code).toBe(bad ? 2 : records.some((r) => r.ok === false) ? 1 : 0);
        expect(run.stderr).not.toMatch(STACK_FRAME);
      }),
      { numRuns: 60 },
    );
  });
});
