import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, CaseFileError, JsonPatchError, loadCases, runCases } from '../../src/cases/index.js';
import { lawfulMediumDrr } from '../support/orders.js';
import { cli } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'proportionate-cases-'));
let n = 0;
/** A fresh folder holding the files given (YAML as text, anything else as JSON). */
function folder(files: Record<string, unknown>): string {
  const dir = join(scratch, `set-${n++}`);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const plainCase = (expect: Record<string, unknown>, name = 'a lawful medium DRR') => ({ name, input: lawfulMediumDrr(), expect });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('proportionate test: the project cases', () => {
  it('runs test/cases and closes with "N passed, 0 failed"', async () => {
    const run = await cli(['test', 'test/cases']);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(lastLine(run.stdout)).toMatch(/^(\d+) passed, 0 failed$/);
    expect(run.code).toBe(0);
  });

  it('runs the same cases through json-rules-engine', async () => {
    const run = await cli(['test', '--evaluator', 'json-rules-engine', 'test/cases']);
    expect(lastLine(run.stdout)).toMatch(/^\d+ passed, 0 failed$/);
    expect(run.code).toBe(0);
  });
});

describe('proportionate test: passing and failing cases', () => {
  it('a plain JSON case { name, input, expect: { ok, present, absent } } is a valid case', async () => {
    const dir = folder({ 'plain.json': plainCase({ ok: true, present: [], absent: ['DRR_PERIOD_TOO_SHORT', 'STANDALONE_DRR'] }) });
    const run = await cli(['test', dir]);
    expect(run.stdout).toBe('1 passed, 0 failed\n');
    expect(run.code).toBe(0);
  });

  it('a deliberately wrong case fails with exit 1 and says what differed', async () => {
    const dir = folder({ 'wrong.json': plainCase({ ok: false, present: ['STANDALONE_DRR'] }, 'wrongly expects a stand-alone DRR') });
    const run = await cli(['test', dir]);
    expect(run.code).toBe(1);
    const [failure, summary] = run.stdout.trimEnd().split('\n');
    expect(failure).toMatch(/^FAIL .*wrong\.json: wrongly expects a stand-alone DRR: /);
    expect(failure).toContain('ok: expected false, got true');
    expect(failure).toContain('missing STANDALONE_DRR (found: none)');
    expect(summary).toBe('0 passed, 1 failed');
  });

  it('names an unexpected code with its kind and where it is', async () => {
    const input = lawfulMediumDrr();
    input.requirements = [input.requirements[0]!];
    const dir = folder({ 'absent.json': { name: 'no supervision', input, expect: { absent: ['STANDALONE_DRR'] } } });
    const run = await cli(['test', dir]);
    expect(run.stdout).toContain('no supervision: unexpected STANDALONE_DRR (tension, requirement 1)');
    expect(run.code).toBe(1);
  });

  it('checks the regime, a confidence, exactly and per requirement (counted from 1), each able to fail', async () => {
    const dir = folder({
      'many.yaml': `
- name: right
  input: ./order.json
  expect:
    regime: { id: cja-2003, decidedBy: offenceDate }
    exactly: []
    requirements:
      1: { valid: true, absent: [DRR_PERIOD_TOO_SHORT] }
      2: { valid: true }
- name: wrong
  input: ./order.json
  options: { parameters: { drr.minMonths: 18 } }
  expect:
    regime: pcsc-2022
    exactly: []
    confidence: { DRR_PERIOD_TOO_SHORT: verified }
    requirements:
      1: { valid: true }
      2: { present: [DRR_PERIOD_TOO_SHORT] }
      3: { valid: true }
`,
      'order.json': lawfulMediumDrr(),
    });
    const cases = loadCases([join(dir, 'many.yaml')]);
    const [right, wrong] = await runCases(cases);
    expect(right!.differences).toEqual([]);
    expect(wrong!.differences).toEqual([
      expect.stringMatching(/^expected exactly \[\], got \[DRR_PERIOD_TOO_SHORT\]/),
      'requirement 1 (drug-rehabilitation): expected valid, got invalid',
      'requirement 2 (supervision): missing DRR_PERIOD_TOO_SHORT (found: none)',
      'requirement 3: the order has 2 requirements',
      'regime id: expected pcsc-2022, got cja-2003',
      'confidence of DRR_PERIOD_TOO_SHORT (requirement 1): expected verified, got unverified',
    ]);
  });

  it('runs options: inline parameters change the outcome, and an extra pack by path adds its codes', async () => {
    const pack = {
      id: 'local/medium-band',
      title: 'Local',
      law: 'A local note (test)',
      scope: 'order',
      rules: [
        {
          name: 'LOCAL_MEDIUM_BAND',
          conditions: { all: [{ fact: 'order.band', operator: 'equal', value: 'medium' }] },
          event: { type: 'LOCAL_MEDIUM_BAND', params: { kind: 'advisory', message: 'Medium.', facts: [], citations: [{ source: 'Local note', provision: 'para 1' }], confidence: 'unverified' } },
        },
      ],
    };
    const dir = folder({
      'packs/local.json': pack,
      'cases.json': [
        { ...plainCase({ ok: false, requirements: { 1: { present: ['DRR_PERIOD_TOO_SHORT'] } } }, 'eighteen months minimum'), options: { parameters: { 'drr.minMonths': 18 } } },
        { ...plainCase({ present: ['LOCAL_MEDIUM_BAND'] }, 'local pack'), options: { rules: ['packs/local.json'] } },
      ],
    });
    const run = await cli(['test', join(dir, 'cases.json')]);
    expect(run.stdout).toBe('2 passed, 0 failed\n');
  });

  it('--evaluator json-rules-engine gives the same verdicts; an unknown evaluator is a usage error', async () => {
    const dir = folder({ 'a.json': plainCase({ ok: true }), 'b.json': plainCase({ ok: false }, 'wrong') });
    const run = await cli(['test', '--evaluator', 'json-rules-engine', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL .*b\.json: wrong: ok: expected false, got true\n1 passed, 1 failed\n$/);
    const bad = await cli(['test', '--evaluator', 'nope', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--evaluator must be one of compiled, json-rules-engine');
  });

  it('a folder is searched for .yaml, .yml and .json files, skipping names that start with "_"', async () => {
    const dir = folder({ 'a.json': plainCase({ ok: true }), 'sub/b.yml': `name: b\ninput: ../_base.json\nexpect: { ok: true }\n`, '_base.json': lawfulMediumDrr(), 'notes.txt': 'not a case' });
    const run = await cli(['test', dir]);
    expect(run.stdout).toBe('2 passed, 0 failed\n');
  });
});

describe('extends and patch', () => {
  const base = () =>
    folder({
      'base.yaml': `- name: base\n  input: ./_order.json\n  expect: { ok: true, absent: [DRR_INTENSITY_EXCEEDS_SERIOUSNESS] }\n- name: other\n  input: ./_order.json\n  expect: { ok: true }\n`,
      '_order.json': lawfulMediumDrr(),
    });

  it('a case extends a base in another file by path#name and patches it (RFC 6902), leaving the base as written', async () => {
    const dir = base();
    writeFileSync(
      join(dir, 'derived.yaml'),
      `name: low seriousness
extends: base.yaml#base
patch:
  - { op: test, path: /offences/0/seriousness, value: medium }
  - { op: replace, path: /offences/0/seriousness, value: low }
expect: { ok: false, present: [DRR_INTENSITY_EXCEEDS_SERIOUSNESS] }
`,
    );
    const run = await cli(['test', dir]);
    expect(run.stdout).toBe('3 passed, 0 failed\n');
  });

  it('a case extends another in its own file by #name, and inherits its options', async () => {
    const dir = folder({
      'cases.yaml': `- name: minimum 18
  input: ./_order.json
  options: { parameters: { drr.minMonths: 18 } }
  expect: { ok: false }
- name: eighteen months meets it
  extends: '#minimum 18'
  patch:
    - { op: replace, path: /requirements/0/months, value: 18 }
    - { op: add, path: /requirements/0/reviewIntervalMonths, value: 1 }
  expect: { requirements: { 1: { absent: [DRR_PERIOD_TOO_SHORT] } } }
`,
      '_order.json': lawfulMediumDrr(),
    });
    const run = await cli(['test', dir]);
    expect(run.stdout).toBe('2 passed, 0 failed\n');
  });

  it('a failing patch test is a malformed case, naming the operation', async () => {
    const dir = base();
    writeFileSync(join(dir, 'bad.yaml'), `name: bad\nextends: base.yaml#base\npatch:\n  - { op: test, path: /offences/0/seriousness, value: high }\nexpect: { ok: true }\n`);
    const run = await cli(['test', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml: case "bad": patch\.0: test \/offences\/0\/seriousness: /);
  });

  it('refuses a base file of several cases without a name, a missing name, and a cycle', async () => {
    const dir = base();
    writeFileSync(join(dir, 'x.yaml'), `name: x\nextends: base.yaml\nexpect: { ok: true }\n`);
    expect((await cli(['test', join(dir, 'x.yaml')])).stderr).toMatch(/x\.yaml: case "x": extends: base\.yaml holds 2 cases: name the one to extend/);
    writeFileSync(join(dir, 'y.yaml'), `name: y\nextends: base.yaml#nope\nexpect: { ok: true }\n`);
    expect((await cli(['test', join(dir, 'y.yaml')])).stderr).toMatch(/extends: base\.yaml has no case named "nope"/);
    writeFileSync(join(dir, 'z.yaml'), `- { name: a, extends: '#b', expect: { ok: true } }\n- { name: b, extends: '#a', expect: { ok: true } }\n`);
    const cycle = await cli(['test', join(dir, 'z.yaml')]);
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/extends: cases extend each other in a cycle/);
  });
});

describe('malformed case files exit 2, naming the file and the field', () => {
  const malformed: [string, unknown, RegExp][] = [
    ['a misspelt field', { ...plainCase({ ok: true }), expects: {} }, /: case "a lawful medium DRR": expects: unknown field/],
    ['a misspelt expectation', plainCase({ ok: true, presnt: ['X'] }), /expect\.presnt: unknown field/],
    ['an empty expectation', plainCase({}), /expect: expect must say something/],
    ['a code no rule defines (a typo would make absent unfailable)', plainCase({ absent: ['DRR_NOT_WILING'] }), /expect\.absent\.0: no rule defines the code DRR_NOT_WILING/],
    ['a code that is not UPPER_SNAKE_CASE', plainCase({ present: ['drr'] }), /expect\.present\.0: Finding codes are UPPER_SNAKE_CASE/],
    ['requirements counted from 0', plainCase({ requirements: { 0: { valid: true } } }), /expect\.requirements\.0: Requirements are numbered from 1/],
    ['no name', { input: lawfulMediumDrr(), expect: { ok: true } }, /name: /],
    ['both input and extends', { ...plainCase({ ok: true }), extends: 'x.json' }, /input: a case needs exactly one of input or extends/],
    ['an input that is not a proposed order', { name: 'bad input', input: { ...lawfulMediumDrr(), sentenceDate: '2006-02-30' }, expect: { ok: true } }, /case "bad input": input: sentenceDate: /],
    ['a parameter override the validator refuses', { ...plainCase({ ok: true }), options: { parameters: { 'no.suchParameter': [1] } } }, /options: .*no\.suchParameter/],
    ['an unknown stage', { ...plainCase({ ok: true }), options: { stage: 'trial' } }, /options\.stage: /],
  ];
  for (const [what, content, message] of malformed) {
    it(`refuses ${what}`, async () => {
      const dir = folder({ 'case.json': content });
      const run = await cli(['test', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^proportionate: malformed case file: .*case\.json/);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    });
  }

  it('names the case by its index in a list', async () => {
    const dir = folder({ 'list.json': [plainCase({ ok: true }), { name: 'second', input: lawfulMediumDrr(), expect: { ok: 'yes' } }] });
    const run = await cli(['test', dir]);
    expect(run.stderr).toMatch(/list\.json: case "second": \[1\]\.expect\.ok: /);
  });

  it('refuses bad YAML, a missing path and no path at all', async () => {
    const dir = folder({ 'bad.yaml': 'name: [unclosed\n' });
    const yaml = await cli(['test', dir]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/bad\.yaml: not valid YAML/);
    const missing = await cli(['test', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    expect((await cli(['test'])).code).toBe(2);
  });

  it('throws CaseFileError from the library, with file, field and case', () => {
    const dir = folder({ 'case.json': plainCase({ ok: 'no' }) });
    try {
      loadCases([dir]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CaseFileError);
      expect(error).toMatchObject({ field: 'expect.ok', caseName: 'a lawful medium DRR' });
      expect((error as CaseFileError).file).toMatch(/case\.json$/);
    }
  });
});

describe('the RFC 6902 patch', () => {
  const doc = () => ({ a: { 'b/c': [1, 2, 3], 'd~e': 'x' }, f: null as unknown });

  it('adds, removes, replaces and tests, with ~0 and ~1 escapes', () => {
    const out = applyPatch(doc(), [
      { op: 'test', path: '/a/d~0e', value: 'x' },
      { op: 'add', path: '/a/b~1c/1', value: 9 },
      { op: 'add', path: '/a/b~1c/-', value: 4 },
      { op: 'remove', path: '/a/b~1c/0' },
      { op: 'replace', path: '/f', value: { g: true } },
      { op: 'test', path: '/f', value: { g: true } },
    ]);
    expect(out).toEqual({ a: { 'b/c': [9, 2, 3, 4], 'd~e': 'x' }, f: { g: true } });
  });

  it('refuses what RFC 6902 refuses, naming the operation', () => {
    const cases: [unknown, RegExp][] = [
      [{ op: 'replace', path: '/nope', value: 1 }, /no member "nope"/],
      [{ op: 'remove', path: '/a/b~1c/3' }, /out of range/],
      [{ op: 'test', path: '/a/d~0e', value: 'y' }, /is not "y"/],
      [{ op: 'test', path: '/missing', value: 1 }, /nothing at/],
      [{ op: 'add', path: 'a', value: 1 }, /JSON Pointer/],
    ];
    for (const [op, message] of cases) {
      try {
        applyPatch(doc(), [{ op: 'test', path: '/f', value: null }, op as never]);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(JsonPatchError);
        expect((error as JsonPatchError).index).toBe(1);
        expect((error as JsonPatchError).problem).toMatch(message);
      }
    }
  });

  it('never mutates the document or the values in the patch (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (start, value) => {
        const document = { start, list: [start] };
        const before = JSON.stringify(document);
        const patch = [
          { op: 'replace', path: '/start', value },
          { op: 'add', path: '/list/0', value },
          { op: 'test', path: '/list/0', value },
        ] as const;
        const out = applyPatch(document, patch) as { start: unknown; list: unknown[] };
        expect(JSON.stringify(document)).toBe(before);
        expect(out.list).toHaveLength(2);
        expect(out.list[0]).not.toBe(value === null || typeof value !== 'object' ? {} : value);
      }),
    );
  });
});
