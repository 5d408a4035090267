import { InvalidOrderError, type ValidationResult, type Validator } from '../index.js';
import { countBad, countResult, emptyTally, type Tally } from './tally.js';

/** A run of consecutive input lines, numbered from 1 as an editor numbers them. */
export interface Batch {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

export interface BatchOutput {
  /** One NDJSON record per input line, in input order, each ending in a newline; UTF-8 bytes when it comes from a worker. */
  readonly text: string | Uint8Array;
  readonly tally: Tally;
}

export type LineRecord =
  | { readonly line: number; readonly result: ValidationResult }
  | { readonly line: number; readonly error: { readonly message: string; readonly issues?: InvalidOrderError['issues'] } };

/** Parse a caseload line as JSON; an empty line or bad JSON gives the error to report instead. */
export function parseLine(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { error: 'Empty line: expected one proposed order as JSON' };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Validate with the synchronous path where the evaluator has one: the caseload's hot loop. */
export const validateFn = (validator: Validator, evaluator: string | undefined) =>
  evaluator === undefined || evaluator === 'compiled' ? (input: unknown) => validator.validateSync(input) : (input: unknown) => validator.validate(input);

type Validate = (input: unknown) => ValidationResult | Promise<ValidationResult>;

/** The record for one parsed line. Bad input becomes an error record, never a skipped line; anything else thrown is a bug and propagates. */
export async function recordForValue(validate: Validate, value: unknown, line: number): Promise<LineRecord> {
  try {
    return { line, result: await validate(value) };
  } catch (error) {
    if (error instanceof InvalidOrderError) return { line, error: { message: error.message, issues: error.issues } };
    throw error;
  }
}

export async function recordFor(validate: Validate, text: string, line: number): Promise<LineRecord> {
  const parsed = parseLine(text);
  if ('error' in parsed) return { line, error: { message: parsed.error } };
  return recordForValue(validate, parsed.value, line);
}

export async function processBatch(validate: Validate, batch: Batch): Promise<BatchOutput> {
  const tally = emptyTally();
  let text = '';
  for (let i = 0; i < batch.lines.length; i++) {
    const record = await recordFor(validate, batch.lines[i]!, batch.firstLine + i);
    if ('result' in record) countResult(tally, record.result);
    else countBad(tally);
    text += `${JSON.stringify(record)}\n`;
  }
  return { text, tally };
}
