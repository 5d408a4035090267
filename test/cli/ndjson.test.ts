import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type Finding, type ProposedOrderInput, type ValidationResult } from '../../src/index.js';
import { allFindings } from '../support/codes.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';
import { InternalError } from '../../src/cli/io.js';
import { processBatch } from '../../src/cli/lines.js';
import { answerCaseload } from '../../src/cli/ndjson.js';
import { Capture, cli, eventually, expandRecordResult, ndjson, parseLines } from './support.js';

const validator = createValidator();
type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;

const unwilling = () => {
  const o = clone(lawfulMediumDrr());
  (o.requirements[0] as Drr).offenderWilling = false;
  return o;
};
const badSchema = () => ({ ...clone(lawfulMediumDrr()), convictionDate: '2006-13-01' });

type Record_ = { line: number; id?: string; result?: ValidationResult; error?: { message: string; issues?: { path: (string | number)[] }[] } };
/** What the library says, as JSON would carry it. */
const expected = (order: unknown) => JSON.parse(JSON.stringify(validator.validateSync(order))) as ValidationResult;
const expand = (r: Record_) => expandRecordResult(r.result as never);

describe('proportionate check --ndjson', () => {
  it('writes one record per input line that holds anything, in order, and never skips a malformed line', async () => {
    const input = [JSON.stringify(lawfulMediumDrr()), '{"offender":', JSON.stringify(badSchema()), '', JSON.stringify(unwilling()), JSON.stringify(lawfulCodeDrr())].join('\n');
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${input}\n` });
    const records = parseLines(run.stdout) as Record_[];
    // Line 4 is blank: skipped, and the numbers after it are still the input's own.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    expect(expand(records[0]!)).toEqual(expected(lawfulMediumDrr()));
    expect(records[1]!.error?.message).toBeTruthy();
    expect(records[1]!.error?.issues).toBeUndefined();
    expect(records[2]!.error?.issues?.map((i) => i.path.join('.'))).toContain('convictionDate');
    expect(records[3]!.result?.ok).toBe(false);
    expect(expand(records[3]!)).toEqual(expected(unwilling()));
    expect(expand(records[4]!)).toEqual(expected(lawfulCodeDrr()));
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
      fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n')),
    );
    const blank = (s: string) => /^[ \t\r]*$/.test(s);
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        const run = await cli(['check', '--ndjson', '-'], { stdin: `${lines.join('\n')}\n` });
        const records = parseLines(run.stdout) as Record_[];
        const answered = lines.map((text, i) => ({ text, line: i + 1 })).filter(({ text }) => !blank(text));
        expect(records.map((r) => r.line)).toEqual(answered.map((a) => a.line));
        answered.forEach(({ text, line }, i) => {
          const record = records[i]!;
          let order: unknown;
          try {
            order = JSON.parse(text);
            validator.validateSync(order);
          } catch {
            expect(record.result).toBeUndefined();
            expect(record.error?.message).toEqual(expect.any(String));
            return;
          }
          expect(record.line).toBe(line);
          expect(expand(record)).toEqual(expected(order));
        });
        expect(run.code).toBe(answered.some(({ text }) => { try { validator.validateSync(JSON.parse(text)); return false; } catch { return true; } }) ? 2 : records.some((r) => r.result?.ok === false) ? 1 : 0);
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

describe('check --ndjson: what arrives on the stream', () => {
  const order = JSON.stringify(lawfulMediumDrr());

  it('strips a UTF-8 BOM before the first line, and only there', async () => {
    const run = await cli(['check', '--ndjson', '-'], { stdin: `\uFEFF${order}\n\uFEFF${order}\n` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records[0]!.result?.ok).toBe(true);
    // A BOM inside the stream is not an encoding mark but a character JSON does not allow.
    expect(records[1]!.error?.message).toBeTruthy();
  });

  it('a BOM split across the first two chunks is stripped all the same', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), Buffer.from(`${order}\n`)]);
    const run = await cli(['check', '--ndjson', '-'], { stdin: Readable.from([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)]) });
    expect((parseLines(run.stdout) as Record_[]).map((r) => r.result?.ok)).toEqual([true]);
  });

  it('a lone CR inside a line is JSON whitespace: one order stays one record and later line numbers do not shift', async () => {
    const withCr = order.replace('"offences":', '\r"offences":\r');
    expect(JSON.parse(withCr)).toEqual(lawfulMediumDrr());
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${withCr}\nnot json\r\n${JSON.stringify(unwilling())}\r\n` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(expand(records[0]!)).toEqual(expected(lawfulMediumDrr()));
    expect(records[1]!.error).toBeDefined();
    expect(expand(records[2]!)).toEqual(expected(unwilling()));
  });

  it('skips blank lines, which do not fail the run, and says how many it skipped', async () => {
    const run = await cli(['check', '--ndjson', '-'], { stdin: `\n${order}\n\n \t\r\n${JSON.stringify(lawfulCodeDrr())}\n\n` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual([2, 5]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^6 lines in [\d.]+ s \(\d+ lines\/s\): 2 ok, 0 not ok, 0 bad input, 4 blank skipped$/m);
  });

  it('answers a last line that has no line end', async () => {
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${order}\n${JSON.stringify(unwilling())}` });
    expect((parseLines(run.stdout) as Record_[]).map((r) => [r.line, r.result?.ok])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('answers a line past --max-order-bytes with an error record, unread, and goes on', async () => {
    const limit = 2000;
    expect(JSON.stringify(unwilling()).length).toBeLessThan(limit);
    const exact = order.padEnd(limit);
    const input = `${exact}\n${exact} \n${exact}\r\n${`${exact} `}\n${JSON.stringify(unwilling())}`;
    const run = await cli(['check', '--ndjson', '--max-order-bytes', String(limit), '-'], { stdin: input });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    // Exactly the limit is allowed, its CRLF not counted; one byte more is not.
    expect(records[0]!.result?.ok).toBe(true);
    expect(records[1]).toEqual({ line: 2, error: { message: `Line is longer than ${limit} bytes, the most one order may take (--max-order-bytes raises it): not read` } });
    expect(records[2]!.result?.ok).toBe(true);
    expect(records[3]!.error?.message).toMatch(/^Line is longer than 2000 bytes/);
    expect(records[4]!.result?.ok).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/: 2 ok, 1 not ok, 2 bad input$/m);
  });

  it('the default limit is 1 MiB a line, and a longer line is not held in memory while it is skipped', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const stdin = Readable.from(
      (function* () {
        // 64 MiB of one line: kept, it would be a 64 MiB string.
        for (let i = 0; i < 1024; i++) {
          pulled++;
          yield chunk;
        }
        yield Buffer.from(`x\n${order}\n`);
      })(),
    );
    const before = process.memoryUsage().arrayBuffers;
    const run = await cli(['check', '--ndjson', '-'], { stdin });
    expect(pulled).toBe(1024);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(records[0]!.error?.message).toContain('longer than 1 MiB');
    expect(records[1]!.result?.ok).toBe(true);
  });

  it('answers a slowly arriving stream line by line, as each line arrives', async () => {
    const stdin = new PassThrough();
    const stdout = new Capture();
    const running = cli(['check', '--ndjson', '--compact', '-'], { stdin, stdout });
    const records = () => parseLines(stdout.text) as { line: number }[];
    stdin.write(`${order}\n`);
    await eventually(() => records().length === 1, 'the first record');
    // Half a line is not a line: nothing more until its end arrives.
    stdin.write(JSON.stringify(unwilling()).slice(0, 50));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(records()).toHaveLength(1);
    stdin.write(`${JSON.stringify(unwilling()).slice(50)}\n`);
    await eventually(() => records().length === 2, 'the second record');
    stdin.end(`${order}\n`);
    const run = await running;
    expect(records().map((r) => r.line)).toEqual([1, 2, 3]);
    expect(run.code).toBe(1);
  });

  it('--max-order-bytes must be a whole number of bytes', async () => {
    for (const value of ['0', '-5', '1.5', '1MB', '', '999999999999']) {
      const run = await cli(['check', '--ndjson', '--max-order-bytes', value, '-'], { stdin: `${order}\n` });
      expect(run.code, value).toBe(2);
      expect(run.stderr).toContain('--max-order-bytes');
      expect(run.stdout).toBe('');
    }
  });
});

describe('batch records: for the systems that read them', () => {
  const withId = (id: unknown, order: object = lawfulMediumDrr()) => ({ id, ...order });

  it('a full record writes each finding once: requirements name theirs by code, the four kind lists hold them', async () => {
    const order = clone(lawfulMediumDrr());
    order.provision = { drrIntensities: ['high'], area: 'Northtown' };
    (order.requirements[0] as Drr).offenderWilling = false;
    order.sentence.endDate = '2010-03-01';
    const library = validator.validateSync(order);
    const onRequirement = library.requirements.flatMap((r) => r.findings);
    // The order chosen has a requirement finding of two kinds and an order-level breach, so duplication would show.
    expect(onRequirement.some((f) => f.kind === 'invalid')).toBe(true);
    expect(onRequirement.some((f) => f.kind === 'tension')).toBe(true);
    expect(library.breaches.some((f) => f.requirementIndex === undefined)).toBe(true);

    const run = await cli(['check', '--ndjson', '-'], { stdin: ndjson([order]) });
    const [record] = parseLines(run.stdout) as (Record_ & { result: Record<string, unknown[]> })[];
    const lists = ['invalid', 'breaches', 'tensions', 'advisories'].flatMap((k) => record!.result[k] as Finding[]);
    expect(lists).toHaveLength(allFindings(library).length);
    for (const f of onRequirement) expect(run.stdout.split(JSON.stringify(f.message)).length - 1, f.code).toBe(1);
    expect(record!.result.requirements).toEqual(library.requirements.map((r) => ({ index: r.index, kind: r.kind, valid: r.valid, codes: r.findings.map((f) => f.code) })));
    expect(expand(record!)).toEqual(expected(order));
    // The README's example stays true: a record starts with its line, then ok and the law.
    expect(run.stdout).toMatch(/^\{"line":1,"result":\{"ok":false,"regime":\{"id":"cja-2003"/);
  });

  it('--compact writes {line, id, ok, codes}: every code once, in the contract order', async () => {
    const orders = [lawfulMediumDrr(), unwilling(), withId('CRN-A123')];
    const run = await cli(['check', '--ndjson', '--compact', '-'], { stdin: `${ndjson(orders)}{"id": "CRN-B7", "offender":\n` });
    const records = parseLines(run.stdout);
    orders.forEach((o, i) => {
      const result = validator.validateSync(o);
      const codes = [...new Set([...allFindings(result)].sort((a, b) => ['invalid', 'breach', 'tension', 'advisory'].indexOf(a.kind) - ['invalid', 'breach', 'tension', 'advisory'].indexOf(b.kind) || (a.requirementIndex ?? -1) - (b.requirementIndex ?? -1) || (a.code < b.code ? -1 : 1)).map((f) => f.code))];
      expect(records[i]).toStrictEqual({ line: i + 1, id: i === 2 ? 'CRN-A123' : null, ok: result.ok, codes });
    });
    expect((records[1] as { codes: string[] }).codes).toContain('DRR_NOT_WILLING');
    expect(records[3]).toStrictEqual({ line: 4, id: 'CRN-B7', error: { message: expect.any(String) } });
    expect(Object.keys(records[0] as object)).toEqual(['line', 'id', 'ok', 'codes']);
    expect(run.code).toBe(2);
  });

  it('--compact needs --ndjson', async () => {
    const run = await cli(['check', '--compact', 'examples/lawful-medium-drr.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--compact only applies with --ndjson');
  });

  it('echoes the case reference in every record, good or bad, where the line got far enough to have one', async () => {
    const lines = [
      JSON.stringify(withId('CRN-1')),
      JSON.stringify(withId('CRN-2', unwilling())),
      JSON.stringify(withId('CRN-3', badSchema())),
      '{"id": "CRN-4", "offender": {"dateOfBirth": "1975-',
      '{"offender": {"dateOfBirth": "1975-06-15"}, "id": "CRN-5", "offences": [}',
      '{"offender": [}, "id": "CRN-6"}',
      JSON.stringify(withId(42)),
      JSON.stringify(withId('C'.repeat(101))),
      '{"offender": {"id": "NOT-TOP-LEVEL"',
    ];
    const run = await cli(['check', '--ndjson', '-'], { stdin: `${lines.join('\n')}\n` });
    const records = parseLines(run.stdout) as Record_[];
    expect(records.map((r) => r.id)).toEqual(['CRN-1', 'CRN-2', 'CRN-3', 'CRN-4', 'CRN-5', undefined, undefined, undefined, undefined]);
    expect(records[0]!.result).toMatchObject({ id: 'CRN-1', ok: true });
    expect(records[1]!.result?.ok).toBe(false);
    expect(records[2]!.error?.issues?.map((i) => i.path.join('.'))).toContain('convictionDate');
    expect(records[6]!.error?.issues?.map((i) => i.path.join('.'))).toContain('id');
    expect(records.slice(3, 6).every((r) => r.error && !r.error.issues)).toBe(true);
  });
});

describe('an internal error while answering a caseload', () => {
  const records = { format: 'compact', maxOrderBytes: 1024 * 1024 } as const;
  const validate = (input: unknown) => validator.validateSync(input);
  const caseload = (n: number) => ndjson(Array.from({ length: n }, () => lawfulMediumDrr()));
  const collect = () => {
    const chunks: string[] = [];
    return { chunks, write: async (c: string | Uint8Array) => void chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString()) };
  };

  it('in this thread: every line before the failing one is answered, then the run ends with an InternalError naming the line', async () => {
    const out = collect();
    const failAt70 = { beforeLine: (line: number) => { if (line === 70) throw new Error('boom'); } };
    const run = answerCaseload({ input: Readable.from([caseload(100)]), run: (b) => processBatch(validate, b, records, failAt70), write: out.write, maxOrderBytes: records.maxOrderBytes });
    await expect(run).rejects.toThrow(InternalError);
    await expect(run).rejects.toThrow('answering line 70: Error: boom');
    expect((parseLines(out.chunks.join('')) as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: 69 }, (_, i) => i + 1));
  });

  it('a batch that fails outright (a lost worker) ends the run after every earlier batch, however the batches finish', async () => {
    const out = collect();
    let calls = 0;
    const run = answerCaseload({
      input: Readable.from([caseload(100)]),
      // Batches of 10; later batches finish first; the fourth never answers.
      run: async (batch) => {
        const n = calls++;
        await new Promise((resolve) => setTimeout(resolve, 40 - n * 4));
        if (n === 3) throw new InternalError('worker thread exited unexpectedly');
        return processBatch(validate, batch, records);
      },
      write: out.write,
      maxOrderBytes: records.maxOrderBytes,
      maxInFlight: 8,
      batchSize: 10,
    });
    await expect(run).rejects.toThrow('worker thread exited unexpectedly');
    expect((parseLines(out.chunks.join('')) as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('does not wait for the rest of a slow stream once it has failed', async () => {
    const input = new PassThrough();
    const failAt1 = { beforeLine: () => { throw new Error('boom'); } };
    const run = answerCaseload({ input, run: (b) => processBatch(validate, b, records, failAt1), write: async () => undefined, maxOrderBytes: records.maxOrderBytes });
    input.write(`${JSON.stringify(lawfulMediumDrr())}\n`);
    // The stream stays open: the run must end on its own.
    await expect(run).rejects.toThrow('answering line 1');
    expect(input.destroyed).toBe(true);
  });
});
