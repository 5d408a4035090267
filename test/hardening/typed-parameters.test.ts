import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator, ParameterError } from '../../src/index.js';
import { BUNDLED_PARAMETERS, parameterTable } from '../../src/engine/bundled.js';
import { MAX_SERIES_LENGTH } from '../../src/law/parameters.js';
import { PARAMETER_TYPES, typeProblem } from '../../src/law/parameter-types.js';
import { cli, ndjson } from '../cli/support.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';
import { thrownBy } from './support.js';

const dated = (from: string, value: unknown) => ({ from, value, source: 'Local policy note', confidence: 'M' });

function refusal(parameters: Record<string, unknown>): ParameterError {
  const error = thrownBy(() => createValidator({ parameters }));
  expect(error).toBeInstanceOf(ParameterError);
  return error as ParameterError;
}

/** A 39-month order: over the 36-month limit, so a limit switched off by a typo would say "ok". */
const thirtyNineMonths = () => {
  const o = clone(lawfulMediumDrr());
  (o.sentence as { endDate: string }).endDate = '2009-06-01';
  return o;
};

describe('every bundled parameter declares its type, and its values fit it', () => {
  it('each definition in rules/parameters has a type from the closed set', () => {
    for (const file of readdirSync('rules/parameters')) {
      const { parameters } = JSON.parse(readFileSync(join('rules/parameters', file), 'utf8')) as { parameters: Record<string, { type?: string }> };
      for (const [name, definition] of Object.entries(parameters)) expect(PARAMETER_TYPES, `${file} ${name}`).toContain(definition.type);
    }
  });

  it('a parameter file without a type is refused, naming the parameter', () => {
    const data = { title: 'Local', parameters: { 'local.cap': { description: 'Test', keyedOn: 'sentence', values: [dated('1990-01-01', 3)] } } };
    const error = thrownBy(() => parameterTable([{ file: 'local.json', data }])) as ParameterError;
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('local.cap');
    expect(error.message).toMatch(/type/);
  });

  it('a parameter file whose value does not fit its type is refused, naming the parameter and the date', () => {
    const data = { title: 'Local', parameters: { 'local.cap': { description: 'Test', type: 'integer-months', keyedOn: 'sentence', values: [dated('1990-01-01', 3), dated('2001-02-03', '4')] } } };
    const error = thrownBy(() => parameterTable([{ file: 'local.json', data }])) as ParameterError;
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.parameter).toBe('local.cap');
    expect(error.message).toMatch(/2001-02-03/);
  });
});

describe('overrides of the wrong type are refused, naming the parameter and the date', () => {
  it('the control: a well-typed override loads and bites', async () => {
    const v = createValidator({ parameters: { 'communityOrder.maxMonths': [dated('2005-04-04', 24)] } });
    expect((await v.validate(lawfulMediumDrr())).breaches.map((f) => f.code)).toEqual([]);
    expect((await v.validate(thirtyNineMonths())).breaches.map((f) => f.code)).toContain('ORDER_TOO_LONG');
    expect((await createValidator().validate(thirtyNineMonths())).breaches.map((f) => f.code)).toContain('ORDER_TOO_LONG');
  });

  const WRONG: readonly [string, unknown][] = [
    ['"36 months"', '36 months'],
    ['"abc"', 'abc'],
    ['"36", a number written as a string', '36'],
    ['true', true],
    ['a negative count', -3],
    ['a fraction where a whole number is meant', 2.5],
  ];
  for (const [what, value] of WRONG) {
    it(`refuses ${what} in a dated series`, () => {
      const error = refusal({ 'communityOrder.maxMonths': [dated('2005-04-04', 36), dated('2012-12-03', value)] });
      expect(error.parameter).toBe('communityOrder.maxMonths');
      expect(error.from).toBe('2012-12-03');
      expect(error.message).toContain('communityOrder.maxMonths');
      expect(error.message).toContain('2012-12-03');
      expect(error.message).toContain('integer-months');
    });

    it(`refuses ${what} as one value for every date`, () => {
      const error = refusal({ 'communityOrder.maxMonths': value });
      expect(error.parameter).toBe('communityOrder.maxMonths');
      expect(error.message).toMatch(/communityOrder\.maxMonths.*1990-01-01/);
    });

    it(`refuses ${what} in a full definition`, () => {
      const error = refusal({ 'local.cap': { description: 'Local cap', type: 'integer-months', keyedOn: 'sentence', values: [dated('2001-01-01', value)] } });
      expect(error.parameter).toBe('local.cap');
      expect(error.from).toBe('2001-01-01');
      expect(error.message).toContain('2001-01-01');
    });
  }

  it('refuses a number where a boolean is meant, and a boolean where a date is meant', () => {
    expect(refusal({ 'availability.curfew': 1 }).message).toMatch(/not true or false/);
    expect(refusal({ 'dtto.earliestOffence': true }).message).toMatch(/not a date/);
  });

  it('accepts null ("no such rule then") for any type, and each type its own values', () => {
    expect(() => createValidator({ parameters: { 'communityOrder.maxMonths': [dated('2005-04-04', null)], 'availability.curfew': false, 'dtto.earliestOffence': '1999-01-01', 'assessment.ppoOgrsPercent': 62.5 } })).not.toThrow();
  });

  it('refuses a type outside the closed set in a full definition', () => {
    expect(refusal({ 'local.cap': { description: 'Local cap', type: 'furlongs', keyedOn: 'sentence', values: [dated('2001-01-01', 3)] } }).message).toMatch(/type/);
  });

  it('every type accepts null and refuses a string that is not its own', () => {
    for (const type of PARAMETER_TYPES) {
      expect(typeProblem(type, null)).toBeUndefined();
      expect(typeProblem(type, '36 months'), type).toBeDefined();
    }
  });
});

