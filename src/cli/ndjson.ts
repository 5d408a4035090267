import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliError, InternalError, resolvePath, write, type CliIo } from './io.js';
import { readLines, textLines } from './line-reader.js';
import { readByteBatches, type ByteBatch } from './byte-batches.js';
import { processByteBatch, validateFn, type Batch, type BatchItem, type BatchOutput, type RecordOptions } from './lines.js';
import { validatorFrom, type ValidatorSpec } from './options.js';
import { WorkerPool } from './pool.js';
import { ProgressBar } from './progress.js';
import { countBlank, emptyTally, mergeTally, renderTally, tallyExitCode, type Tally } from './tally.js';

export interface NdjsonOptions {
  readonly file: string;
  readonly spec: ValidatorSpec;
  readonly workers: number;
  readonly records: RecordOptions;
  /** Lines per unit of work: large enough to amortise a message to a worker, small enough to keep memory flat. */
  readonly batchSize?: number;
}

/**
 * A batch of the CLI's caseload closes at this many lines or bytes (a file is read 64 KiB at a
 * time, and a batch closes at the end of each read too). Batches four and sixteen times larger
 * took less of the main thread but more of each worker, whose output for a batch then becomes one
 * string of hundreds of kilobytes. With a few batches per worker in flight, memory stays a few
 * megabytes whatever the length of the caseload.
 */
const BATCH_LINES = 64;
const BATCH_BYTES = 64 * 1024;

export interface CaseloadInput {
  readonly stream: Readable;
  /** Bytes read and in all, for a file; absent for standard input. */
  readonly bytes?: () => { read: number; total: number };
}

/** The caseload's stream: stdin for `-`, else the file, checked first so a missing file is a clear error and not a stream event. */
export async function openCaseload(file: string, io: CliIo): Promise<CaseloadInput> {
  if (file === '-') return { stream: io.stdin };
  const path = resolvePath(file, io);
  let total: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    total = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read caseload ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
  const stream = createReadStream(path);
  return { stream, bytes: () => ({ read: stream.bytesRead, total }) };
}

/**
 * Lines of a stream as text, split at LF only (see readLines), without a size limit; blank lines
 * come through as empty strings. For callers that number the lines themselves, such as `impact`.
 */
export function linesOf(stream: Readable): AsyncIterable<string> {
  return textLines(stream);
}

export interface CaseloadOptions {
  readonly input: Readable;
  /** Answers one batch: in this thread, in a worker, or in whatever a server uses. */
  readonly run: (batch: Batch) => Promise<BatchOutput>;
  /** Where the records go, in input order; awaited, so a slow reader holds the input back. */
  readonly write: (chunk: string | Uint8Array) => Promise<void>;
  readonly maxOrderBytes: number;
  /** Batches answered or being answered at once, and so how far reading runs ahead of writing. */
  readonly maxInFlight?: number;
  readonly batchSize?: number;
  /** A batch closes at this many characters too, so a run of long lines does not make a huge one. */
  readonly batchChars?: number;
  /** After each batch is written: the tally so far. */
  readonly onProgress?: (tally: Tally) => void;
}

interface Slot {
  settled: boolean;
  output?: BatchOutput;
  error?: unknown;
}

/**
 * Answer an NDJSON stream of orders, one record per line that holds anything, written strictly in
 * input order whichever batch finishes first. Lines are sent in batches, and a batch also closes
 * whenever the reader has used up what has arrived, so a slow stream is answered line by line as it
 * comes. Each batch is written as soon as it and every batch before it are done; reading waits while
 * `maxInFlight` batches are unwritten, so memory is bounded by the batches, not by the input.
 *
 * A bug answering a line (or a lost worker) ends the run with an InternalError, after writing every
 * record before that line; a stream that cannot be read is a CliError. Resolves to the tally.
 */
export function answerCaseload(options: CaseloadOptions): Promise<Tally> {
  const batchSize = options.batchSize ?? 64;
  const batchChars = options.batchChars ?? 1024 * 1024;
  return answerInOrder(options, async function* itemBatches(tally) {
    let items: BatchItem[] = [];
    let chars = 0;
    for await (const lines of readLines(options.input, options.maxOrderBytes)) {
      for (const line of lines) {
        if ('blank' in line) {
          countBlank(tally);
          continue;
        }
        items.push(line);
        chars += 'text' in line ? line.text.length : 0;
        if (items.length >= batchSize || chars >= batchChars) {
          yield { items };
          items = [];
          chars = 0;
        }
      }
      if (items.length) {
        yield { items };
        items = [];
        chars = 0;
      }
    }
  });
}

