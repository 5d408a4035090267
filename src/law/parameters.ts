import { z } from 'zod';
import { IsoDate } from '../schema/primitives.js';
import { deepFreeze, frozenPlainCopy, PlainDataError } from '../freeze.js';
import { SourceTag } from './confidence.js';
import { ParameterType, typeProblem } from './parameter-types.js';

/** The date in a case that a change in the law keys on (reference/law.md section 0). */
export const KeyDate = z.enum(['offence', 'conviction', 'sentence']);
export type KeyDate = z.infer<typeof KeyDate>;

/**
 * What a parameter keys on: one of the case's dates, or `event`, the date a national standard's
 * clock started (the court's request, the failure, the move). NS 2005 applied to all offenders
 * whatever their start date (PC15/2005), so a timescale is judged by the standard in force on
 * that day. The timescale facts (src/facts/events) read such a parameter on each event's date;
 * read for the case as a whole (`param.*`), the sentence date stands in for the event.
 */
export const ParameterKeyDate = z.enum(['offence', 'conviction', 'sentence', 'event']);
export type ParameterKeyDate = z.infer<typeof ParameterKeyDate>;

export const ParameterValue = z.union([z.number(), z.boolean(), z.string().max(200), z.null()]);
export type ParameterValue = z.infer<typeof ParameterValue>;

/** One value of a parameter, in force from `from` until the next value's `from`. `null` means "no such rule then". */
export const DatedValue = z.strictObject({
  from: IsoDate,
  value: ParameterValue,
  source: z.string().min(1).max(500),
  confidence: SourceTag,
  /** Where this change keys on another date than the series' default (LASPO keyed on sentence, PCSC on conviction). */
  keyedOn: ParameterKeyDate.optional(),
  note: z.string().max(1000).optional(),
});
export type DatedValue = z.infer<typeof DatedValue>;

/** Longest dated series a parameter may have: the law changes a few times a decade, not every day. */
export const MAX_SERIES_LENGTH = 1000;

/** A series must be strictly increasing: two values from the same day would overlap, which the law never means. */
function orderProblems(values: readonly { from: string }[], report: (index: number, message: string) => void): void {
  for (let i = 1; i < values.length; i++) {
    if (values[i]!.from <= values[i - 1]!.from) report(i, `Dates overlap or are out of order: ${values[i]!.from} is not after ${values[i - 1]!.from}`);
  }
}

export const ParameterDefinition = z
  .strictObject({
    description: z.string().min(1).max(500),
    /** What every value is (a whole number of months, a boolean, a date...); null is always allowed. */
    type: ParameterType,
    unit: z.string().max(40).optional(),
    keyedOn: ParameterKeyDate,
    /** How sure the reference is that this is the date the change keys on; M lowers every finding that reads it. */
    keyingConfidence: SourceTag.optional(),
    values: z.array(DatedValue).min(1),
  })
  .superRefine((p, ctx) => {
    orderProblems(p.values, (i, message) => ctx.addIssue({ code: 'custom', path: ['values', i, 'from'], message }));
    p.values.forEach((v, i) => {
      const problem = typeProblem(p.type, v.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `the value from ${v.from}: ${problem} (the parameter's type is ${p.type})` });
    });
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

/** The case's dates that changes in the law key on. `offence` is the latest offence: new law reaches an order once any offence falls under it. `event` is given only where one timescale is judged. */
export type KeyDates = Readonly<Record<KeyDate, string>> & { readonly event?: string };

/**
 * The value in force for a case: the last value whose change has happened by the date it keys on,
 * or `undefined` before the series starts. Values are tried newest first because a series may mix
 * keys (curfew: LASPO by sentence date, PCSC by conviction date).
 */
export function valueOn(definition: ParameterDefinition, dates: KeyDates): DatedValue | undefined {
  const { values } = definition;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i]!;
    const key = v.keyedOn ?? definition.keyedOn;
    if ((key === 'event' ? (dates.event ?? dates.sentence) : dates[key]) >= v.from) return v;
  }
  return undefined;
}

/** A caller's override: a whole definition, a dated series to merge, or one value for every date. */
export const ParameterOverride = z.union([ParameterDefinition, z.array(DatedValue).min(1), ParameterValue]);
export type ParameterOverride = z.input<typeof ParameterOverride>;

/** A parameter table, its overrides or its files cannot be used. The message names the parameter and, for a file, the file. */
export class ParameterError extends Error {
  override name = 'ParameterError';
  constructor(
    message: string,
    /** The parameter at fault, where one is. */
    readonly parameter?: string,
    /** The file it came from, for bundled or caller-supplied parameter files. */
    readonly file?: string,
    /** The `from` date of the value at fault, where one value is. */
    readonly from?: string,
  ) {
    super(message);
  }
}

