import { InvalidOrderError, type ValidationResult, type Validator } from '../index.js';
import { recordText, type LineRecord, type RecordFormat } from './batch-record.js';
import { caseIdFromText, caseIdOf } from './case-id.js';
import { formatBytes } from './io.js';
import { lineText, textEnd } from './line-reader.js';
import type { ByteBatch } from './byte-batches.js';
import { countBad, countBlank, countResult, emptyTally, type Tally } from './tally.js';

export type { LineRecord } from './batch-record.js';

/** One caseload line to answer: its text, or the fact that it was too long to read. Blank lines never get this far. */
export type BatchItem = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

/** Lines to answer together: consecutive apart from the blank lines between them, which are not answered. */
export interface Batch {
  readonly items: readonly BatchItem[];
}

export interface RecordOptions {
  readonly format: RecordFormat;
  /** The line limit in force, named in the error record of a line past it. */
  readonly maxOrderBytes: number;
}

/** Where processing a line threw something that is not bad input: a bug, reported with the line it stopped at. */
export interface BatchFailure {
  readonly line: number;
  readonly message: string;
  readonly detail?: string;
}

export interface BatchOutput {
  /** One NDJSON record per item, in input order, each ending in a newline; UTF-8 bytes when it comes from a worker. */
  readonly text: string | Uint8Array;
  readonly tally: Tally;
  /** Set when a line failed: `text` then answers every item before that line, and no item after it. */
  readonly failure?: BatchFailure;
}

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

export type Validate = (input: unknown) => ValidationResult | Promise<ValidationResult>;

const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/** The record for one parsed line. Bad input becomes an error record, never a skipped line; anything else thrown is a bug and propagates. */
export async function recordForValue(validate: Validate, value: unknown, line: number): Promise<LineRecord> {
  return answerValue(validate, value, line);
}

export async function recordFor(validate: Validate, text: string, line: number): Promise<LineRecord> {
  return answerText(validate, text, line);
}

const refused = (error: unknown, line: number, id: string | undefined): LineRecord => {
  if (error instanceof InvalidOrderError) return { line, ...withId(id), error: { message: error.message, issues: error.issues } };
  throw error;
};

/**
 * recordForValue without a promise when the validator answers at once, as validateSync does: the
 * caseload's hot loop then runs a whole batch without giving way once per line.
 */
function answerValue(validate: Validate, value: unknown, line: number): LineRecord | Promise<LineRecord> {
  const id = caseIdOf(value);
  let answer: ValidationResult | Promise<ValidationResult>;
  try {
    answer = validate(value);
  } catch (error) {
    return refused(error, line, id);
  }
  if (answer instanceof Promise) return answer.then((result) => ({ line, ...withId(id), result }), (error: unknown) => refused(error, line, id));
  return id === undefined ? { line, result: answer } : { line, id, result: answer };
}

function answerText(validate: Validate, text: string, line: number): LineRecord | Promise<LineRecord> {
  const parsed = parseLine(text);
  if ('error' in parsed) return { line, ...withId(caseIdFromText(text)), error: { message: parsed.error } };
  return answerValue(validate, parsed.value, line);
}

export const tooLongMessage = (maxOrderBytes: number) =>
  `Line is longer than ${formatBytes(maxOrderBytes)}, the most one order may take (--max-order-bytes raises it): not read`;

export interface BatchHooks {
  /** Called before each line is answered; throwing here is how tests stand in for a bug. */
  readonly beforeLine?: (line: number) => void;
}

const describeFailure = (line: number, error: unknown): BatchFailure => ({
  line,
  message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  ...(error instanceof Error && error.stack ? { detail: error.stack } : {}),
});

const LF = 0x0a;

/** One item's record line, counted in the tally; anything thrown is a bug, for the caller to report with the line. */
function answerItem(validate: Validate, item: BatchItem, options: RecordOptions, tally: Tally): string | Promise<string> {
  const answered = 'tooLong' in item ? { line: item.line, error: { message: tooLongMessage(options.maxOrderBytes) } } : answerText(validate, item.text, item.line);
  if (answered instanceof Promise) return answered.then((record) => recordLine(record, options, tally));
  return recordLine(answered, options, tally);
}

function recordLine(record: LineRecord, options: RecordOptions, tally: Tally): string {
  const text = `${recordText(record, options.format)}\n`;
  if ('result' in record) countResult(tally, record.result);
  else countBad(tally);
  return text;
}

/** Answer each item in order. A bug on one line stops the batch there, keeping the answers before it, so that every line before a failure is answered. */
export async function processBatch(validate: Validate, batch: Batch, options: RecordOptions, hooks: BatchHooks = {}): Promise<BatchOutput> {
  const tally = emptyTally();
  let text = '';
  for (const item of batch.items) {
    try {
      hooks.beforeLine?.(item.line);
      const answered = answerItem(validate, item, options, tally);
      text += answered instanceof Promise ? await answered : answered;
    } catch (error) {
      return { text, tally, failure: describeFailure(item.line, error) };
    }
  }
  return { text, tally };
}

/**
 * processBatch for lines still in bytes, as readByteBatches cuts them: each line is decoded here
 * as readLines would have decoded it (lineText), and a blank line is counted, not answered. Its
 * own loop rather than processBatch over a generator of items, which took 1-2% more CPU on a caseload
 * (three alternating runs of 100,000 lines).
 */
export async function processByteBatch(validate: Validate, batch: ByteBatch, options: RecordOptions, hooks: BatchHooks = {}): Promise<BatchOutput> {
  const tally = emptyTally();
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  let text = '';
  let start = 0;
  let tooLongAt = 0;
  for (let i = 0; i < batch.count; i++) {
    const line = batch.first + i;
    const from = start;
    const newline = bytes.indexOf(LF, from);
    start = newline + 1;
    let item: BatchItem;
    if (batch.tooLong[tooLongAt] === line) {
      tooLongAt++;
      item = { line, tooLong: true };
    } else {
      const decoded = lineText(bytes, from, textEnd(bytes, from, newline), line);
      if (decoded === undefined) {
        countBlank(tally);
        continue;
      }
      item = { line, text: decoded };
    }
    try {
      hooks.beforeLine?.(line);
      const answered = answerItem(validate, item, options, tally);
      text += answered instanceof Promise ? await answered : answered;
    } catch (error) {
      return { text, tally, failure: describeFailure(line, error) };
    }
  }
  return { text, tally };
}
