import { InvalidOrderError } from '../errors.js';
import type { ValidationResult } from '../findings/types.js';
import { createValidator, type Validator, type ValidatorOptions } from '../validator.js';
import { codesNamed, compareExpectation } from './compare.js';
import { CaseFileError, type LoadedCase, type ResolvedOptions } from './load.js';

export interface CaseOutcome {
  readonly case: LoadedCase;
  readonly passed: boolean;
  /** What differed, one phrase each; empty when the case passed. */
  readonly differences: readonly string[];
  readonly result: ValidationResult;
}

export interface RunCasesOptions {
  /** Run every case with this evaluator, whatever the case's options say. */
  readonly evaluator?: 'compiled' | 'json-rules-engine';
}

/**
 * Run loaded cases. Cases with the same options share one validator (loading the packs is the
 * costly part). Anything that makes a case unrunnable (options the validator refuses, an input that
 * is not a proposed order, a code in `expect` that no rule defines, which would make `absent` a check
 * that can never fail) throws CaseFileError naming the file and the field.
 */
export async function runCases(cases: readonly LoadedCase[], options: RunCasesOptions = {}): Promise<CaseOutcome[]> {
  const validators = new Map<string, { validator: Validator; codes: ReadonlySet<string> }>();
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const fail = (field: string, problem: string): never => {
      throw new CaseFileError(c.file, `${c.at}${field}`, problem, c.name);
    };
    const resolved: ResolvedOptions = options.evaluator ? { ...c.options, evaluator: options.evaluator } : c.options;
    const key = JSON.stringify(resolved);
    let entry = validators.get(key);
    if (!entry) {
      let validator: Validator;
      try {
        validator = createValidator(resolved as ValidatorOptions);
      } catch (error) {
        return fail('options', (error as Error).message);
      }
      entry = { validator, codes: new Set(validator.packs.flatMap((p) => p.rules.map((r) => r.event.type))) };
      validators.set(key, entry);
    }
    for (const { code, field } of codesNamed(c.expect)) if (!entry.codes.has(code)) fail(field, `no rule defines the code ${code}`);
    let result: ValidationResult;
    try {
      result = await entry.validator.validate(c.input);
    } catch (error) {
      if (error instanceof InvalidOrderError) return fail('input', error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      throw error;
    }
    const differences = compareExpectation(c.expect, result);
    outcomes.push({ case: c, passed: differences.length === 0, differences, result });
  }
  return outcomes;
}

/** One line for a failing case: where it is, its name, and what differed. */
export const failureLine = (o: CaseOutcome): string => `FAIL ${o.case.file}: ${o.case.name}: ${o.differences.join('; ')}`;

/** The closing line: exactly `N passed, M failed`. */
export const summaryLine = (outcomes: readonly CaseOutcome[]): string => {
  const passed = outcomes.filter((o) => o.passed).length;
  return `${passed} passed, ${outcomes.length - passed} failed`;
};