/** A refusal repeats this many problems; a series of a thousand bad values says so in one line. */
const PROBLEMS_IN_MESSAGE = 5;

const zodProblems = (error: z.ZodError): string => {
  const shown = error.issues.slice(0, PROBLEMS_IN_MESSAGE).map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
  if (error.issues.length > PROBLEMS_IN_MESSAGE) shown.push(`and ${error.issues.length - PROBLEMS_IN_MESSAGE} more`);
  return shown.join('; ');
};

/** The `from` of the first value a zod error points into (`values.N...`), for ParameterError.from. */
function fromOfIssue(error: z.ZodError, values: unknown): string | undefined {
  const path = error.issues[0]?.path ?? [];
  const at = path[0] === 'values' ? path[1] : path[0];
  const list = Array.isArray(values) ? values : (values as { values?: unknown } | null)?.values;
  const from = typeof at === 'number' && Array.isArray(list) ? (list[at] as { from?: unknown } | undefined)?.from : undefined;
  return typeof from === 'string' ? from : undefined;
}

const DatedSeries = z.array(DatedValue).min(1);

/**
 * Apply overrides without touching the bundled table. A dated series replaces bundled values from
 * its first day on; it must itself be in date order (a series out of order is refused, never
 * sorted: the caller meant something else) and no longer than MAX_SERIES_LENGTH. Every value is
 * checked against the parameter's type, so `"36 months"` for 36 is refused rather than compared
 * as a string. The overrides are copied as plain data first: a `__proto__`, `constructor` or
 * `prototype` key, an accessor, a Proxy or a class instance is refused, and the caller's object can
 * change afterwards without changing the table.
 */
export function withOverrides(table: ParameterTable, overrides: unknown): ParameterTable {
  if (overrides === undefined) return table;
  if (overrides === null || typeof overrides !== 'object') throw new ParameterError(`Parameter overrides must be an object keyed by parameter name, not ${overrides === null ? 'null' : `a ${typeof overrides}`}`);
  let data: unknown;
  try {
    data = frozenPlainCopy(overrides, { maxEntries: MAX_SERIES_LENGTH });
  } catch (error) {
    if (error instanceof PlainDataError) throw new ParameterError(`Parameter overrides: ${error.message}`, error.path[0] === undefined ? undefined : String(error.path[0]));
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ParameterError('Parameter overrides must be an object keyed by parameter name');
  const out: Record<string, ParameterDefinition> = { ...table };
  for (const [name, raw] of Object.entries(data)) {
    const named = ParameterName.safeParse(name);
    if (!named.success) throw new ParameterError(`Parameter override "${name}": ${named.error.issues[0]!.message}`, name);
    const base = Object.hasOwn(out, name) ? out[name] : undefined;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const parsed = ParameterDefinition.safeParse(raw);
      if (!parsed.success) throw new ParameterError(`Parameter override "${name}" is malformed: ${zodProblems(parsed.error)}`, name, undefined, fromOfIssue(parsed.error, raw));
      out[name] = parsed.data;
      continue;
    }
    if (!base) throw new ParameterError(`Unknown parameter "${name}": give a full definition (description, type, keyedOn, values) to add one`, name);
    out[name] = Array.isArray(raw) ? withSeries(name, base, raw) : withOneValue(name, base, raw);
  }
  const gap = tableProblems(out)[0];
  if (gap) throw new ParameterError(`Parameter overrides leave a gap: ${gap.problem}`, gap.parameter);
  return deepFreeze(out);
}

/** A dated series laid over the bundled one from its first day on. */
function withSeries(name: string, base: ParameterDefinition, raw: readonly unknown[]): ParameterDefinition {
  const series = DatedSeries.safeParse(raw);
  if (!series.success) throw new ParameterError(`Parameter override "${name}" is malformed: ${zodProblems(series.error)}`, name, undefined, fromOfIssue(series.error, raw));
  const values = series.data;
  orderProblems(values, (i, message) => {
    throw new ParameterError(`Parameter override "${name}" is out of date order (a series is never re-sorted): ${i}.from: ${message}`, name, undefined, values[i]!.from);
  });
  for (const v of values) {
    const problem = typeProblem(base.type, v.value);
    if (problem) throw new ParameterError(`Parameter override "${name}": the value from ${v.from}: ${problem} (the parameter's type is ${base.type})`, name, undefined, v.from);
  }
  const merged = [...base.values.filter((v) => v.from < values[0]!.from), ...values];
  const parsed = ParameterDefinition.safeParse({ ...base, values: merged });
  if (!parsed.success) throw new ParameterError(`Parameter override "${name}" does not fit the bundled series: ${zodProblems(parsed.error)}`, name, undefined, fromOfIssue(parsed.error, { values: merged }));
  return parsed.data;
}

