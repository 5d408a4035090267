import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBreaching, orderInProgress, proposedOrder, validOrder, breachableCodes } from '../../src/arbitraries/index.js';
import { ProposedOrderSchema, inputJsonSchema, isIsoDate, REQUIREMENT_KINDS } from '../../src/index.js';
import { INPUT_SCHEMA_ID } from '../../src/schema/json-schema.js';
import { clone, lawfulCodeDrr, lawfulMediumDrr } from '../support/orders.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Exactly what the issue asks of it: strict mode, no format plugin, no options relaxed.
const ajv = new Ajv2020({ strict: true, allErrors: true });
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

/** The checks the description names as the library's own: the only refusals the JSON Schema may leave to zod. */
const CROSS_FIELD = new Set([
  'Offence committed after the conviction date',
  'Offence committed before the offender was born',
  'Sentence date is before the conviction date',
  'The order must end after the sentence date',
]);
/** What zod says of an input: accepted, refused only by a cross-field check, or refused by something JSON Schema can say. */
function zodVerdict(input: unknown): 'accepts' | 'cross-field only' | 'refuses' {
  const parsed = ProposedOrderSchema.safeParse(input);
  if (parsed.success) return 'accepts';
  return parsed.error.issues.every((i) => i.code === 'custom' && CROSS_FIELD.has(i.message)) ? 'cross-field only' : 'refuses';
}
function agree(input: unknown): void {
  const verdict = zodVerdict(input);
  const ajvAccepts = accepts(input);
  const expected = verdict !== 'refuses';
  if (ajvAccepts !== expected) throw new Error(`zod ${verdict}, ajv ${ajvAccepts ? 'accepts' : 'refuses'}: ${JSON.stringify(validate.errors?.slice(0, 3))}\n${JSON.stringify(input).slice(0, 2000)}`);
}

/** Every property of the schema, with the path the input reference uses. */
function properties(node: any, path = ''): { path: string; schema: any }[] {
  if (!node || typeof node !== 'object') return [];
  const out: { path: string; schema: any }[] = [];
  for (const [name, child] of Object.entries<any>(node.properties ?? {})) {
    if (typeof child !== 'object') continue;
    out.push({ path: `${path}${path ? '.' : ''}${name}`, schema: child }, ...properties(child, `${path}${path ? '.' : ''}${name}`));
  }
  if (node.items) out.push(...properties(node.items, `${path}[]`));
  for (const part of node.allOf ?? []) if (part.then) out.push(...properties(part.then, `${path}{${Object.values<any>(part.if.properties)[0].const}}`));
  return out;
}

// ---- mutations: one change to a generated order, at any place in it ----
type Step = string | number;
function places(value: unknown, at: Step[] = []): Step[][] {
  if (value === null || typeof value !== 'object') return [at];
  const children = Array.isArray(value) ? value.map((v, i) => places(v, [...at, i])) : Object.entries(value).map(([k, v]) => places(v, [...at, k]));
  return [at, ...children.flat()];
}
const REPLACEMENTS = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 5, 25, 10_000, '', 'x', 'low', 'tagging', '2006-02-30', '2024-02-29', '2023-02-29', '1989-12-31', '2101-01-01', [], {}),
  fc.constantFrom(...REQUIREMENT_KINDS),
  fc.integer({ min: -3, max: 3000 }),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);
type Mutation = { kind: 'replace'; value: unknown } | { kind: 'remove' } | { kind: 'add'; key: string; value: unknown } | { kind: 'long' };
const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  REPLACEMENTS.map((value) => ({ kind: 'replace', value }) as const),
  fc.constant({ kind: 'remove' } as const),
  fc.tuple(fc.constantFrom('surprise', 'kind', 'type', 'months', 'hours', 'fine', 'custodialTermWeeks', 'reviewIntervalMonths', 'provider', 'id'), REPLACEMENTS).map(([key, value]) => ({ kind: 'add', key, value }) as const),
  fc.constant({ kind: 'long' } as const),
);
function mutate(order: unknown, pick: number, mutation: Mutation): unknown {
  const copy = structuredClone(order) as Mutable;
  const all = places(copy);
  const at = all[pick % all.length]!;
  if (at.length === 0) return mutation.kind === 'replace' ? mutation.value : copy;
  const parent = at.slice(0, -1).reduce<any>((o, step) => o[step], copy);
  const last = at[at.length - 1]!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'remove') Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
  else if (mutation.kind === 'long') parent[last] = Array.isArray(parent[last]) ? [...parent[last], ...Array(120).fill(parent[last][0] ?? 1)] : typeof parent[last] === 'string' ? 'x'.repeat(501) : parent[last];
  else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.value;
    else parent[mutation.key] = mutation.value;
  }
  return copy;
}

