import { parentPort, workerData } from 'node:worker_threads';
import { processBatch, validateFn, type Batch } from './lines.js';
import { validatorFrom, type ValidatorSpec } from './options.js';

/** Marks the worker threads the CLI starts, so the CLI's entry file knows to serve batches rather than parse argv. */
export const WORKER_MARK = 'proportionate-ndjson-worker';

export interface WorkerInit {
  readonly mark: typeof WORKER_MARK;
  readonly spec: ValidatorSpec;
}

export const isWorkerInit = (data: unknown): data is WorkerInit =>
  data !== null && typeof data === 'object' && (data as { mark?: unknown }).mark === WORKER_MARK;

/** A worker thread's life: build the validator once, then answer each batch with its NDJSON text and tally. */
export function serveBatches(): void {
  const port = parentPort;
  if (!port || !isWorkerInit(workerData)) throw new Error('serveBatches runs only in a worker thread started by the CLI');
  const { spec } = workerData;
  const validate = validateFn(validatorFrom(spec), spec.evaluator);
  const encoder = new TextEncoder();
  port.on('message', (batch: Batch) => {
    processBatch(validate, batch).then(
      (output) => {
        // Sent as bytes whose buffer moves to the main thread, so the main thread neither copies nor re-encodes the text.
        const bytes = encoder.encode(output.text as string);
        port.postMessage({ ok: true, output: { text: bytes, tally: output.tally } }, [bytes.buffer]);
      },
      (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