/** One value for every date the bundled series covers. */
function withOneValue(name: string, base: ParameterDefinition, raw: unknown): ParameterDefinition {
  const from = base.values[0]!.from;
  const parsed = ParameterValue.safeParse(raw);
  const problem = parsed.success ? typeProblem(base.type, parsed.data) : zodProblems(parsed.error);
  if (problem || !parsed.success) throw new ParameterError(`Parameter override "${name}": the value for every date from ${from}: ${problem} (the parameter's type is ${base.type})`, name, undefined, from);
  return { ...base, values: [{ from, value: parsed.data, source: 'Caller override', confidence: 'M' }] };
}

const BAND_MEMBERS: readonly string[] = ['low', 'medium', 'high', 'custody'];
const OM_TIER_MEMBERS: readonly string[] = ['1', '2', '3', '4'];

/** A parameter indexed by seriousness band or offender management tier, of which a case reads one member. */
export interface FamilyMember {
  /** The family, offered to rules as `param.<family>` already picked for the case. */
  readonly family: string;
  readonly member: string;
  /** Every member the family must have: a case may fall on any of them. */
  readonly members: readonly string[];
}

/**
 * The family a parameter belongs to, if any: `x.low` ... `x.custody` by band, `omTier.x.1` ...
 * `omTier.x.4` by offender management tier (the families that order facts pick from).
 */
export function familyOf(name: string): FamilyMember | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const family = name.slice(0, dot);
  const member = name.slice(dot + 1);
  if (BAND_MEMBERS.includes(member)) return { family, member, members: BAND_MEMBERS };
  if (OM_TIER_MEMBERS.includes(member) && family.startsWith('omTier.')) return { family, member, members: OM_TIER_MEMBERS };
  return undefined;
}

/** When a parameter's first value starts, and on which of the case's dates. */
const coverageOf = (d: ParameterDefinition): string => `${d.values[0]!.from} by ${d.values[0]!.keyedOn ?? d.keyedOn} date`;

/**
 * Gaps a table leaves. A series is a step function (each value holds until the next), so a single
 * series cannot have a hole inside it; what can is a family. A band-indexed family without its
 * `custody` member, or whose members start on different dates, gives a case in that band (or in
 * that window) no value at all while its neighbours have one, and a rule comparing against it
 * silently never fires. A parameter named like a family (`x` beside `x.low`) would shadow the
 * picked value, so it is refused too.
 */
export function tableProblems(table: ParameterTable): { parameter: string; problem: string }[] {
  const problems: { parameter: string; problem: string }[] = [];
  const families = new Map<string, { members: readonly string[]; present: Map<string, ParameterDefinition> }>();
  for (const [name, definition] of Object.entries(table)) {
    const f = familyOf(name);
    if (!f) continue;
    const entry = families.get(f.family) ?? { members: f.members, present: new Map() };
    entry.present.set(f.member, definition);
    families.set(f.family, entry);
  }
  for (const [family, { members, present }] of families) {
    if (Object.hasOwn(table, family))
      problems.push({ parameter: family, problem: `parameter "${family}" has the name of the family ${[...present.keys()].map((m) => `${family}.${m}`).join(', ')}, whose picked value rules read as param.${family}` });
    const missing = members.filter((m) => !present.has(m));
    if (missing.length)
      problems.push({
        parameter: `${family}.${[...present.keys()][0]}`,
        problem: `family "${family}" has no ${missing.map((m) => `${family}.${m}`).join(', ')}: a case there would read no value while ${[...present.keys()].map((m) => `${family}.${m}`).join(', ')} ${present.size === 1 ? 'has' : 'have'} one`,
      });
    const starts = new Map<string, string[]>();
    for (const [member, definition] of present) starts.set(coverageOf(definition), [...(starts.get(coverageOf(definition)) ?? []), `${family}.${member}`]);
    if (starts.size > 1) {
      const [first, ...rest] = [...starts.entries()];
      problems.push({
        parameter: rest[0]![1][0]!,
        problem: `family "${family}" starts on different dates (${[first!, ...rest].map(([when, names]) => `${names.join(', ')} from ${when}`).join('; ')}): a case between them would read a value for one member and none for another`,
      });
    }
  }
  return problems;
}
