import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { CliError, resolvePath, write, type CliIo } from './io.js';
import { processBatch, validateFn, type Batch, type BatchOutput } from './lines.js';
import { validatorFrom, type ValidatorSpec } from './options.js';
import { WorkerPool } from './pool.js';
import { ProgressBar } from './progress.js';
import { emptyTally, mergeTally, renderTally, tallyExitCode } from './tally.js';

export interface NdjsonOptions {
  readonly file: string;
  readonly spec: ValidatorSpec;
  readonly workers: number;
  /** Lines per unit of work: large enough to amortise a message to a worker, small enough to keep memory flat. */
  readonly batchSize?: number;
}

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

/** Lines of a stream as they arrive; readline's iterator pauses the stream while the consumer is busy, so memory stays flat. */
export function linesOf(stream: Readable): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/**
 * Validate a caseload line by line. Output keeps input order: batches go out in order and are
 * written strictly in the order they were sent, whichever worker finishes first; at most a few
 * batches per worker are in flight, and writing waits for stdout to drain.
 */
export async function runNdjson(options: NdjsonOptions, io: CliIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const batchSize = options.batchSize ?? 64;
  if (options.workers > 1 && !io.workerUrl) throw new CliError('--workers needs the built CLI (dist/cli.js), which also runs as the worker');
  // Built here even when workers do the work, so a malformed override or pack is reported once, as bad input.
  const validate = validateFn(validatorFrom(options.spec), options.spec.evaluator);
  const input = await openCaseload(options.file, io);
  const pool = options.workers > 1 ? new WorkerPool(io.workerUrl!, options.workers, options.spec) : undefined;
  const runBatch = (batch: Batch): Promise<BatchOutput> => (pool ? pool.run(batch) : processBatch(validate, batch));
  const maxInFlight = pool ? options.workers * 4 : 1;

  const tally = emptyTally();
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, now, started) : undefined;
  const inFlight: Promise<BatchOutput>[] = [];
  const writeNext = async () => {
    const output = await inFlight.shift()!;
    mergeTally(tally, output.tally);
    await write(io.stdout, output.text);
    progress?.update({ lines: tally.lines, ...(input.bytes ? { bytes: input.bytes() } : {}) });
  };
  const send = (batch: Batch) => {
    const promise = runBatch(batch);
    // Awaited in order later; this only stops a failure of a later batch counting as unhandled meanwhile.
    promise.catch(() => undefined);
    inFlight.push(promise);
  };

  try {
    let lines: string[] = [];
    let lineNo = 0;
    for await (const line of linesOf(input.stream)) {
      lineNo++;
      lines.push(line);
      if (lines.length < batchSize) continue;
      send({ firstLine: lineNo - lines.length + 1, lines });
      lines = [];
      while (inFlight.length >= maxInFlight) await writeNext();
    }
    if (lines.length) send({ firstLine: lineNo - lines.length + 1, lines });
    while (inFlight.length) await writeNext();
  } finally {
    await pool?.close();
  }
  progress?.clear();
  await write(io.stderr, renderTally(tally, now() - started));
  return tallyExitCode(tally);
}
