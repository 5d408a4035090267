import { parseArgs } from 'node:util';
import { CliError, parseJson, parseMaxOrderBytes, readText, wantsColour, write, type CliIo } from './io.js';
import { EXPLAIN_FLAG_USAGE, renderExplanation, resolveCode, takeExplain } from './explain.js';
import { runNdjson } from './ndjson.js';
import { VALIDATOR_FLAGS, loadValidatorSpec, validatorFrom } from './options.js';
import { renderIssues, renderReport } from './report.js';

export const CHECK_USAGE = `Usage: proportionate check [options] FILE|-
  Check one proposed order (JSON) and print a report.
  --json                 print the result object as JSON instead
  --remedies             under each invalid or breach finding (and a tension that has one), verified
                         edits (JSON Patch) that would cure it, or what no edit can supply
  --ndjson               FILE is a caseload, one order per line: print one result line per input line
  --workers N            with --ndjson, spread the work over N worker threads
  --compact              with --ndjson, write {line, id, ok, codes} records instead of whole results
  --max-order-bytes N    the most one order may take: the whole FILE, or one caseload line (default 1 MiB)
  --parameters FILE      JSON of dated parameter overrides (createValidator's parameters option)
  --rules FILE           an extra rule pack (repeatable)
  --provision FILE       the area's provision, used when an order gives none
  --evaluator NAME       compiled (default) or json-rules-engine
  --stage STAGE          proposal (default: a PSR being drafted, unfilled details are advisories)
                         or sentence (the order about to be made: they make the requirement invalid)
${EXPLAIN_FLAG_USAGE}
Exit: 0 ok, 1 a breach or an invalid requirement, 2 bad input, 3 an internal error.`;

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const { argv: args, explain } = takeExplain(argv);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, ndjson: { type: 'boolean' }, workers: { type: 'string' }, compact: { type: 'boolean' }, remedies: { type: 'boolean' }, 'max-order-bytes': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...VALIDATOR_FLAGS },
  });
  if (values.help) {
    await write(io.stdout, `${CHECK_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`check takes one FILE (or - for standard input)\n${CHECK_USAGE}`);
  const file = positionals[0]!;
  if (values.workers !== undefined && !values.ndjson) throw new CliError('--workers only applies with --ndjson');
  if (values.compact && !values.ndjson) throw new CliError('--compact only applies with --ndjson');
  if (values.remedies && values.ndjson) throw new CliError('--remedies is for one order; it does not apply with --ndjson');
  if (explain && values.ndjson) throw new CliError('--explain explains one order; it does not apply with --ndjson');
  const maxOrderBytes = parseMaxOrderBytes(values['max-order-bytes']);
  const spec = await loadValidatorSpec(values, io);
  if (values.ndjson)
    return runNdjson({ file, spec, workers: parseWorkers(values.workers), records: { format: values.compact ? 'compact' : 'full', maxOrderBytes } }, io);

  const validator = validatorFrom(spec);
  // An unknown code is refused before the order is read: nothing about the order could make it known.
  const explainRequest = explain && (explain.code === undefined ? explain : { code: resolveCode(explain.code, validator.packs) });
  const input = parseJson(await readText(file, io, 'input', { maxBytes: maxOrderBytes, hint: 'the most one order may take (--max-order-bytes raises it)' }), file === '-' ? 'standard input' : file);
  const callOptions = explainRequest || values.remedies ? { ...(explainRequest ? { explain: true } : {}), ...(values.remedies ? { remedies: true } : {}) } : undefined;
  const outcome = await validator.safeValidate(input, callOptions);
  if (!outcome.success) {
    await write(io.stderr, `${file === '-' ? 'standard input' : file} is not a valid proposed order:\n${renderIssues(outcome.error.issues)}`);
    if (values.json) await write(io.stdout, `${JSON.stringify({ error: { message: outcome.error.message, issues: outcome.error.issues } }, null, 2)}\n`);
    return 2;
  }
  const { result } = outcome;
  if (explainRequest && !values.json) {
    // One code asked about: answer that alone. Every finding: the report, then why each was raised.
    const why = renderExplanation(result, explainRequest, validator.packs);
    await write(io.stdout, explainRequest.code === undefined ? `${renderReport(result, { colour: wantsColour(io.stdout, io.env) })}\n${why}` : why);
    return result.ok ? 0 : 1;
  }
  await write(io.stdout, values.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result, { colour: wantsColour(io.stdout, io.env) }));
  return result.ok ? 0 : 1;
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers must be a whole number from 1 to 64, not "${value}"`);
  return n;
}
