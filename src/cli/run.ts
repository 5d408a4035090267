import { CHECK_USAGE, runCheck } from './check.js';
import { runCodes } from './codes.js';
import { runImpact } from './impact.js';
import { CliError, write, type CliIo } from './io.js';
import { runSchema } from './schema.js';
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

export type { CliIo } from './io.js';

export const USAGE = `proportionate ${version}: is a proposed community order with a DRR or ATR lawful and proportionate?

Usage: proportionate <command> [options]
  check FILE|-            report on one order (--json for the result object)
  check --ndjson FILE|-   a caseload, one order per line: one result line per input line
  impact --parameters FILE CASELOAD
                          which orders change status under changed parameters or rule packs
  codes                   list the finding codes
  schema                  print the JSON Schema of the input
  <command> --help        that command's options

Exit: 0 ok, 1 a breach or an invalid requirement, 2 bad input or usage, 3 an internal error.

${CHECK_USAGE}`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  check: runCheck,
  codes: runCodes,
  impact: runImpact,
  schema: runSchema,
};

/** The whole CLI as a function: argv without node and the script, streams injected; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
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
    await write(io.stderr, `proportionate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}