const generated = fc.oneof(
  validOrder(),
  proposedOrder(),
  orderInProgress(),
  fc.constantFrom(...breachableCodes).chain((code) => orderBreaching(code)),
);

describe('the input JSON Schema', () => {
  it('compiles under new Ajv2020({ strict: true }), with no format plugin, and is a valid draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => new Ajv2020({ strict: true }).compile(inputJsonSchema())).not.toThrow();
  });

  it('has a stable $id, the same on every call', () => {
    expect(schema.$id).toBe(INPUT_SCHEMA_ID);
    expect(INPUT_SCHEMA_ID).toBe('urn:proportionate:schema:proposed-order:1');
    expect(inputJsonSchema()).toEqual(schema);
  });

  it('describes every field', () => {
    const fields = properties(schema);
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((f) => typeof f.schema.description !== 'string' || f.schema.description.length < 8).map((f) => f.path)).toEqual([]);
  });

  it('checks a requirement against its own kind only: one unknown key gives a handful of errors, naming the key', () => {
    const order = withChange((o) => (o.requirements[0].surprise = 1));
    expect(accepts(order)).toBe(false);
    const errors = validate.errors!;
    expect(errors.length).toBeLessThanOrEqual(3);
    expect(errors.some((e) => e.instancePath === '/requirements/0' && (e.params as { additionalProperty?: string }).additionalProperty === 'surprise')).toBe(true);
  });

  it.each([
    ['a bad value', (o: Mutable) => (o.requirements[0].intensity = 'extreme'), '/requirements/0/intensity'],
    ['a wrong type', (o: Mutable) => (o.requirements[0].months = 'twelve'), '/requirements/0/months'],
    ['a missing field', (o: Mutable) => delete o.requirements[0].setting, '/requirements/0'],
    ['a bad event field', (o: Mutable) => (o.events = [{ type: 'warning', on: '2006-02-30' }]), '/events/0/on'],
  ])('names the field of %s inside a requirement or event, in a handful of errors', (_label, change, where) => {
    const order = withChange(change);
    expect(accepts(order)).toBe(false);
    expect(validate.errors!.length).toBeLessThanOrEqual(3);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(where);
  });

  it('refuses an unknown requirement kind with one error that lists the kinds', () => {
    const order = withChange((o) => o.requirements.push({ kind: 'tagging' }));
    expect(accepts(order)).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(validate.errors![0]!.instancePath).toBe(`/requirements/${order.requirements.length - 1}/kind`);
    expect(validate.errors![0]!.params).toEqual({ allowedValues: [...REQUIREMENT_KINDS] });
  });

  it.each(examples)('accepts the example %s', (_name, order) => {
    expect(zodAccepts(order)).toBe(true);
    expect(accepts(order), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the test fixtures', () => {
    for (const order of [lawfulMediumDrr(), lawfulCodeDrr()]) expect(accepts(order), JSON.stringify(validate.errors)).toBe(true);
  });

  it('checks dates by pattern alone exactly as the library does, on every day from 1899 to 2101', () => {
    const caseDate = new RegExp((schema as any).properties.convictionDate.pattern);
    const birthDate = new RegExp((schema as any).properties.offender.properties.dateOfBirth.pattern);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    let checked = 0;
    for (let y = 1899; y <= 2101; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${pad(m)}-${pad(d)}`;
          const real = isIsoDate(text);
          expect(caseDate.test(text), text).toBe(real && text >= '1990-01-01' && text <= '2100-12-31');
          expect(birthDate.test(text), text).toBe(real && text >= '1900-01-01' && text <= '2100-12-31');
          checked++;
        }
    expect(checked).toBe(203 * 14 * 33);
  });

  // Each case breaks one rule the zod schema enforces; the JSON Schema must refuse it too.
  it.each([
    ['an unknown key', (o: Mutable) => (o.surprise = 1)],
    ['a date that does not exist', (o: Mutable) => (o.convictionDate = '2006-02-30')],
    ['29 February in a year that is not a leap year', (o: Mutable) => (o.convictionDate = '2005-02-29')],
    ['a date before 1990', (o: Mutable) => (o.offences[0].committedOn = '1989-12-31')],
    ['a date after 2100', (o: Mutable) => (o.sentence.endDate = '2101-01-01')],
    ['a date of birth before 1900', (o: Mutable) => (o.offender.dateOfBirth = '1899-12-31')],
    ['a date in another format', (o: Mutable) => (o.sentenceDate = '01/03/2006')],
    ['an offender management tier of 5', (o: Mutable) => (o.offender.omTier = 5)],
    ['a fractional treatment tier', (o: Mutable) => (o.offender.need.treatmentTier = 2.5)],
    ['a DRR without its intensity', (o: Mutable) => delete o.requirements[0].intensity],
    ['a DRR with its review interval in weeks and in months', (o: Mutable) => Object.assign(o.requirements[0], { reviewIntervalWeeks: 4, reviewIntervalMonths: 1 })],
    ['no offences', (o: Mutable) => (o.offences = [])],
    ['an id longer than 100 characters', (o: Mutable) => (o.id = 'x'.repeat(101))],
    ['a suspended sentence order without its custodial term', (o: Mutable) => (o.sentence = { type: 'suspended-sentence-order', endDate: '2007-09-01', operationalPeriodMonths: 12 })],
    ['a community order with a custodial term', (o: Mutable) => (o.sentence.custodialTermWeeks = 20)],
    ['a suspended sentence order with a fine', (o: Mutable) => (o.sentence = { type: 'suspended-sentence-order', endDate: '2007-09-01', custodialTermWeeks: 20, operationalPeriodMonths: 12, fine: true })],
    ['an unknown event type', (o: Mutable) => (o.events = [{ type: 'phone-call', on: '2006-03-02' }])],
  ])('refuses %s, as zod does', (_label, change) => {
    const order = withChange(change);
    expect(zodAccepts(order)).toBe(false);
    expect(accepts(order)).toBe(false);
  });

  it('says in its description what only the library checks (the cross-field dates), and so accepts what zod refuses there', () => {
    const order = withChange((o) => (o.sentenceDate = '2006-01-15'));
    expect(zodVerdict(order)).toBe('cross-field only');
    expect(accepts(order)).toBe(true);
    expect(String(schema.description)).toMatch(/sentence date must not be before the conviction date/);
    for (const check of ['after the conviction date', 'before the date of birth', 'order must end after the sentence date']) expect(String(schema.description)).toContain(check);
  });

  it('property: on the library\'s own generated orders, Ajv and zod accept the same ones', () => {
    fc.assert(fc.property(generated, (order) => agree(order)), { numRuns: 300 });
  });

  it('property: on generated orders with one change anywhere in them, Ajv and zod accept and refuse the same ones (cross-field checks aside)', () => {
    let refused = 0;
    fc.assert(
      fc.property(generated, fc.nat(), MUTATION, (order, pick, mutation) => {
        const changed = mutate(order, pick, mutation);
        agree(changed);
        if (!accepts(changed)) refused++;
      }),
      { numRuns: 2000 },
    );
    // The mutations must reach refusals as well as acceptances, or the agreement proves little.
    expect(refused).toBeGreaterThan(500);
  });

  it('property: on any date strings, the JSON Schema and zod agree (cross-field checks aside)', () => {
    const year = fc.integer({ min: 1985, max: 2105 }).map((y) => String(y));
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const date = fc.oneof(fc.tuple(year, two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(date, date, (committedOn, dateOfBirth) =>
        agree(
          withChange((o) => {
            o.offences[0].committedOn = committedOn;
            o.offender.dateOfBirth = dateOfBirth;
          }),
        ),
      ),
      { numRuns: 400 },
    );
  });
});
