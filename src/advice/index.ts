/**
 * Advice sits above the validator and only calls it: remedies for findings (verified by running
 * the validator on the patched input) and the envelope of a case. Both read the same rule packs
 * and dated parameters as validation, through the validator's own `packs` and `parameters`.
 */
import { InvalidOrderError } from '../errors.js';
import { frozenPlainCopy } from '../freeze.js';
import type { LoadedPack } from '../engine/load.js';
import type { Stage } from '../facts/order.js';
import type { Finding, Remedy, ValidationResult } from '../findings/types.js';
import type { ParameterTable } from '../law/parameters.js';
import { createResolver } from '../law/resolve.js';
import { ProposedOrderSchema, type ProposedOrder, type Provision } from '../schema/order.js';
import { caseFactsOf } from './case.js';
import { envelopeOf, type Envelope } from './envelope.js';
import { remediesFor, remediesForAsync, wantsRemedies, withRemedies } from './remedies.js';

export type { Envelope, KindEnvelope, QuantityEnvelope, EnvelopeLimit, ConditionalLimit, ConditionEnvelope, TensionEnvelope, IntensityEnvelope, OrderEnvelope } from './envelope.js';
export type { JsonPatch, PatchOperation } from './json-patch.js';
export { applyPatch, JsonPatchError } from './json-patch.js';

/** The part of a validator that advice calls. */
export interface CoreValidator<O> {
  validate(input: unknown, options?: O): Promise<ValidationResult>;
  validateSync(input: unknown, options?: O): ValidationResult;
  safeValidate(input: unknown, options?: O): Promise<{ readonly success: true; readonly result: ValidationResult } | { readonly success: false; readonly error: InvalidOrderError }>;
  readonly parameters: ParameterTable;
  readonly packs: readonly LoadedPack[];
}

export interface AdviceContext {
  readonly provision?: Provision;
  readonly stage?: Stage;
  /** Whether validateSync works (the compiled evaluator); otherwise remedies are verified through validate. */
  readonly sync: boolean;
}

/** Reads `options.remedies` strictly, as `explain` is read: a value that is not a boolean is a usage error. */
export function wantsRemediesOption(options: unknown): boolean {
  if (options === undefined || options === null || typeof options !== 'object') return false;
  const remedies = (options as { remedies?: unknown }).remedies;
  if (remedies !== undefined && typeof remedies !== 'boolean') throw new TypeError(`options.remedies must be true or false, not ${JSON.stringify(remedies) ?? typeof remedies}`);
  return remedies === true;
}

const parse = (input: unknown): ProposedOrder => {
  const parsed = ProposedOrderSchema.safeParse(input);
  if (!parsed.success) throw new InvalidOrderError(parsed.error.issues);
  return parsed.data;
};

/**
 * Wraps a validator: `validate`, `validateSync` and `safeValidate` take `{ remedies }` beside the
 * core's own options (passed through untouched), and `options(input)` gives the envelope. Without
 * `remedies` a call goes straight to the core: same result, same speed.
 */
export function withAdvice<O, C extends CoreValidator<O>>(core: C, context: AdviceContext) {
  const resolver = createResolver(core.parameters);
  const caseOf = (order: ProposedOrder) => caseFactsOf(order, resolver, context.provision, context.stage);
  const targets = (result: ValidationResult): Finding[] => {
    const all = [...result.requirements.flatMap((r) => r.findings), ...result.breaches, ...result.tensions];
    return [...new Set(all)].filter(wantsRemedies);
  };
  const quiet = (patched: unknown): ValidationResult | undefined => {
    try {
      return core.validateSync(patched);
    } catch (error) {
      if (error instanceof InvalidOrderError) return undefined;
      throw error;
    }
  };
  const quietAsync = async (patched: unknown): Promise<ValidationResult | undefined> => {
    const outcome = await core.safeValidate(patched);
    return outcome.success ? outcome.result : undefined;
  };

  // Patches are written against the input as plain data (it validated, so it is readable as such).
  const plain = (input: unknown): unknown => frozenPlainCopy(input);
  const addSync = (given: unknown, result: ValidationResult): ValidationResult => {
    const findings = targets(result);
    if (findings.length === 0) return result;
    const input = plain(given);
    const cf = caseOf(parse(input));
    const found = new Map(findings.map((f) => [f, remediesFor(core.packs, cf, input, result, f, quiet)] as const));
    return withRemedies(result, (f) => found.get(f));
  };
  const add = async (given: unknown, result: ValidationResult): Promise<ValidationResult> => {
    if (context.sync) return addSync(given, result);
    const findings = targets(result);
    if (findings.length === 0) return result;
    const input = plain(given);
    const cf = caseOf(parse(input));
    const found = new Map<Finding, readonly Remedy[]>();
    for (const f of findings) found.set(f, await remediesForAsync(core.packs, cf, input, result, f, quietAsync));
    return withRemedies(result, (f) => found.get(f));
  };

  return {
    ...core,
    async validate(input: unknown, options?: O & { readonly remedies?: boolean }): Promise<ValidationResult> {
      const remedies = wantsRemediesOption(options);
      const result = await core.validate(input, options);
      return remedies ? add(input, result) : result;
    },
    validateSync(input: unknown, options?: O & { readonly remedies?: boolean }): ValidationResult {
      const remedies = wantsRemediesOption(options);
      const result = core.validateSync(input, options);
      return remedies ? addSync(input, result) : result;
    },
    async safeValidate(input: unknown, options?: O & { readonly remedies?: boolean }) {
      const remedies = wantsRemediesOption(options);
      const outcome = await core.safeValidate(input, options);
      return remedies && outcome.success ? { success: true as const, result: await add(input, outcome.result) } : outcome;
    },
    /** The lawful envelope of a case: per requirement kind, what the law in force allows and what it would cost. */
    options(input: unknown): Envelope {
      return envelopeOf(core.packs, caseOf(parse(input)));
    },
  };
}
