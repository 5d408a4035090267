import { isMainThread, workerData } from 'node:worker_threads';
import { run } from './run.js';
import { isWorkerInit, serveBatches } from './worker.js';

// The built file is both the command and, for `check --ndjson --workers N`, the worker threads' code.
if (!isMainThread && isWorkerInit(workerData)) {
  serveBatches();
} else {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    workerUrl: new URL(import.meta.url),
  }).then((code) => {
    process.exitCode = code;
  });
}
