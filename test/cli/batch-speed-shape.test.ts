import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { PassThrough, Readable } from 'node:stream';
import { readByteBatches } from '../../src/cli/byte-batches.js';
import { readLines } from '../../src/cli/line-reader.js';
import { processBatch, processByteBatch, type Batch, type BatchItem } from '../../src/cli/lines.js';
import { countBlank, countResult, emptyTally, mergeTally } from '../../src/cli/tally.js';
import { allFindings } from '../../src/cli/findings.js';
import { lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';

// The batch path's speed comes from its shape: what crosses to a worker, and a hot loop that does
// not give way once a line. These tests hold the shape to what it replaced.

/** Lines as they may arrive: orders, junk, blank and CR-ended lines, a BOM, bytes that are not UTF-8, lines long enough to pass a small limit. */
const lineBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(JSON.stringify(lawfulMediumDrr()), JSON.stringify({ id: 'CRN-1', ...lawfulCodeDrr() }), '{"id":"CRN-2","offender":', '', '  \t', '\r', '{}\r', '\ufeff{}', '"caf\u00e9 \u{1f600}"').map((t) => Buffer.from(t)),
  fc.string({ maxLength: 30, unit: 'grapheme' }).map((t) => Buffer.from(t)),
  fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b.filter((x) => x !== 0x0a))),
);
const caseload = fc.record({
  lines: fc.array(lineBytes, { maxLength: 25 }),
  lastEnds: fc.boolean(),
  cuts: fc.array(fc.nat(5000), { maxLength: 8 }),
  maxBytes: fc.oneof(fc.constant(1024 * 1024), fc.integer({ min: 0, max: 40 })),
  batchLines: fc.integer({ min: 1, max: 6 }),
  batchBytes: fc.integer({ min: 1, max: 400 }),
});
/** The caseload's bytes, cut into chunks where `cuts` says, as a stream delivers them. */
const chunked = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) chunks.push(bytes.subarray(from, to));
    from = to;
  }
  return chunks;
};

describe('a caseload read as bytes and answered where it is decoded', () => {
  const validator = createValidator();
  const validate = (o: unknown) => validator.validateSync(o);

  it('property: the same records and tally as reading it line by line, however it is chunked and batched, once moved as a message is', async () => {
    await fc.assert(
      fc.asyncProperty(caseload, async ({ lines, lastEnds, cuts, maxBytes, batchLines, batchBytes }) => {
        const bytes = Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || lastEnds ? [l, Buffer.from('\n')] : [l])));
        const records = { format: 'full', maxOrderBytes: maxBytes } as const;

        const expected = emptyTally();
        let expectedText = '';
        for await (const read of readLines(Readable.from(chunked(bytes, cuts)), maxBytes)) {
          const items: BatchItem[] = [];
          for (const l of read) {
            if ('blank' in l) countBlank(expected);
            else items.push(l);
          }
          const out = await processBatch(validate, { items }, records);
          mergeTally(expected, out.tally);
          expectedText += out.text;
        }

        const actual = emptyTally();
        let actualText = '';
        let next = 1;
        for await (const batch of readByteBatches(Readable.from(chunked(bytes, cuts)), { maxBytes, lines: batchLines, bytes: batchBytes })) {
          expect(batch.first).toBe(next);
          next += batch.count;
          const moved = structuredClone(batch, { transfer: [batch.bytes.buffer] });
          const out = await processByteBatch(validate, moved, records);
          mergeTally(actual, out.tally);
          actualText += out.text;
        }
        expect(actualText).toBe(expectedText);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a line past the limit is answered in the batch where it passed it, before the rest of it arrives', async () => {
    const input = new PassThrough();
    const batches = readByteBatches(input, { maxBytes: 10, lines: 64, bytes: 1 << 16 });
    input.write('{}\n{"a":"0123456789');
    const first = await batches.next();
    expect(first.value).toMatchObject({ first: 1, count: 2, tooLong: [2] });
    input.end('0123456789"}\n{}');
    const rest = [];
    for await (const b of batches) rest.push(b);
    expect(rest).toMatchObject([{ first: 3, count: 1, tooLong: [] }]);
    expect(Buffer.from(rest[0]!.bytes).toString()).toBe('{}\n');
  });
});

describe('a batch answered in one pass', () => {
  const validator = createValidator();
  const records = { format: 'full', maxOrderBytes: 1024 } as const;
  const lines = [JSON.stringify(lawfulMediumDrr()), 'not json', JSON.stringify({ id: 'CRN-1', ...lawfulCodeDrr() }), JSON.stringify({ ...lawfulMediumDrr(), convictionDate: '2006-13-01' })];
  const input: Batch = { items: [...lines.map((text, i) => ({ line: i + 1, text })), { line: 9, tooLong: true as const }] };

  it('writes the same text and tally whether the validator answers at once or with a promise', async () => {
    const sync = await processBatch((o) => validator.validateSync(o), input, records);
    const async_ = await processBatch((o) => validator.validate(o), input, records);
    expect(sync).toEqual(async_);
    expect(sync.tally).toMatchObject({ lines: 5, bad: 3 });
  });

  it('answers a whole batch without giving way to other work between its lines, not even a promise\'s', async () => {
    // A loop of microtasks that runs whenever the batch awaits anything: it must not run between lines.
    let hops = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      hops++;
      queueMicrotask(spin);
    };
    queueMicrotask(spin);
    const seen: number[] = [];
    const many: Batch = { items: Array.from({ length: 50 }, (_, i) => ({ line: i + 1, text: lines[i % 2]! })) };
    await processBatch(
      (o) => {
        seen.push(hops);
        return validator.validateSync(o);
      },
      many,
      records,
    ).finally(() => (done = true));
    expect(new Set(seen).size).toBe(1);
  });

  it('counts an order\'s codes once each, as the list of all its findings does', () => {
    fc.assert(
      fc.property(fc.constantFrom(lawfulMediumDrr(), lawfulCodeDrr()), fc.boolean(), (order, unwilling) => {
        const o = structuredClone(order) as typeof order;
        if (unwilling) (o.requirements[0] as { offenderWilling?: boolean }).offenderWilling = false;
        const result: ValidationResult = validator.validateSync(o);
        const tally = emptyTally();
        countResult(tally, result);
        countResult(tally, result);
        const codes = [...new Set(allFindings(result).map((f) => f.code))];
        expect(Object.keys(tally.codes).sort()).toEqual(codes.sort());
        for (const code of codes) expect(tally.codes[code]!.orders).toBe(2);
      }),
    );
  });
});
