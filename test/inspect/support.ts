import fc from 'fast-check';
import { createValidator, type ValidatorOptions } from '../../src/index.js';
import { caseFactsReader } from '../../src/inspect/case-facts.js';
import { Inspector } from '../../src/inspect/inspector.js';
import type { InspectionReport } from '../../src/inspect/report.js';

/** Plain JSON copies of generated orders, so a test may edit them freely. */
export const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] => fc.sample(arb, { numRuns: n, seed }).map((o) => structuredClone(o));

/** Inspect orders in-process, as the CLI does: the validator judges, the fact reader gives what no finding carries. */
export async function inspect(orders: readonly unknown[], options: ValidatorOptions & { by?: string } = {}): Promise<InspectionReport> {
  const { by, ...validatorOptions } = options;
  const validator = createValidator(validatorOptions);
  const inspector = new Inspector({
    validate: (input) => validator.validateSync(input),
    caseFacts: caseFactsReader({ parameters: validator.parameters, provision: validatorOptions.provision }),
    ...(by === undefined ? {} : { by }),
  });
  for (const [i, order] of orders.entries()) await inspector.add(i + 1, order);
  return inspector.report('test caseload');
}

export type Order = Record<string, any>;
