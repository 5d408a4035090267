import { InvalidOrderError } from '../errors.js';
import type { ValidationResult } from '../findings/types.js';
import type { CaseFacts } from './case-facts.js';
import { NO_GROUP } from './observation.js';
import { buildReport, type InspectionReport } from './report.js';
import { InspectionTally } from './tally.js';

export const DEFAULT_GROUP_BY = 'provision.area';

export interface InspectorOptions {
  /** The validator's validate (sync or async): the only judge of an order. */
  readonly validate: (input: unknown) => ValidationResult | Promise<ValidationResult>;
  /** The facts its rules were given (caseFactsReader over the same parameters, provision and stage). */
  readonly caseFacts: (input: unknown) => CaseFacts;
  /** A fact name (`provision.area`, `order.band`, `offender.omTier`) or a dotted path into the order as given. */
  readonly by?: string;
}

const shown = (v: unknown): string | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  if (Array.isArray(v)) return v.length ? v.join(', ') : undefined;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

function atPath(value: unknown, path: string): unknown {
  let at = value;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Reads a caseload one order at a time into an InspectionTally. An order is grouped by a fact of
 * that name where the rules have one (so the area comes from the area default provision when the
 * order gives none), else by the path in the order as given.
 */
export class Inspector {
  readonly tally = new InspectionTally();
  readonly by: string;
  constructor(private readonly options: InspectorOptions) {
    this.by = options.by ?? DEFAULT_GROUP_BY;
  }

  /** One parsed line. Bad input (not a proposed order) is counted, never skipped silently; anything else thrown is a bug and propagates. */
  async add(line: number, value: unknown): Promise<void> {
    let result: ValidationResult;
    try {
      result = await this.options.validate(value);
    } catch (error) {
      if (error instanceof InvalidOrderError) return this.tally.countBad(line);
      throw error;
    }
    const facts = this.options.caseFacts(value);
    const fromFacts = facts.fact(this.by);
    const group = shown(fromFacts !== undefined ? fromFacts : atPath(value, this.by)) ?? NO_GROUP;
    this.tally.add({ line, ...(result.id === undefined ? {} : { id: result.id }), group, result, case: facts });
  }

  addBad(line: number): void {
    this.tally.countBad(line);
  }

  addBlank(): void {
    this.tally.blank++;
  }

  report(file: string): InspectionReport {
    return buildReport(this.tally, file, this.by);
  }
}
