import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProposedOrderSchema, inputJsonSchema } from '../../src/index.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const schema = inputJsonSchema();
const validate = ajv.compile(schema);
const accepts = (order: unknown) => validate(order) === true;
const zodAccepts = (order: unknown) => ProposedOrderSchema.safeParse(order).success;

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(root, 'examples', f), 'utf8'))] as const);

type Mutable = Record<string, any>;
const withChange = (change: (o: Mutable) => void) => {
  const o = clone(lawfulMediumDrr()) as Mutable;
  change(o);
  return o;
};

describe('the input JSON Schema', () => {
  it('is a valid draft 2020-12 schema under ajv strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each(examples)('accepts the example %s', (_name, order) => {
    expect(zodAccepts(order)).toBe(true);
    expect(accepts(order), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the test fixtures', () => {
    for (const order of [lawfulMediumDrr(), lawfulCodeDrr()]) expect(accepts(order), JSON.stringify(validate.errors)).toBe(true);
  });

  // Each case breaks one rule the zod schema enforces; the JSON Schema must refuse it too.
  it.each([
    ['an unknown key', (o: Mutable) => (o.surprise = 1)],
    ['a date that does not exist', (o: Mutable) => (o.convictionDate = '2006-02-30')],
    ['a date before 1990', (o: Mutable) => (o.offences[0].committedOn = '1989-12-31')],
    ['a date after 2100', (o: Mutable) => (o.sentence.endDate = '2101-01-01')],
    ['a date of birth before 1900', (o: Mutable) => (o.offender.dateOfBirth = '1899-12-31')],
    ['a date in another format', (o: Mutable) => (o.sentenceDate = '01/03/2006')],
    ['an offender management tier of 5', (o: Mutable) => (o.offender.omTier = 5)],
    ['a fractional treatment tier', (o: Mutable) => (o.offender.need.treatmentTier = 2.5)],
    ['an unknown requirement kind', (o: Mutable) => o.requirements.push({ kind: 'tagging' })],
    ['a DRR without its intensity', (o: Mutable) => delete o.requirements[0].intensity],
    ['no offences', (o: Mutable) => (o.offences = [])],
    ['a suspended sentence order without its custodial term', (o: Mutable) => (o.sentence = { type: 'suspended-sentence-order', endDate: '2007-09-01', operationalPeriodMonths: 12 })],
    ['a community order with a custodial term', (o: Mutable) => (o.sentence.custodialTermWeeks = 20)],
    ['a suspended sentence order with a fine', (o: Mutable) => (o.sentence = { type: 'suspended-sentence-order', endDate: '2007-09-01', custodialTermWeeks: 20, operationalPeriodMonths: 12, fine: true })],
    ['an unknown event type', (o: Mutable) => (o.events = [{ type: 'phone-call', on: '2006-03-02' }])],
  ])('refuses %s, as zod does', (_label, change) => {
    const order = withChange(change);
    expect(zodAccepts(order)).toBe(false);
    expect(accepts(order)).toBe(false);
  });

  it('says in its description what only the library checks (chronology), and so accepts what zod refuses there', () => {
    const order = withChange((o) => (o.sentenceDate = '2006-01-15'));
    expect(zodAccepts(order)).toBe(false);
    expect(accepts(order)).toBe(true);
    expect(String(schema.description)).toMatch(/sentence date must not be before the conviction date/);
  });

  it('property: on any date strings, the JSON Schema and zod agree wherever chronology holds', () => {
    const year = fc.integer({ min: 1985, max: 2105 }).map((y) => String(y));
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const date = fc.oneof(fc.tuple(year, two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(date, date, (committedOn, dateOfBirth) => {
        const order = withChange((o) => {
          o.offences[0].committedOn = committedOn;
          o.offender.dateOfBirth = dateOfBirth;
        });
        const chronologyHolds = committedOn <= order.convictionDate && committedOn >= dateOfBirth;
        if (chronologyHolds) expect(accepts(order)).toBe(zodAccepts(order));
        // Out of order dates are the library's own check: zod refuses them, whatever the JSON Schema says.
        else expect(zodAccepts(order)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