describe('an override that a bundled rule cannot read', () => {
  it('a null the bundled rules compare without a guard is refused as the override it is, not blamed on the bundled pack', () => {
    const error = refusal({ 'dtto.earliestOffence': [dated('1990-01-01', null)] });
    expect(error.parameter).toBe('dtto.earliestOffence');
    expect(error.message).toMatch(/^Parameter overrides make dtto\.earliestOffence null on some dates, but the bundled rule/);
  });

  it('the control: a date there is accepted', () => {
    expect(() => createValidator({ parameters: { 'dtto.earliestOffence': [dated('1990-01-01', '1998-09-30')] } })).not.toThrow();
  });
});

describe('series order and length', () => {
  it('the control: a series in date order is accepted', () => {
    const v = createValidator({ parameters: { 'drr.minMonths': [dated('2005-04-04', 6), dated('2009-01-01', 9)] } });
    expect(v.parameters['drr.minMonths']!.values.at(-1)!.value).toBe(9);
  });

  it('refuses an override series out of date order instead of sorting it', () => {
    const error = refusal({ 'drr.minMonths': [dated('2009-01-01', 9), dated('2005-04-04', 6)] });
    expect(error.parameter).toBe('drr.minMonths');
    expect(error.message).toMatch(/out of date order/);
    expect(error.from).toBe('2005-04-04');
  });

  it(`refuses a series of more than ${MAX_SERIES_LENGTH} entries at once, with one short message`, () => {
    const series = Array.from({ length: 2_000_000 }, () => dated('2005-04-04', 'not a number'));
    const started = performance.now();
    const error = refusal({ 'drr.minMonths': series });
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.parameter).toBe('drr.minMonths');
    expect(error.message).toContain('drr.minMonths');
    expect(error.message).toContain(String(MAX_SERIES_LENGTH));
    expect(error.message.length).toBeLessThan(200);
  });

  it(`accepts a daily series of ${MAX_SERIES_LENGTH} entries`, () => {
    const series = Array.from({ length: MAX_SERIES_LENGTH }, (_, i) => dated(new Date(Date.UTC(2005, 3, 4 + i)).toISOString().slice(0, 10), 6 + (i % 3)));
    expect(createValidator({ parameters: { 'drr.minMonths': series } }).parameters['drr.minMonths']!.values.length).toBeGreaterThanOrEqual(MAX_SERIES_LENGTH);
  });

  it('a thousand badly typed entries give a message of bounded length', () => {
    const values = Array.from({ length: MAX_SERIES_LENGTH }, (_, i) => dated(new Date(Date.UTC(2005, 3, 4 + i)).toISOString().slice(0, 10), 'x'));
    const error = refusal({ 'local.cap': { description: 'Local cap', type: 'integer-months', keyedOn: 'sentence', values } });
    expect(error.message.length).toBeLessThan(1000);
  });
});

describe('the CLI exits 2 on a badly typed override', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'proportionate-typed-'));
  const fileOf = (name: string, value: unknown) => {
    const path = join(scratch, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  const typo = fileOf('typo.json', { 'communityOrder.maxMonths': '36 months' });
  const good = fileOf('good.json', { 'communityOrder.maxMonths': 36 });

  it('impact --parameters: the control exits 0, the typo exits 2 naming the parameter', async () => {
    expect((await cli(['impact', '--parameters', good, '-'], { stdin: ndjson([lawfulMediumDrr()]) })).code).toBe(0);
    const run = await cli(['impact', '--parameters', typo, '-'], { stdin: ndjson([lawfulMediumDrr()]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('communityOrder.maxMonths');
  });

  it('check --parameters: the control exits 1 on a 39-month order, the typo exits 2 instead of "ok"', async () => {
    expect((await cli(['check', '--parameters', good, '-'], { stdin: JSON.stringify(thirtyNineMonths()) })).code).toBe(1);
    const run = await cli(['check', '--parameters', typo, '-'], { stdin: JSON.stringify(thirtyNineMonths()) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('communityOrder.maxMonths');
  });
});

describe('the bundled table', () => {
  it('keeps the type on every definition it loads', () => {
    for (const [name, definition] of Object.entries(BUNDLED_PARAMETERS)) expect(PARAMETER_TYPES, name).toContain(definition.type);
  });
});
