import { writeSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { debugFromEnv, internalErrorText } from './io.js';
import { run } from './run.js';
import { isWorkerInit, serveBatches } from './worker.js';

// The built file is both the command and, for `check --ndjson --workers N`, the worker threads' code.
if (!isMainThread && isWorkerInit(workerData)) {
  serveBatches();
} else {
  const argv = process.argv.slice(2);
  // Whatever escapes run() is a bug: exit 3 with a message, never Node's default of a stack and exit 1.
  const crash = (error: unknown) => {
    const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
    writeSync(2, internalErrorText(error, argv.slice(0, end).includes('--debug') || debugFromEnv(process.env)));
    process.exit(3);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    crash(error);
  });
  run(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    workerUrl: new URL(import.meta.url),
  }).then((code) => {
    process.exitCode = code;
  }, crash);
}
