import { describe, expect, it } from 'vitest';
import { createValidator, ParameterError } from '../../src/index.js';
import { BUNDLED_PARAMETERS, parameterTable } from '../../src/engine/bundled.js';
import { lawfulMediumDrr } from '../support/orders.js';
import { thrownBy } from './support.js';

const value = (from: string, v: number | null, extra: Record<string, unknown> = {}) => ({ from, value: v, source: 'Test source', confidence: 'M', ...extra });
const definition = (values: unknown[], keyedOn = 'sentence') => ({ description: 'Test parameter', type: 'rank', keyedOn, values });
const BANDS = ['low', 'medium', 'high', 'custody'];

function overrideRefusal(parameters: Record<string, unknown>): ParameterError {
  const error = thrownBy(() => createValidator({ parameters }));
  expect(error).toBeInstanceOf(ParameterError);
  return error as ParameterError;
}

function fileRefusal(parameters: Record<string, unknown>, file = 'rules/parameters/local.json'): ParameterError {
  const error = thrownBy(() => parameterTable([{ file, data: { title: 'Local', parameters } }]));
  expect(error).toBeInstanceOf(ParameterError);
  expect((error as ParameterError).file).toBe(file);
  expect((error as ParameterError).message.startsWith(`${file}: `)).toBe(true);
  return error as ParameterError;
}

describe('the control', () => {
  it('a dated override reaches the results (so a refused one would have mattered)', async () => {
    const codes = async (parameters?: Record<string, unknown>) => (await createValidator({ parameters }).validate(lawfulMediumDrr())).requirements[0]!.findings.map((f) => f.code);
    expect(await codes()).not.toContain('DRR_PERIOD_TOO_SHORT');
    expect(await codes({ 'drr.minMonths': [value('2005-04-04', 18)] })).toContain('DRR_PERIOD_TOO_SHORT');
  });

  it('the bundled parameter files pass the same checks', () => {
    expect(Object.keys(BUNDLED_PARAMETERS).length).toBeGreaterThan(50);
  });

  it('a complete band family starting on one date loads from a file', () => {
    const table = parameterTable([{ file: 'local.json', data: { title: 'Local', parameters: Object.fromEntries(BANDS.map((b) => [`local.cap.${b}`, definition([value('2005-04-04', 1)])])) } }]);
    expect(Object.keys(table)).toHaveLength(4);
  });
});

describe('overlapping dates', () => {
  it('refuses an override series with two values from the same day, naming the parameter and the value', () => {
    const error = overrideRefusal({ 'drr.minMonths': [value('2010-01-01', 3), value('2010-01-01', 4)] });
    expect(error.parameter).toBe('drr.minMonths');
    expect(error.message).toMatch(/drr\.minMonths/);
    expect(error.message).toMatch(/\d\.from: Dates overlap/);
  });

  it('refuses a full definition whose values overlap', () => {
    const error = overrideRefusal({ 'local.cap': definition([value('2005-04-04', 1), value('2005-04-04', 2)]) });
    expect(error.parameter).toBe('local.cap');
    expect(error.message).toMatch(/values\.1\.from: Dates overlap or are out of order: 2005-04-04 is not after 2005-04-04/);
  });

  it('refuses a full definition whose values are out of order', () => {
    expect(overrideRefusal({ 'local.cap': definition([value('2010-01-01', 1), value('2005-04-04', 2)]) }).message).toMatch(/out of order/);
  });

  it('refuses a file whose parameter values overlap, naming the file, the parameter and the value', () => {
    const error = fileRefusal({ 'local.cap': definition([value('2005-04-04', 1), value('2005-04-04', 2)]) });
    expect(error.parameter).toBe('local.cap');
    expect(error.message).toContain('parameter local.cap values.1.from');
  });

  it('refuses a parameter defined in two files, naming both', () => {
    const data = { title: 'Local', parameters: { 'local.cap': definition([value('2005-04-04', 1)]) } };
    const error = thrownBy(() => parameterTable([{ file: 'a.json', data }, { file: 'b.json', data }])) as ParameterError;
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.message).toBe('b.json: parameter local.cap is also defined in a.json');
  });

  it('accepts an override series that replaces the bundled values from its first day on', () => {
    const v = createValidator({ parameters: { 'drr.minMonths': [value('2005-04-04', 6), value('2009-01-01', 9)] } });
    const kept = BUNDLED_PARAMETERS['drr.minMonths']!.values.filter((x) => x.from < '2005-04-04').map((x) => x.from);
    expect(v.parameters['drr.minMonths']!.values.map((x) => x.from)).toEqual([...kept, '2005-04-04', '2009-01-01']);
  });
});

