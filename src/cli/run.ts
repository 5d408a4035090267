import { CHECK_USAGE, runCheck } from './check.js';
import { runCodes } from './codes.js';
import { runImpact } from './impact.js';
import { runInspect } from './inspect.js';
import { runLint } from './lint.js';
import { CliError, debugFromEnv, internalErrorText, write, type CliIo } from './io.js';
import { runSchema } from './schema.js';
import { runOptions } from './options-command.js';
import { runTest } from './test-command.js';
import { runServe } from './serve.js';
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

export type { CliIo } from './io.js';

export const USAGE = `proportionate ${version}: is a proposed community order with a DRR or ATR lawful and proportionate?

Usage: proportionate <command> [options]
  check FILE|-            report on one order (--json for the result object)
  check --ndjson FILE|-   a caseload, one order per line: one result line per input line
  impact --parameters FILE CASELOAD
                          which orders change status under changed parameters or rule packs
  inspect CASELOAD        the 2006 inspection's tables by area, with charts (--format markdown|html|json)
  codes                   list the finding codes
  schema                  print the JSON Schema of the input
  options FILE            what the law allows for a case, per requirement kind (--json)
  test PATH...            run case files (YAML or JSON): N passed, M failed
  lint FILE...            run the load-time checks on rule packs and parameter files
  serve                   an HTTP service over the validator (OpenAPI 3.1 at /openapi.json)
  <command> --help        that command's options
  --debug                 with any command: an internal error (exit 3) also prints its stack

Exit: 0 ok, 1 a breach or an invalid requirement, 2 bad input or usage, 3 an internal error.

${CHECK_USAGE}`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  check: runCheck,
  codes: runCodes,
  impact: runImpact,
  inspect: runInspect,
  options: runOptions,
  lint: runLint,
  schema: runSchema,
  serve: runServe,
  test: runTest,
};

/** The whole CLI as a function: argv without node and the script, streams injected; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // --debug may stand anywhere before a `--`: it is for whoever reports a bug, not an option of one command.
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const debug = argv.slice(0, end).includes('--debug') || debugFromEnv(io.env);
  const [command, ...rest] = argv.filter((arg, i) => i >= end || arg !== '--debug');
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      await write(command === undefined ? io.stderr : io.stdout, `${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      await write(io.stdout, `${version}\n`);
      return 0;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new CliError(`unknown command "${command}"; try proportionate --help`);
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      await write(io.stderr, `proportionate: ${error.message}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with these codes: a usage problem, not a crash.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      await write(io.stderr, `proportionate: ${(error as Error).message}\n`);
      return 2;
    }
    await write(io.stderr, internalErrorText(error, debug));
    return 3;
  }
}
