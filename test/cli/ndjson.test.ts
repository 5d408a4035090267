import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type ProposedOrderInput, type ValidationResult } from '../../src/index.js';
import { allFindings } from '../support/codes.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { Capture, cli, ndjson, parseLines } from './support.js';

const validator = createValidator();
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;

const unwilling = () => {
  const o = clone(lawfulMediumDrr());
  (o.requirements[0] as Drr).offenderWilling = false;
  return o;
};
const badSchema = () => ({ ...clone(lawfulMediumDrr()), convictionDate: '2006-13-01' });

type Record_ = { line: number; result?: ValidationResult; error?: { message: string; issues?: { path: (string | number)[] }[] } };

describe('proportionate check --ndjson', () => {
  it('writes one record per input line, in order, and never skips a malformed line', async () => {
    const input = [JSON.stringify(lawfulMediumDrr()), '{"offender":', JSON.stringify(badSchema()), '', JSON.stringify(unwilling()), JSON.stringify(lawfulCodeDrr())].join('\n');
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${input}\n` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records[0]!.result).toEqual(JSON.parse(JSON.stringify(await validator.validate(lawfulMediumDrr()))));
    expect(records[1]!.error?.message).toBeTruthy();
    expect(records[1]!.error?.issues).toBeUndefined();
    expect(records[2]!.error?.issues?.map((i) => i.path.join('.'))).toContain('convictionDate');
    expect(records[3]!.error?.message).toMatch(/Empty line/);
    expect(records[4]!.result?.ok).toBe(false);
    expect(records[5]!.result).toEqual(JSON.parse(JSON.stringify(await validator.validate(lawfulCodeDrr()))));
    // Any bad line makes the run exit 2, whatever the orders found.
    expect(run.code).toBe(2);
  });

  it('exits 1 when an order has a breach or an invalid requirement and every line is good, else 0', async () => {
    expect((await cli(['check', '--ndjson', '-'], { stdin: ndjson([lawfulMediumDrr(), unwilling()]) })).code).toBe(1);
    expect((await cli(['check', '--ndjson', '-'], { stdin: ndjson([lawfulMediumDrr(), lawfulCodeDrr()]) })).code).toBe(0);
  });

  it('accepts CRLF line ends and a last line without a newline', async () => {
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${JSON.stringify(lawfulMediumDrr())}\r\n${JSON.stringify(unwilling())}` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.result?.ok)).toEqual([true, false]);
  });

  it('ends with a summary on stderr: totals and, by code, the orders that have it', async () => {
    const orders = [lawfulMediumDrr(), unwilling(), unwilling(), lawfulCodeDrr()];
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${ndjson(orders)}not json\n` });
    expect(run.stderr).toMatch(/^5 lines in [\d.]+ s \(\d+ lines\/s\): 2 ok, 2 not ok, 1 bad input$/m);
    const expected = new Map<string, number>();
    for (const o of orders) for (const code of new Set(allFindings(await validator.validate(o)).map((f) => f.code))) expected.set(code, (expected.get(code) ?? 0) + 1);
    expect(expected.get('DRR_NOT_WILLING')).toBe(2);
    for (const [code, count] of expected) expect(run.stderr).toMatch(new RegExp(`^  ${code} +\\w+ +${count}$`, 'm'));
  });

  it('draws a progress line on stderr only when stderr is a terminal', async () => {
    const stdin = ndjson([lawfulMediumDrr(), unwilling()]);
    const plain = await cli(['check', '--ndjson', '-'], { stdin });
    expect(plain.stderr).not.toContain('\r');
    const tty = await cli(['check', '--ndjson', '-'], { stdin, stderrTTY: true });
    expect(tty.stderr).toMatch(/\r\u001b\[K2 lines +\d+ lines\/s/);
    expect(tty.stdout).toBe(plain.stdout);
  });

  it('with a file, the progress line shows how much of it has been read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'proportionate-ndjson-')), 'caseload.ndjson');
    writeFileSync(file, ndjson([lawfulMediumDrr(), unwilling(), lawfulCodeDrr()]));
    const run = await cli(['check', '--ndjson', file], { stderrTTY: true });
    expect(run.stderr).toMatch(/\[#{24}\] 100% {2}3 lines/);
    expect(parseLines(run.stdout)).toHaveLength(3);
  });

  it('a missing caseload file is bad input', async () => {
    const run = await cli(['check', '--ndjson', 'no/such/caseload.ndjson']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read caseload no/such/caseload.ndjson: no such file');
  });

  it('holds output back while stdout is slow, and loses nothing', async () => {
    const orders = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? unwilling() : lawfulMediumDrr()));
    const slow = new Capture(false, 1, 1024);
    const run = await cli(['check', '--ndjson', '-'], { stdin: Readable.from(ndjson(orders).split(/(?<=\n)/)), stdout: slow });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual(orders.map((_, i) => i + 1));
    expect(records.map((r) => r.result?.ok)).toEqual(orders.map((_, i) => i % 3 !== 0));
  });

  it('reads no further ahead than a bounded window while stdout is blocked (memory flat in the number of lines)', async () => {
    let pulled = 0;
    const total = 20_000;
    // Cheap lines (not JSON) so the test is about flow, not validation.
    const stdin = Readable.from(
      (function* () {
        for (let i = 0; i < total; i++) {
          pulled++;
          yield 'x\n';
        }
      })(),
    );
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const blocked = new (class extends Capture {
      override _write(chunk: Buffer | string, enc: BufferEncoding, done: (error?: Error | null) => void): void {
        gate.then(() => super._write(chunk, enc, done));
      }
    })(false, 0, 1024);
    const running = cli(['check', '--ndjson', '-'], { stdin, stdout: blocked });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pulledWhileBlocked = pulled;
    release();
    const run = await running;
    expect(pulledWhileBlocked).toBeLessThan(total / 4);
    expect(parseLines(run.stdout)).toHaveLength(total);
  });

  it('property: record i is the library\'s answer for line i, for any mix of orders and junk', async () => {
    const line = fc.oneof(
      fc.constantFrom(lawfulMediumDrr(), unwilling(), lawfulCodeDrr(), badSchema()).map((o) => JSON.stringify(o)),
      fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        const run = await cli(['check', '--ndjson', '-'], { stdin: `${lines.join('\n')}\n` });
        const records = parseLines(run.stdout) as Record_[];
        expect(records).toHaveLength(lines.length);
        for (let i = 0; i < lines.length; i++) {
          expect(records[i]!.line).toBe(i + 1);
          let expected: unknown;
          try {
            expected = { result: JSON.parse(JSON.stringify(validator.validateSync(JSON.parse(lines[i]!)))) };
          } catch {
            expected = { error: expect.anything() };
          }
          expect(records[i]).toEqual({ line: i + 1, ...(expected as object) });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('--workers needs --ndjson', async () => {
    const run = await cli(['check', '--workers', '2', 'examples/lawful-medium-drr.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers only applies with --ndjson');
  });
});
