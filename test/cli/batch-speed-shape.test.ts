import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { processBatch, type Batch, type BatchItem } from '../../src/cli/lines.js';
import { emptyTally, countResult } from '../../src/cli/tally.js';
import { allFindings } from '../../src/cli/findings.js';
import { packBatch, unpackBatch } from '../../src/cli/worker.js';
import { lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';

// The batch path's speed comes from its shape: what crosses to a worker, and a hot loop that does
// not give way once a line. These tests hold the shape to what it replaced.

const item: fc.Arbitrary<Omit<BatchItem, 'line'>> = fc.oneof(
  fc.string({ maxLength: 40, unit: 'grapheme' }).map((text) => ({ text })),
  fc.string({ maxLength: 10 }).map((text) => ({ text: `${text}\n${text}` })),
  fc.constant({ tooLong: true as const }),
);
const batch: fc.Arbitrary<Batch> = fc
  .tuple(fc.nat(1_000_000), fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), item), { maxLength: 20 }))
  .map(([first, rows]) => {
    let line = first;
    return { items: rows.map(([gap, it]) => ({ line: (line += gap), ...it }) as BatchItem) };
  });

describe('a batch as it crosses to a worker', () => {
  it('property: packed, cloned as a message is, and unpacked, it is the batch it was', () => {
    fc.assert(
      fc.property(batch, (b) => {
        const packed = packBatch(b);
        const moved = structuredClone(packed, { transfer: [packed.shape.buffer] });
        expect(unpackBatch(moved)).toEqual(b);
      }),
      { numRuns: 300 },
    );
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
