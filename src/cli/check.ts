import { parseArgs } from 'node:util';
import { CliError, parseJson, readText, wantsColour, write, type CliIo } from './io.js';
import { runNdjson } from './ndjson.js';
import { VALIDATOR_FLAGS, loadValidatorSpec, validatorFrom } from './options.js';
import { renderIssues, renderReport } from './report.js';

export const CHECK_USAGE = `Usage: proportionate check [options] FILE|-
  Check one proposed order (JSON) and print a report.
  --json                 print the result object as JSON instead
  --ndjson               FILE is a caseload, one order per line: print one result line per input line
  --workers N            with --ndjson, spread the work over N worker threads
  --parameters FILE      JSON of dated parameter overrides (createValidator's parameters option)
  --rules FILE           an extra rule pack (repeatable)
  --provision FILE       the area's provision, used when an order gives none
  --evaluator NAME       compiled (default) or json-rules-engine
Exit: 0 ok, 1 a breach or an invalid requirement, 2 bad input.`;

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, ndjson: { type: 'boolean' }, workers: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...VALIDATOR_FLAGS },
  });
  if (values.help) {
    await write(io.stdout, `${CHECK_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`check takes one FILE (or - for standard input)\n${CHECK_USAGE}`);
  const file = positionals[0]!;
  if (values.workers !== undefined && !values.ndjson) throw new CliError('--workers only applies with --ndjson');
  const spec = await loadValidatorSpec(values, io);
  if (values.ndjson) return runNdjson({ file, spec, workers: parseWorkers(values.workers) }, io);

  const validator = validatorFrom(spec);
  const input = parseJson(await readText(file, io), file === '-' ? 'standard input' : file);
  const outcome = await validator.safeValidate(input);
  if (!outcome.success) {
    await write(io.stderr, `${file === '-' ? 'standard input' : file} is not a valid proposed order:\n${renderIssues(outcome.error.issues)}`);
    if (values.json) await write(io.stdout, `${JSON.stringify({ error: { message: outcome.error.message, issues: outcome.error.issues } }, null, 2)}\n`);
    return 2;
  }
  const { result } = outcome;
  await write(io.stdout, values.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result, { colour: wantsColour(io.stdout, io.env) }));
  return result.ok ? 0 : 1;
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers must be a whole number from 1 to 64, not "${value}"`);
  return n;
}