interface InOrderOptions<B> {
  readonly input: Readable;
  readonly run: (batch: B) => Promise<BatchOutput>;
  readonly write: (chunk: string | Uint8Array) => Promise<void>;
  readonly maxInFlight?: number;
  readonly onProgress?: (tally: Tally) => void;
}

/** The order keeping of answerCaseload, for batches of any shape: `batches` reads the input (counting into the tally what it answers itself) and is read no further ahead than `maxInFlight` batches. */
async function answerInOrder<B>(options: InOrderOptions<B>, batches: (tally: Tally) => AsyncIterable<B>): Promise<Tally> {
  const { input } = options;
  const maxInFlight = options.maxInFlight ?? 1;
  const tally = emptyTally();
  const slots: Slot[] = [];
  let failure: unknown;
  let draining = Promise.resolve();
  let wakeReader: (() => void) | undefined;
  const wake = () => {
    const resume = wakeReader;
    wakeReader = undefined;
    resume?.();
  };
  const fail = (error: unknown) => {
    failure ??= error;
    // The reader may be waiting for a slow stream that will never send the line that ends it.
    input.destroy();
  };

  const drain = async () => {
    while (failure === undefined && slots[0]?.settled) {
      const slot = slots.shift()!;
      try {
        if (slot.error !== undefined) throw slot.error;
        const output = slot.output!;
        mergeTally(tally, output.tally);
        await options.write(output.text);
        const f = output.failure;
        if (f) throw new InternalError(`answering line ${f.line}: ${f.message}`, f.detail);
        options.onProgress?.(tally);
      } catch (error) {
        fail(error);
      }
      wake();
    }
  };
  const send = (batch: B) => {
    const slot: Slot = { settled: false };
    slots.push(slot);
    options.run(batch).then(
      (output) => void (slot.output = output),
      (error: unknown) => void (slot.error = error ?? new InternalError('a batch failed without a reason')),
    ).finally(() => {
      slot.settled = true;
      draining = draining.then(drain);
    });
  };
  const waitWhile = async (busy: () => boolean) => {
    while (failure === undefined && busy()) await new Promise<void>((resolve) => (wakeReader = resolve));
  };

  try {
    for await (const batch of batches(tally)) {
      send(batch);
      await waitWhile(() => slots.length >= maxInFlight);
      if (failure !== undefined) break;
    }
    await waitWhile(() => slots.length > 0);
  } catch (error) {
    // Destroying the input on a failure may end the read with an error of its own: the failure is the news.
    if (failure === undefined) throw new CliError(`cannot read the caseload: ${(error as Error).message}`);
  }
  if (failure !== undefined) throw failure;
  return tally;
}

/** answerCaseload for the CLI: lines go to be answered as the input's bytes, decoded and split where they are answered. */
function answerByteCaseload(options: Omit<InOrderOptions<ByteBatch>, 'input'> & { readonly input: CaseloadInput; readonly maxOrderBytes: number; readonly batchSize?: number }): Promise<Tally> {
  const batchSize = options.batchSize ?? BATCH_LINES;
  return answerInOrder({ ...options, input: options.input.stream }, () =>
    readByteBatches(options.input.stream, { maxBytes: options.maxOrderBytes, lines: batchSize, bytes: BATCH_BYTES }),
  );
}

/**
 * `check --ndjson`: validate a caseload line by line. With workers, a few batches per worker are in
 * flight; without, one, so reading keeps pace with writing.
 */
export async function runNdjson(options: NdjsonOptions, io: CliIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  if (options.workers > 1 && !io.workerUrl) throw new CliError('--workers needs the built CLI (dist/cli.js), which also runs as the worker');
  // Built here even when workers do the work, so a malformed override or pack is reported once, as bad input.
  const validate = validateFn(validatorFrom(options.spec), options.spec.evaluator);
  const input = await openCaseload(options.file, io);
  const pool = options.workers > 1 ? new WorkerPool(io.workerUrl!, options.workers, { spec: options.spec, records: options.records }) : undefined;
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, now, started) : undefined;
  let tally: Tally;
  try {
    tally = await answerByteCaseload({
      input,
      run: pool ? (batch) => pool.run(batch) : (batch) => processByteBatch(validate, batch, options.records),
      write: (chunk) => write(io.stdout, chunk),
      maxOrderBytes: options.records.maxOrderBytes,
      maxInFlight: pool ? options.workers * 4 : 1,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      onProgress: (t) => progress?.update({ lines: t.lines, ...(input.bytes ? { bytes: input.bytes() } : {}) }),
    });
  } finally {
    progress?.clear();
    await pool?.close();
  }
  await write(io.stderr, renderTally(tally, now() - started));
  return tallyExitCode(tally);
}
