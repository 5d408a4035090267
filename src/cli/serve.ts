import { parseArgs } from 'node:util';
import type { ValidatorOptions } from '../index.js';
import { CliError, parseMaxOrderBytes, write, type CliIo } from './io.js';
import { VALIDATOR_FLAGS, loadValidatorSpec } from './options.js';

export const SERVE_USAGE = `Usage: proportionate serve [options]
  An HTTP service over the validator (docs/service.md): POST /v1/validate, POST /v1/validate/batch
  (NDJSON), POST /v1/options, GET /v1/codes, GET /v1/schema, GET /openapi.json (OpenAPI 3.1), GET /health.
  --port N               the port to listen on (default 8080; 0 picks a free one, named in the first log line)
  --host HOST            the address to listen on (default 127.0.0.1: this machine only)
  --body-limit N         the most bytes a JSON body may take; past it, 413 (default 1048576)
  --max-order-bytes N    the most bytes one line of a batch may take (default 1 MiB)
  --request-timeout MS   the most milliseconds a request may take to arrive; 0 for no limit (default 60000)
  --parameters FILE      JSON of dated parameter overrides, for every request
  --rules FILE           an extra rule pack (repeatable)
  --provision FILE       the area's provision, used when an order gives none
  --evaluator NAME       compiled (default) or json-rules-engine
  --stage STAGE          the default stage, proposal or sentence; a request may give ?stage=
  Logs one JSON line a request on stderr. SIGTERM or SIGINT: stop taking requests, finish those in
  flight, exit 0.`;

const wholeNumber = (flag: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
};

/** Resolves when the process is asked to stop; the handlers go again afterwards so that a second signal is Node's default (stop now). */
const stopRequested = (): Promise<string> =>
  new Promise((resolve) => {
    const on = (signal: string) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.once('SIGTERM', on);
    process.once('SIGINT', on);
  });

export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'body-limit': { type: 'string' },
      'max-order-bytes': { type: 'string' },
      'request-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...VALIDATOR_FLAGS,
    },
  });
  if (values.help) {
    await write(io.stdout, `${SERVE_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new CliError(`serve takes no FILE\n${SERVE_USAGE}`);
  const port = wholeNumber('--port', values.port, 8080, 0, 65535);
  const host = values.host ?? '127.0.0.1';
  const bodyLimit = wholeNumber('--body-limit', values['body-limit'], 1024 * 1024, 1, 256 * 1024 * 1024);
  const requestTimeout = wholeNumber('--request-timeout', values['request-timeout'], 60_000, 0, 24 * 60 * 60 * 1000);
  const maxOrderBytes = parseMaxOrderBytes(values['max-order-bytes']);
  const spec = await loadValidatorSpec(values, io);
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  const event = (msg: string, extra: Record<string, unknown> = {}) => log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...extra }));

  // Loaded here, on demand, so that neither `import 'proportionate'` nor any other command loads fastify.
  const { buildServer } = await import('../service/index.js');
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    app = await buildServer({ validator: spec as ValidatorOptions, bodyLimit, requestTimeout, maxOrderBytes, log });
  } catch (error) {
    // createValidator refuses a malformed override, pack or provision: the caller's bad input.
    if (error instanceof TypeError || (error as Error).name === 'RulePackError' || (error as Error).name === 'ParameterError') throw new CliError((error as Error).message);
    throw error;
  }
  const stop = stopRequested();
  let url: string;
  try {
    url = await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new CliError(`cannot listen on ${host}:${port}: ${code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : 'no such address here'}`);
    throw error;
  }
  event('listening', { url, pid: process.pid });
  const signal = await stop;
  event('shutting down', { signal });
  await app.close();
  event('stopped');
  return 0;
}
