import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseIdFromText, caseIdOf } from '../../src/cli/case-id.js';

describe('the case reference of a batch line', () => {
  it('of a parsed line: a string id the schema would accept, and nothing else', () => {
    expect(caseIdOf({ id: 'CRN-X1' })).toBe('CRN-X1');
    for (const value of [{ id: 7 }, { id: '' }, { id: 'x'.repeat(101) }, { id: null }, ['CRN'], 'CRN', null, {}, Object.create({ id: 'inherited' })]) expect(caseIdOf(value)).toBeUndefined();
  });

  it.each([
    ['a line cut short after the id', '{"id": "A1", "offender": {"dateOfBirth": "19', 'A1'],
    ['an id after a complete value', '{"offender": {"a": [1, "x}"]}, "id": "A2", "b": tru', 'A2'],
    ['escapes in the id', '{"id": "A\\u0033\\"q", "x": ', 'A3"q'],
    ['the last of two ids, as JSON.parse takes it', '{"id": "first", "id": "second", "x": [', 'second'],
    ['an id cut short', '{"id": "A4', undefined],
    ['an id after the damage', '{"offender": [}, "id": "A5"}', undefined],
    ['an id after a bad number', '{"a": 01, "id": "A6"}', undefined],
    ['an id inside another object', '{"offender": {"id": "A7"', undefined],
    ['an id that is not a string', '{"id": 8, "x": ', undefined],
    ['a later id that is not a string', '{"id": "A9", "id": {}, "x": ', undefined],
    ['not an object', '["id", "A10"', undefined],
    ['nothing', '', undefined],
  ])('from a line that is not valid JSON: %s', (_label, text, id) => {
    expect(caseIdFromText(text)).toBe(id);
  });

  it('property: read from any prefix of a JSON object, the id is either the one JSON.parse gives or none', () => {
    const caseId = fc.string({ minLength: 1, maxLength: 100 });
    const other = fc.dictionary(
      fc.string({ maxLength: 6 }).filter((k) => k !== 'id'),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(other, caseId, other, fc.nat(), (before, id, after, cut) => {
        const text = JSON.stringify({ ...before, id, ...after });
        expect(caseIdFromText(text)).toBe(id);
        const prefix = text.slice(0, cut % (text.length + 1));
        expect([undefined, id]).toContain(caseIdFromText(prefix));
      }),
      { numRuns: 500 },
    );
  });

  it('property: never throws, and whatever it returns is a bounded string found in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const id = caseIdFromText(`{"id": ${text}`);
        if (id !== undefined) expect(id.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 500 },
    );
  });

  it('is linear in the line: a deeply nested megabyte is scanned at once', () => {
    const deep = `{"a": ${'['.repeat(500_000)}${']'.repeat(500_000)}, "id": "DEEP"`;
    const start = performance.now();
    expect(caseIdFromText(deep)).toBe('DEEP');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