describe('gaps', () => {
  it('refuses a band family without its custody member: a custody case would read nothing', () => {
    const parameters = Object.fromEntries(BANDS.slice(0, 3).map((b) => [`local.cap.${b}`, definition([value('2005-04-04', 1)])]));
    const error = overrideRefusal(parameters);
    expect(error.message).toMatch(/family "local\.cap" has no local\.cap\.custody/);
    const inFile = fileRefusal(parameters);
    expect(inFile.message).toMatch(/has no local\.cap\.custody/);
    expect(inFile.parameter).toBe('local.cap.low');
  });

  it('refuses a tier family without a tier', () => {
    const parameters = Object.fromEntries(['1', '2', '4'].map((t) => [`omTier.local.${t}`, definition([value('2005-04-04', 1)])]));
    expect(overrideRefusal(parameters).message).toMatch(/family "omTier\.local" has no omTier\.local\.3/);
  });

  it('refuses a family member redefined to start later than the others', () => {
    const error = overrideRefusal({ 'drr.maxIntensityRank.custody': definition([value('2010-01-01', 3)]) });
    expect(error.parameter).toBe('drr.maxIntensityRank.custody');
    expect(error.message).toMatch(/family "drr\.maxIntensityRank" starts on different dates/);
    expect(error.message).toMatch(/drr\.maxIntensityRank\.custody from 2010-01-01 by sentence date/);
  });

  it('refuses a family member keyed on a different date from the others', () => {
    const error = overrideRefusal({ 'drr.maxIntensityRank.low': definition([value('2005-04-04', 1)], 'offence') });
    expect(error.message).toMatch(/from 2005-04-04 by offence date/);
  });

  it('refuses a member whose dated override starts before the others', () => {
    expect(overrideRefusal({ 'drr.maxIntensityRank.high': [value('1990-01-01', 3)] }).message).toMatch(/starts on different dates/);
  });

  it('accepts a dated override of one member that keeps the family start', () => {
    const v = createValidator({ parameters: { 'drr.maxIntensityRank.high': [value('2010-01-01', 2)] } });
    expect(v.parameters['drr.maxIntensityRank.high']!.values).toHaveLength(2);
  });

  it('accepts a one-value override of a member: it keeps the member start', () => {
    expect(() => createValidator({ parameters: { 'drr.maxIntensityRank.custody': 2 } })).not.toThrow();
  });

  it('refuses a parameter that takes the name of a family, which would shadow the value picked for the case', () => {
    const error = overrideRefusal({ 'drr.maxIntensityRank': definition([value('2005-04-04', 3)]) });
    expect(error.parameter).toBe('drr.maxIntensityRank');
    expect(error.message).toMatch(/has the name of the family/);
  });
});

describe('malformed overrides', () => {
  it('refuses a series for a parameter that does not exist', () => {
    const error = overrideRefusal({ 'drr.maxMonths': [value('2005-04-04', 36)] });
    expect(error.parameter).toBe('drr.maxMonths');
    expect(error.message).toMatch(/Unknown parameter "drr\.maxMonths"/);
  });

  it('refuses a name that is not dotted camelCase, as a ParameterError (not a raw zod error)', () => {
    const error = overrideRefusal({ DrrMinMonths: definition([value('2005-04-04', 1)]) });
    expect(error.message).toMatch(/Parameter override "DrrMinMonths": Parameter names are dotted camelCase/);
  });

  it('refuses a value of the wrong shape, naming the field', () => {
    expect(overrideRefusal({ 'drr.minMonths': { value: 3 } }).message).toMatch(/drr\.minMonths" is malformed/);
  });

  it('refuses a date outside 1990-2100 in an override', () => {
    expect(overrideRefusal({ 'drr.minMonths': [value('1989-12-31', 3)] }).message).toMatch(/0\.from: Date must be between 1990-01-01 and 2100-12-31/);
  });

  it('refuses an unknown source tag', () => {
    expect(overrideRefusal({ 'drr.minMonths': [value('2010-01-01', 3, { confidence: 'sure' })] }).message).toMatch(/0\.confidence/);
  });

  it('refuses an override object that is not keyed by name', () => {
    expect(overrideRefusal([value('2010-01-01', 3)] as unknown as Record<string, unknown>).message).toMatch(/keyed by parameter name/);
  });

  it('refuses a non-finite value, naming where it is', () => {
    expect(overrideRefusal({ 'drr.minMonths': Number.NaN }).message).toMatch(/drr\.minMonths: NaN is not a JSON number/);
  });
});
