import { z } from 'zod';
import { Confidence } from '../law/confidence.js';
import { RegimeId } from '../law/regimes.js';
import { REQUIREMENT_KINDS } from '../schema/requirements.js';

/** The operators rule packs may use: json-rules-engine's defaults, no decorators, so both evaluators agree exactly. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Bounds on one pack, far above what any real pack needs (the bundled ones: 10 rules, 4 citations,
 * 5 conditions in a list, 10 conditions in a rule) and low enough that loading and running a pack
 * stays quick whatever a caller sends.
 */
export const PACK_LIMITS = {
  rules: 500,
  namedConditions: 500,
  citations: 20,
  /** Members of one `all` or `any`. */
  width: 100,
  /** Values in one `in` or `notIn` list. */
  listValues: 1000,
  /** Conditions in one rule (or named condition) with every reference written out. */
  expandedSize: 10_000,
  /** Conditions in the whole pack, rule by rule, with every reference written out. */
  packExpandedSize: 100_000,
  /** Nesting of one rule with every reference written out. */
  expandedDepth: 64,
} as const;

export const FINDING_KINDS = ['invalid', 'breach', 'tension', 'advisory'] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;

export const Citation = z.strictObject({
  source: z.string().min(1).max(300),
  provision: z.string().min(1).max(300),
  url: z.url().optional(),
  /** Cite this only for cases under these regimes (CJA 2003 sections before the Code, Sentencing Act 2020 after). */
  regimes: z.array(RegimeId).min(1).optional(),
});
export type Citation = z.infer<typeof Citation>;

export const FINDING_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

export const RuleEvent = z.strictObject({
  type: z.string().regex(FINDING_CODE, 'Finding codes are UPPER_SNAKE_CASE'),
  params: z.strictObject({
    kind: FindingKind,
    /** Plain English; `{fact.name}` placeholders are filled from the facts listed below. */
    message: z.string().min(1).max(1000),
    facts: z.array(z.string().min(1)).max(20),
    citations: z.array(Citation).min(1).max(PACK_LIMITS.citations),
    confidence: Confidence,
  }),
});
export type RuleEvent = z.infer<typeof RuleEvent>;

/** Conditions are json-rules-engine's JSON; their inner shape is checked by `checkCondition`, which can name what is wrong. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { condition: string }
  | { fact: string; operator: Operator; value: unknown };

export const RuleDefinition = z.strictObject({
  name: z.string().min(1).max(120),
  priority: z.number().int().min(1).max(100).optional(),
  conditions: z.record(z.string(), z.unknown()),
  event: RuleEvent,
});
export type RuleDefinition = Omit<z.infer<typeof RuleDefinition>, 'conditions'> & { conditions: Condition };

export const PackDefinition = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'Pack ids are lower-case paths, e.g. cja-2003/drug-rehabilitation'),
  title: z.string().min(1).max(200),
  /** The law the pack encodes, for the reader who arrives from a citation. */
  law: z.string().min(1).max(500),
  scope: z.enum(['order', 'requirement']),
  /** For requirement-scoped packs: which kinds the rules run on (all kinds when absent). */
  kinds: z.array(z.enum(REQUIREMENT_KINDS as [string, ...string[]])).min(1).optional(),
  /** Named conditions that rules reference as `{ "condition": "name" }`. */
  conditions: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/), z.unknown()).optional(),
  rules: z.array(RuleDefinition).min(1).max(PACK_LIMITS.rules),
});
export type PackDefinition = Omit<z.infer<typeof PackDefinition>, 'rules' | 'conditions' | 'kinds'> & {
  kinds?: readonly string[];
  conditions?: Record<string, Condition>;
  rules: RuleDefinition[];
};
