import { parentPort, workerData } from 'node:worker_threads';
import type { ByteBatch } from './byte-batches.js';
import { processByteBatch, validateFn, type BatchHooks, type BatchOutput, type RecordOptions } from './lines.js';
import { validatorFrom, type ValidatorSpec } from './options.js';

/** Marks the worker threads the CLI starts, so the CLI's entry file knows to serve batches rather than parse argv. */
export const WORKER_MARK = 'proportionate-ndjson-worker';

export interface WorkerInit {
  readonly mark: typeof WORKER_MARK;
  readonly spec: ValidatorSpec;
  readonly records: RecordOptions;
}

export type WorkerReply = { readonly ok: true; readonly output: BatchOutput } | { readonly ok: false; readonly message: string; readonly detail?: string };

export const isWorkerInit = (data: unknown): data is WorkerInit =>
  data !== null && typeof data === 'object' && (data as { mark?: unknown }).mark === WORKER_MARK;

/**
 * FOR TESTS ONLY: these variables make a worker thread fail on purpose, so that tests can show that a
 * bug in a worker ends the run with exit 3 and a message, never a hang. Each holds a line number:
 *   PROPORTIONATE_TEST_WORKER_THROW_AT_LINE   answering that line throws (a bug in the validator)
 *   PROPORTIONATE_TEST_WORKER_EXIT_AT_LINE    the thread ends abruptly at that line (a crash)
 * Only worker threads read them; the main thread, and so `check` without --workers, never does.
 */
export const TEST_THROW_AT_LINE = 'PROPORTIONATE_TEST_WORKER_THROW_AT_LINE';
export const TEST_EXIT_AT_LINE = 'PROPORTIONATE_TEST_WORKER_EXIT_AT_LINE';

function testHooks(env: NodeJS.ProcessEnv): BatchHooks {
  const throwAt = Number(env[TEST_THROW_AT_LINE] ?? NaN);
  const exitAt = Number(env[TEST_EXIT_AT_LINE] ?? NaN);
  if (Number.isNaN(throwAt) && Number.isNaN(exitAt)) return {};
  return {
    beforeLine(line) {
      if (line === throwAt) throw new Error(`injected failure at line ${line} (${TEST_THROW_AT_LINE})`);
      if (line === exitAt) process.exit(70);
    },
  };
}

/** A worker thread's life: build the validator once, then answer each batch with its NDJSON text and tally. */
export function serveBatches(): void {
  const port = parentPort;
  if (!port || !isWorkerInit(workerData)) throw new Error('serveBatches runs only in a worker thread started by the CLI');
  const { spec, records } = workerData;
  const validate = validateFn(validatorFrom(spec), spec.evaluator);
  const hooks = testHooks(process.env);
  const encoder = new TextEncoder();
  port.on('message', (batch: ByteBatch) => {
    processByteBatch(validate, batch, records, hooks).then(
      (output) => {
        // Sent as bytes whose buffer moves to the main thread, so the main thread neither copies nor re-encodes the text.
        const bytes = encoder.encode(output.text as string);
        const reply: WorkerReply = { ok: true, output: { ...output, text: bytes } };
        port.postMessage(reply, [bytes.buffer]);
      },
      (error: unknown) => {
        const reply: WorkerReply = { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { detail: error.stack } : {}) };
        port.postMessage(reply);
      },
    );
  });
}
