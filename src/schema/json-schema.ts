import { z } from 'zod';
import { describeField } from './descriptions.js';
import { ProposedOrderSchema, SentenceSchema } from './order.js';
import { BirthDate, DATE_RANGE, IsoDate } from './primitives.js';
import { DrugRehabilitation } from './requirements.js';

/** The schema's `$id`: a name, not a location, so it stays the same wherever the schema is served from. Change the last part only when the input changes incompatibly. */
export const INPUT_SCHEMA_ID = 'urn:proportionate:schema:proposed-order:1';

// Days of each month, with 29 February only in a leap year: a pattern alone refuses 2023-02-29, so the
// schema needs no `format` support (which strict validators refuse to guess at) to check real days.
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
/** Leap years from 1904 to 2096, by their last two digits: 2000 is one (divisible by 400), 1900 and 2100 are not. */
const LEAP_20XX = '20(?:0[048]|[2468][048]|[13579][26])';
const datePattern = (years: string, leapYears: string) => `^(?:${years}-${MONTH_DAY}|${leapYears}-02-29)$`;

/**
 * Zod refinements are functions, which JSON Schema cannot carry, so the two date types are spelled
 * out: the year range (1990-2100 for case dates, 1900-2100 for a date of birth) and real calendar
 * days, leap years included. The years must follow DATE_RANGE; the interop test checks every day
 * from 1899 to 2101 against the library's own date check.
 */
const DATE_SCHEMAS = new Map<unknown, Record<string, unknown>>([
  [
    IsoDate,
    {
      type: 'string',
      pattern: datePattern('(?:199[0-9]|20[0-9]{2}|2100)', `(?:199[26]|${LEAP_20XX})`),
      description: `A real calendar date written YYYY-MM-DD, from ${DATE_RANGE.from} to ${DATE_RANGE.to}.`,
    },
  ],
  [
    BirthDate,
    {
      type: 'string',
      pattern: datePattern('(?:19[0-9]{2}|20[0-9]{2}|2100)', `(?:19(?:0[48]|[2468][048]|[13579][26])|${LEAP_20XX})`),
      description: `A real calendar date written YYYY-MM-DD, from 1900-01-01 to ${DATE_RANGE.to}.`,
    },
  ],
]);

type Json = Record<string, unknown>;

/** The sentence's superRefine as conditionals: each sentence type carries only its own fields, and a suspended sentence order needs its term and operational period. */
const SENTENCE_CONDITIONS: Json[] = [
  {
    if: { properties: { type: { const: 'suspended-sentence-order' } }, required: ['type'] },
    // `true` repeats the fields so that strict validators see that `required` names fields the object has.
    then: { properties: { custodialTermWeeks: true, operationalPeriodMonths: true }, required: ['custodialTermWeeks', 'operationalPeriodMonths'] },
    else: { properties: { custodialTermWeeks: false, operationalPeriodMonths: false, supervisionPeriodMonths: false } },
  },
  {
    if: { properties: { type: { const: 'community-order' } }, required: ['type'] },
    else: { properties: { fine: false, punitiveExceptionReason: false } },
  },
];

const ROOT_DESCRIPTION =
  'A proposed community or suspended sentence order (England and Wales) for the proportionate library. ' +
  'Tiers (offender.omTier, offender.need.treatmentTier) are plain integers here; the TypeScript API brands them as distinct types. ' +
  'Cross-field checks that JSON Schema cannot express, made by the library only (it answers them with the same structured issues): ' +
  'an offence must not be committed after the conviction date or before the date of birth, ' +
  'the sentence date must not be before the conviction date, and the order must end after the sentence date.';

/** The discriminator of a zod discriminated union, or undefined for any other schema. */
const discriminatorOf = (schema: unknown): string | undefined => {
  const def = (schema as { _zod?: { def?: { type?: string; discriminator?: unknown } } })._zod?.def;
  return def?.type === 'union' && typeof def.discriminator === 'string' ? def.discriminator : undefined;
};

