import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBreaching, breachableCodes, orderInProgress, proposedOrder, validOrder } from '../../src/arbitraries/index.js';
import { createValidator, InvalidOrderError, type ValidationResult } from '../../src/index.js';
import { batchResult, recordText, type LineRecord } from '../../src/cli/batch-record.js';
import { repoRoot } from './support.js';

const validator = createValidator();
const atSentence = createValidator({ stage: 'sentence' });

/** The full record as it was first written: the batch result built as an object, then stringified whole. */
const reference = (record: LineRecord): string =>
  JSON.stringify('result' in record ? { line: record.line, ...(record.id === undefined ? {} : { id: record.id }), result: batchResult(record.result) } : record);

const resultOf = (order: unknown): ValidationResult | undefined => {
  try {
    return validator.validateSync(order);
  } catch (error) {
    if (error instanceof InvalidOrderError) return undefined;
    throw error;
  }
};

const expectSame = (result: ValidationResult, line = 1, id?: string) => {
  const record: LineRecord = id === undefined ? { line, result } : { line, id, result };
  expect(recordText(record, 'full')).toBe(reference(record));
};

describe('a full batch record, written as text', () => {
  it('is byte for byte what stringifying the batch result writes, for every example', () => {
    for (const file of readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.json'))) {
      const result = resultOf(JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')));
      if (result) expectSame(result, 7, 'CRN-1');
    }
  });

  it('property: the same text for generated orders, lawful, in progress, breaching and any', () => {
    const codes = breachableCodes;
    const order = fc.oneof(validOrder(), orderInProgress(), proposedOrder(), fc.constantFrom(...codes).chain((code) => orderBreaching(code)));
    fc.assert(
      fc.property(order, fc.nat(1_000_000), fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }), (o, line, id) => {
        for (const v of [validator, atSentence]) {
          let result: ValidationResult;
          try {
            result = v.validateSync(o);
          } catch (error) {
            if (error instanceof InvalidOrderError) return;
            throw error;
          }
          expectSame(result, line, id);
          // Twice: the second time the citations come from the cache.
          expectSame(result, line, id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes a hand-made result the same way, odd members and unfrozen citations included', () => {
    const citations = [{ source: 'S', provision: 'p' }];
    const finding = { code: 'X', kind: 'invalid', requirementIndex: 0, message: 'm "quoted"\n', facts: { 'a.b': null, c: undefined }, citations, confidence: 'verified' };
    const result = {
      ok: false,
      extra: undefined,
      regime: { id: 'r', date: '2006-01-01' },
      requirements: [{ index: 0, kind: 'supervision', valid: false, note: undefined, findings: [finding, { ...finding, kind: 'tension' }] }, { index: 1, kind: 'unpaid-work', valid: true, findings: [] }],
      breaches: [],
      tensions: [{ ...finding, kind: 'tension' }],
      advisories: [{ ...finding, kind: 'advisory', requirementIndex: undefined }],
      trace: [{ rule: 'r', fired: true }],
    } as unknown as ValidationResult;
    expectSame(result);
    citations.push({ source: 'T', provision: 'q' });
    expectSame(result, 2, 'id "with" quotes');
  });

  it('writes codes, kinds and confidences that are not strings as stringifying would, and strings that need escaping', () => {
    const odd = [undefined, 7, null, { code: 'X' }, 'C "quoted"\u2028', 'C\ud800'];
    const findings = odd.map((code, i) => ({ code, kind: i % 2 ? 'invalid' : odd[i], requirementIndex: 0, message: 'm', facts: {}, citations: [], confidence: odd[(i + 1) % odd.length] }));
    const result = {
      ok: false,
      requirements: [{ index: 0, kind: 'supervision', valid: false, findings }],
      breaches: findings.filter((_, i) => i % 2 === 0),
      tensions: [],
      advisories: [],
    } as unknown as ValidationResult;
    expectSame(result);
    expectSame(result, 2);
  });

  it('error records are unchanged', () => {
    const record: LineRecord = { line: 3, id: 'C', error: { message: 'bad', issues: [{ path: ['a', 0], message: 'x' } as never] } };
    expect(recordText(record, 'full')).toBe(reference(record));
  });
});
