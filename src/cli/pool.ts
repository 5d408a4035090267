import { Worker } from 'node:worker_threads';
import type { Batch, BatchOutput } from './lines.js';
import { WORKER_MARK, type WorkerInit } from './worker.js';
import type { ValidatorSpec } from './options.js';

interface Task {
  readonly batch: Batch;
  resolve(output: BatchOutput): void;
  reject(error: Error): void;
}

/**
 * Fixed worker threads, each running the CLI's own file. Tasks queue in order and each idle worker
 * takes the next one; results come back through each task's promise, so the caller decides the order
 * of output.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private failure: Error | undefined;
  private closing = false;

  constructor(url: URL, size: number, spec: ValidatorSpec) {
    const workerData: WorkerInit = { mark: WORKER_MARK, spec };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData });
      worker.on('message', (reply: { ok: true; output: BatchOutput } | { ok: false; message: string }) => {
        const task = this.running.get(worker);
        this.running.delete(worker);
        if (reply.ok) task?.resolve(reply.output);
        else this.fail(new Error(`worker failed: ${reply.message}`));
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(batch: Batch): Promise<BatchOutput> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage(task.batch);
    }
  }

  /** A worker's failure is a bug, not bad input: every pending task fails with it. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const task of [...this.running.values(), ...this.queue]) task.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}
