import { Worker } from 'node:worker_threads';
import { InternalError } from './io.js';
import type { ByteBatch } from './byte-batches.js';
import type { BatchOutput } from './lines.js';
import { WORKER_MARK, type WorkerInit, type WorkerReply } from './worker.js';

/** Batches a worker holds at once: the one it answers and the next, so it never idles for a hand-over. */
const AHEAD = 2;

interface Task {
  readonly batch: ByteBatch;
  resolve(output: BatchOutput): void;
  reject(error: Error): void;
}

/**
 * Fixed worker threads, each running the CLI's own file. Tasks queue in order and each worker holds
 * up to AHEAD of them, answered in the order given; results come back through each task's promise,
 * so the caller decides the order of output.
 *
 * Every task's promise settles, whatever happens to its thread: a thread that throws or exits takes
 * its own task down with it and is not used again. Tasks on other threads run on, since they may be
 * earlier lines that the caller still wants to write; tasks not yet started fail with the first error.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Task[] = [];
  /** Each live worker's tasks, oldest (the one it is answering) first. */
  private readonly running = new Map<Worker, Task[]>();
  private failure: Error | undefined;
  private closing = false;

  constructor(url: URL, size: number, init: Omit<WorkerInit, 'mark'>) {
    const workerData: WorkerInit = { mark: WORKER_MARK, ...init };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData });
      worker.on('message', (reply: WorkerReply) => {
        const task = this.running.get(worker)?.shift();
        if (reply.ok) task?.resolve(reply.output);
        else task?.reject(new InternalError(`worker thread failed: ${reply.message}`, reply.detail));
        this.pump();
      });
      worker.on('error', (error) => this.lose(worker, new InternalError(`worker thread failed: ${error.message}`, error.stack)));
      worker.on('exit', (code) => {
        if (!this.closing) this.lose(worker, new InternalError(`worker thread exited unexpectedly (code ${code})`));
      });
      this.workers.push(worker);
      this.running.set(worker, []);
    }
  }

  run(batch: ByteBatch): Promise<BatchOutput> {
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
    if (this.failure) return;
    while (this.queue.length) {
      // The least busy live worker, so that each always has its next batch at hand and never waits
      // for this thread (which shares the cores with it) to hand one over.
      let worker: Worker | undefined;
      let tasks: Task[] | undefined;
      for (const [w, t] of this.running) if (t.length < AHEAD && (tasks === undefined || t.length < tasks.length)) [worker, tasks] = [w, t];
      if (!worker || !tasks) return;
      const task = this.queue.shift()!;
      tasks.push(task);
      // The bytes move rather than being copied: the batch is not read here again, only its line numbers.
      worker.postMessage(task.batch, [task.batch.bytes.buffer]);
    }
  }

  /** A thread that threw or exited is a bug, not bad input: the task it was answering fails, and so does every task not yet started. */
  private lose(worker: Worker, error: Error): void {
    const [task, ...waiting] = this.running.get(worker) ?? [];
    this.running.delete(worker);
    const batch = task?.batch;
    const lost = batch?.count ? new InternalError(`${error.message}, answering lines ${batch.first} to ${batch.first + batch.count - 1}`, (error as InternalError).detail) : error;
    this.failure ??= lost;
    task?.reject(lost);
    for (const queued of [...waiting, ...this.queue.splice(0)]) queued.reject(this.failure);
  }
}
