import { z } from 'zod';

/**
 * A case file, as a policy team writes it (YAML or JSON): one case, or a list of them. Strict
 * objects throughout: a misspelt key (`expects`, `presnt`) would otherwise be a check that never
 * runs, a case that cannot fail.
 */

const Code = z.string().regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'Finding codes are UPPER_SNAKE_CASE');
const Codes = z.array(Code);

export const PatchOperation = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), path: z.string(), value: z.unknown() }),
  z.strictObject({ op: z.literal('replace'), path: z.string(), value: z.unknown() }),
  z.strictObject({ op: z.literal('test'), path: z.string(), value: z.unknown() }),
  z.strictObject({ op: z.literal('remove'), path: z.string() }),
]);

/** Per requirement, keyed by its position counted from 1 (the first requirement is 1), as people count. */
export const RequirementExpectation = z.strictObject({
  valid: z.boolean().optional(),
  present: Codes.optional(),
  absent: Codes.optional(),
});

export const REGIME_KEYS = ['id', 'decidedBy', 'date'] as const;

export const Expectation = z
  .strictObject({
    ok: z.boolean().optional(),
    /** Codes the result must have, anywhere (on the order or on any requirement). */
    present: Codes.optional(),
    /** Codes the result must not have, anywhere. */
    absent: Codes.optional(),
    /** The result's codes are exactly these, no more and no fewer (`[]`: nothing at all to weigh). */
    exactly: Codes.optional(),
    requirements: z.record(z.string(), RequirementExpectation).optional(),
    /** The regime's id, or the fields of `result.regime` to match. */
    regime: z.union([z.string(), z.strictObject({ id: z.string().optional(), decidedBy: z.string().optional(), date: z.string().optional() })]).optional(),
    /** The confidence every finding with the code must have. */
    confidence: z.record(Code, z.enum(['verified', 'secondary', 'unverified'])).optional(),
  })
  .refine((e) => Object.values(e).some((v) => v !== undefined), { message: 'expect must say something: ok, present, absent, exactly, requirements, regime or confidence' })
  .superRefine((e, ctx) => {
    for (const key of Object.keys(e.requirements ?? {}))
      if (!/^[1-9]\d*$/.test(key)) ctx.addIssue({ code: 'custom', path: ['requirements', key], message: 'Requirements are numbered from 1 (the first requirement is 1)' });
  });
export type Expectation = z.infer<typeof Expectation>;

export const CaseOptions = z.strictObject({
  /** Dated parameter overrides (createValidator's `parameters`), inline or a file path relative to the case file. */
  parameters: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  /** Extra rule packs, by path relative to the case file. */
  rules: z.array(z.string().min(1)).optional(),
  /** The area's provision, inline or a file path relative to the case file. */
  provision: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  stage: z.enum(['proposal', 'sentence']).optional(),
  evaluator: z.enum(['compiled', 'json-rules-engine']).optional(),
});
export type CaseOptions = z.infer<typeof CaseOptions>;

/** `extends`: a path (relative to this file) to a file of one case, `#name` for a case in this file, or `path#name`. */
export const Extends = z.union([z.string().min(1), z.strictObject({ file: z.string().min(1).optional(), name: z.string().min(1).optional() })]);

export const CaseDefinition = z
  .strictObject({
    name: z.string().min(1).max(300),
    description: z.string().optional(),
    /** The proposed order, or a path (relative to this file) to a JSON or YAML file holding it. */
    input: z.union([z.record(z.string(), z.unknown()), z.string().min(1)]).optional(),
    extends: Extends.optional(),
    patch: z.array(PatchOperation).optional(),
    options: CaseOptions.optional(),
    expect: Expectation,
  })
  .superRefine((c, ctx) => {
    if ((c.input === undefined) === (c.extends === undefined)) ctx.addIssue({ code: 'custom', path: ['input'], message: 'a case needs exactly one of input or extends' });
  });
export type CaseDefinition = z.infer<typeof CaseDefinition>;