/**
 * A discriminated union as one `if`/`then` per branch, keyed on the discriminator, instead of a
 * `oneOf`: a validator then checks an item against its own branch only, so one bad field gives the
 * errors of that field (named by its path), not a failure of every other branch as well.
 */
function discriminated(jsonSchema: Json, key: string): void {
  const branches = (jsonSchema.oneOf ?? jsonSchema.anyOf) as Json[] | undefined;
  if (!branches) throw new Error(`inputJsonSchema: the union on "${key}" has no branches to rewrite`);
  const values = branches.map((b) => ((b.properties as Record<string, Json>)[key] as Json).const as string);
  for (const k of Object.keys(jsonSchema)) delete jsonSchema[k];
  Object.assign(jsonSchema, {
    type: 'object',
    properties: { [key]: { type: 'string', enum: values } },
    required: [key],
    allOf: branches.map((branch, i) => ({ if: { properties: { [key]: { const: values[i] } }, required: [key] }, then: branch })),
  });
}

/** Every property gets its description from FIELD_DESCRIPTIONS, by the path the input reference uses. */
function describe(node: Json, path: string, branch?: string): void {
  const properties = node.properties as Record<string, Json> | undefined;
  if (properties)
    for (const [name, child] of Object.entries(properties)) {
      if (typeof child !== 'object') continue;
      const childPath = branch ? `${branch}.${name}` : path ? `${path}.${name}` : name;
      const text = describeField(childPath);
      if (text) child.description = child.description && child.description !== text && DATE_DESCRIPTION.test(String(child.description)) ? `${text} ${child.description}` : text;
      describe(child, childPath);
    }
  if (node.items && typeof node.items === 'object') {
    const items = node.items as Json;
    const text = describeField(`${path}[]`);
    if (text) items.description = text;
    describe(items, `${path}[]`);
  }
  for (const part of (node.allOf as Json[] | undefined) ?? []) {
    const then = part.then as Json | undefined;
    const ifProps = (part.if as Json | undefined)?.properties as Record<string, Json> | undefined;
    const key = ifProps && Object.keys(ifProps)[0];
    const value = key ? ifProps[key]!.const : undefined;
    if (!then || typeof value !== 'string') continue;
    const family = path === 'requirements[]' ? 'requirement' : path === 'events[]' ? 'event' : undefined;
    describe(then, path, family ? `${family}:${value}` : path);
  }
}
const DATE_DESCRIPTION = /^A real calendar date written YYYY-MM-DD/;

/**
 * JSON Schema (draft 2020-12) of the input, for callers in other languages: made by zod's own
 * conversion of ProposedOrderSchema, with each requirement and event checked against its own kind
 * only, dates checked by pattern alone, every field described, and a stable `$id`. It compiles
 * under `new Ajv2020({ strict: true })` with no plugins.
 */
export function inputJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProposedOrderSchema, {
    target: 'draft-2020-12',
    io: 'input',
    // Every type in the input schema has a JSON Schema form; an unrepresentable one added later must fail loudly, not become `{}`.
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      const json = jsonSchema as Json;
      if (zodSchema === SentenceSchema) {
        json.allOf = SENTENCE_CONDITIONS;
        return;
      }
      if (zodSchema === DrugRehabilitation) {
        // The review interval is given once, in weeks or in months: zod's superRefine, as a dependent schema.
        json.dependentSchemas = { reviewIntervalWeeks: { properties: { reviewIntervalMonths: false } } };
        return;
      }
      const key = discriminatorOf(zodSchema);
      if (key) {
        discriminated(json, key);
        return;
      }
      const date = DATE_SCHEMAS.get(zodSchema);
      if (!date) return;
      for (const k of Object.keys(json)) delete json[k];
      Object.assign(json, date);
    },
  }) as Json;
  const { $schema, ...rest } = schema;
  const out: Json = { $schema, $id: INPUT_SCHEMA_ID, title: 'ProposedOrder', description: ROOT_DESCRIPTION, ...rest };
  describe(out, '');
  return out;
}
