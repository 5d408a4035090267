import { describe, expect, it } from 'vitest';
import { applyPatch, hasPath, JsonPatchError, parsePointer, pointer, setOp } from '../../src/advice/json-patch.js';
import { requirementOrigins } from '../../src/advice/verify.js';

describe('RFC 6901 pointers', () => {
  it('escapes ~ and / and reads them back', () => {
    expect(pointer('a/b', 'c~d', 0)).toBe('/a~1b/c~0d/0');
    expect(parsePointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(parsePointer('')).toEqual([]);
  });
  it('refuses a pointer without a leading slash or with a bad escape', () => {
    expect(() => parsePointer('a')).toThrow(JsonPatchError);
    expect(() => parsePointer('/a~2')).toThrow(JsonPatchError);
  });
});

describe('RFC 6902 add, remove, replace', () => {
  const doc = { requirements: [{ kind: 'supervision' }, { kind: 'unpaid-work', hours: 320 }], sentence: { type: 'dtto' } };

  it('adds at the end of an array with -, inserts at an index, and adds a member', () => {
    expect(applyPatch(doc, [{ op: 'add', path: '/requirements/-', value: { kind: 'curfew' } }])).toMatchObject({ requirements: [{}, {}, { kind: 'curfew' }] });
    expect(applyPatch<typeof doc>(doc, [{ op: 'add', path: '/requirements/0', value: { kind: 'x' } }]).requirements.map((r) => r.kind)).toEqual(['x', 'supervision', 'unpaid-work']);
    expect(applyPatch(doc, [{ op: 'add', path: '/sentence/fine', value: true }])).toMatchObject({ sentence: { type: 'dtto', fine: true } });
  });

  it('replaces and removes existing members only', () => {
    expect(applyPatch(doc, [{ op: 'replace', path: '/requirements/1/hours', value: 300 }])).toMatchObject({ requirements: [{}, { hours: 300 }] });
    expect(applyPatch<typeof doc>(doc, [{ op: 'remove', path: '/requirements/0' }]).requirements).toHaveLength(1);
    expect(() => applyPatch(doc, [{ op: 'replace', path: '/sentence/fine', value: true }])).toThrow(JsonPatchError);
    expect(() => applyPatch(doc, [{ op: 'remove', path: '/requirements/5' }])).toThrow(JsonPatchError);
    expect(() => applyPatch(doc, [{ op: 'add', path: '/nothing/here', value: 1 }])).toThrow(JsonPatchError);
  });

  it('never changes the document it is given', () => {
    const before = JSON.stringify(doc);
    applyPatch(doc, [{ op: 'remove', path: '/requirements/1/hours' }, { op: 'add', path: '/requirements/-', value: {} }, { op: 'replace', path: '/sentence/type', value: 'community-order' }]);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('chooses add or replace by what the input has', () => {
    expect(hasPath(doc, '/requirements/1/hours')).toBe(true);
    expect(setOp(doc, '/requirements/1/hours', 1).op).toBe('replace');
    expect(setOp(doc, '/requirements/0/hours', 1).op).toBe('add');
  });
});

describe('requirement indices across a patch', () => {
  it('maps each patched requirement to its original index', () => {
    expect(requirementOrigins([{ op: 'add', path: '/requirements/-', value: {} }], 2)).toEqual([0, 1, undefined]);
    expect(requirementOrigins([{ op: 'remove', path: '/requirements/0' }], 3)).toEqual([1, 2]);
    expect(requirementOrigins([{ op: 'replace', path: '/requirements/1/hours', value: 1 }], 2)).toEqual([0, 1]);
  });
});
