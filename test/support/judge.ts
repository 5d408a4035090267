import { expect } from 'vitest';
import { createValidator, type Finding, type ProposedOrderInput, type ValidationResult } from '../../src/index.js';

const compiled = createValidator();
const reference = createValidator({ evaluator: 'json-rules-engine' });

/** The result of the compiled evaluator, after checking json-rules-engine gives the same: a finding one of them alone gives is a bug in itself. */
export async function judgedByBoth(order: ProposedOrderInput): Promise<ValidationResult> {
  const result = await compiled.validate(order);
  expect(await reference.validate(order), 'both evaluators agree').toEqual(result);
  return result;
}

/** Every listing of `code` in a result: a requirement's breach, tension or advisory is listed under it and in its kind's list, so it counts twice. */
export const ofCode = (r: ValidationResult, code: string): Finding[] =>
  [...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories].filter((f) => f.code === code);
