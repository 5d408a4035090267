import { z } from 'zod';
import { ProposedOrderSchema, SentenceSchema } from './order.js';
import { BirthDate, DATE_RANGE, IsoDate } from './primitives.js';

const MONTH_DAY = '(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])';

/**
 * Zod refinements are functions, which JSON Schema cannot carry, so the two date types are spelled
 * out here: the pattern pins the year range (1990-2100 for case dates, 1900-2100 for a date of birth)
 * and `format: date` (RFC 3339 full-date) rejects days that do not exist, such as 2023-02-29.
 * The years in the patterns must follow DATE_RANGE; the interop test checks both against zod.
 */
const DATE_SCHEMAS = new Map<unknown, Record<string, unknown>>([
  [
    IsoDate,
    {
      type: 'string',
      format: 'date',
      pattern: `^(?:199[0-9]|20[0-9]{2}|2100)-${MONTH_DAY}$`,
      description: `A real calendar date written YYYY-MM-DD, from ${DATE_RANGE.from} to ${DATE_RANGE.to}.`,
    },
  ],
  [
    BirthDate,
    {
      type: 'string',
      format: 'date',
      pattern: `^(?:19[0-9]{2}|20[0-9]{2}|2100)-${MONTH_DAY}$`,
      description: `A date of birth: a real calendar date written YYYY-MM-DD, from 1900-01-01 to ${DATE_RANGE.to}.`,
    },
  ],
]);

/** The sentence's superRefine as conditionals: each sentence type carries only its own fields, and a suspended sentence order needs its term and operational period. */
const SENTENCE_CONDITIONS: z.core.JSONSchema.JSONSchema[] = [
  {
    if: { properties: { type: { const: 'suspended-sentence-order' } } },
    then: { required: ['custodialTermWeeks', 'operationalPeriodMonths'] },
    else: { properties: { custodialTermWeeks: false, operationalPeriodMonths: false, supervisionPeriodMonths: false } },
  },
  {
    if: { properties: { type: { const: 'community-order' } } },
    else: { properties: { fine: false, punitiveExceptionReason: false } },
  },
];

const ROOT_DESCRIPTION =
  'A proposed community or suspended sentence order (England and Wales) for the proportionate library. ' +
  'Tiers (offender.omTier, offender.need.treatmentTier) are plain integers here; the TypeScript API brands them as distinct types. ' +
  'Not expressible in JSON Schema and checked by the library only: an offence must not be committed after the conviction date or before the date of birth, ' +
  'the sentence date must not be before the conviction date, and the order must end after the sentence date.';

/**
 * JSON Schema (draft 2020-12) of the input, for callers in other languages, made by zod's own
 * conversion. Validators need format support for `date` (ajv: ajv-formats) to check real days.
 */
export function inputJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProposedOrderSchema, {
    target: 'draft-2020-12',
    io: 'input',
    // Every type in the input schema has a JSON Schema form; an unrepresentable one added later must fail loudly, not become `{}`.
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === SentenceSchema) {
        jsonSchema.allOf = SENTENCE_CONDITIONS;
        return;
      }
      const date = DATE_SCHEMAS.get(zodSchema);
      if (!date) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, date);
    },
  }) as Record<string, unknown>;
  return { $schema: schema.$schema, title: 'ProposedOrder', description: ROOT_DESCRIPTION, ...schema };
}
