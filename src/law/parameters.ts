import { z } from 'zod';
import { IsoDate } from '../schema/primitives.js';
import { SourceTag } from './confidence.js';

/** The date in a case that a change in the law keys on (reference/law.md section 0). */
export const KeyDate = z.enum(['offence', 'conviction', 'sentence']);
export type KeyDate = z.infer<typeof KeyDate>;

export const ParameterValue = z.union([z.number(), z.boolean(), z.string().max(200), z.null()]);
export type ParameterValue = z.infer<typeof ParameterValue>;

/** One value of a parameter, in force from `from` until the next value's `from`. `null` means "no such rule then". */
export const DatedValue = z.strictObject({
  from: IsoDate,
  value: ParameterValue,
  source: z.string().min(1).max(500),
  confidence: SourceTag,
  /** Where this change keys on another date than the series' default (LASPO keyed on sentence, PCSC on conviction). */
  keyedOn: z.enum(['offence', 'conviction', 'sentence']).optional(),
  note: z.string().max(1000).optional(),
});
export type DatedValue = z.infer<typeof DatedValue>;

export const ParameterDefinition = z
  .strictObject({
    description: z.string().min(1).max(500),
    unit: z.string().max(40).optional(),
    keyedOn: KeyDate,
    /** How sure the reference is that this is the date the change keys on; M lowers every finding that reads it. */
    keyingConfidence: SourceTag.optional(),
    values: z.array(DatedValue).min(1),
  })
  .superRefine((p, ctx) => {
    // A series must be strictly increasing: two values from the same day would overlap, which the law never means.
    for (let i = 1; i < p.values.length; i++) {
      if (p.values[i]!.from <= p.values[i - 1]!.from)
        ctx.addIssue({ code: 'custom', path: ['values', i, 'from'], message: `Dates overlap or are out of order: ${p.values[i]!.from} is not after ${p.values[i - 1]!.from}` });
    }
  });
export type ParameterDefinition = z.infer<typeof ParameterDefinition>;

const PARAMETER_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z0-9][A-Za-z0-9-]*)+$/;
export const ParameterName = z.string().regex(PARAMETER_NAME, 'Parameter names are dotted camelCase, e.g. curfew.maxHoursPerDay');

export const ParameterFile = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().min(1),
  parameters: z.record(ParameterName, ParameterDefinition),
});
export type ParameterFile = z.infer<typeof ParameterFile>;

export type ParameterTable = Readonly<Record<string, ParameterDefinition>>;

/** The case's dates that changes in the law key on. `offence` is the latest offence: new law reaches an order once any offence falls under it. */
export type KeyDates = Readonly<Record<KeyDate, string>>;

/**
 * The value in force for a case: the last value whose change has happened by the date it keys on,
 * or `undefined` before the series starts. Values are tried newest first because a series may mix
 * keys (curfew: LASPO by sentence date, PCSC by conviction date).
 */
export function valueOn(definition: ParameterDefinition, dates: KeyDates): DatedValue | undefined {
  const { values } = definition;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i]!;
    if (dates[v.keyedOn ?? definition.keyedOn] >= v.from) return v;
  }
  return undefined;
}

/** A caller's override: a whole definition, a dated series to merge, or one value for every date. */
export const ParameterOverride = z.union([ParameterDefinition, z.array(DatedValue).min(1), ParameterValue]);
export type ParameterOverride = z.input<typeof ParameterOverride>;

/** Apply overrides without touching the bundled table. A dated series replaces bundled values from the same day on. */
export function withOverrides(table: ParameterTable, overrides: Record<string, unknown> | undefined): ParameterTable {
  if (!overrides) return table;
  const out: Record<string, ParameterDefinition> = { ...table };
  for (const [name, raw] of Object.entries(overrides)) {
    const override = ParameterOverride.safeParse(raw);
    if (!override.success) throw new ParameterError(`Parameter override "${name}" is malformed: ${override.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
    const base = out[name];
    const value = override.data;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      ParameterName.parse(name);
      out[name] = value;
      continue;
    }
    if (!base) throw new ParameterError(`Unknown parameter "${name}": give a full definition (description, keyedOn, values) to add one`);
    if (Array.isArray(value)) {
      const merged = [...base.values.filter((v) => !value.some((o) => o.from <= v.from)), ...value].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      out[name] = ParameterDefinition.parse({ ...base, values: merged });
    } else {
      out[name] = { ...base, values: [{ from: base.values[0]!.from, value, source: 'Caller override', confidence: 'M' }] };
    }
  }
  return out;
}

export class ParameterError extends Error {
  override name = 'ParameterError';
}
