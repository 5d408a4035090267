import { parseArgs } from 'node:util';
import { CaseFileError, failureLine, loadCases, runCases, summaryLine } from '../cases/index.js';
import { CliError, write, type CliIo } from './io.js';

export const TEST_USAGE = `Usage: proportionate test [options] PATH...
  Run case files (YAML or JSON; one case or a list; folders are searched for .yaml, .yml and
  .json files, skipping names that start with "_"). Prints one line per failing case with what
  differed, then "N passed, M failed".
  --evaluator NAME       run every case with compiled or json-rules-engine
  --verbose              also print a line for each passing case
Exit: 0 every case passed, 1 a case failed, 2 a malformed case file or a usage error.`;

const EVALUATORS = ['compiled', 'json-rules-engine'] as const;

export async function runTest(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { evaluator: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    await write(io.stdout, `${TEST_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`test needs at least one case file or folder\n${TEST_USAGE}`);
  const evaluator = values.evaluator;
  if (evaluator !== undefined && !(EVALUATORS as readonly string[]).includes(evaluator))
    throw new CliError(`--evaluator must be one of ${EVALUATORS.join(', ')}, not "${evaluator}"`);
  let outcomes;
  try {
    const cases = loadCases(positionals, { cwd: io.cwd });
    if (cases.length === 0) throw new CliError(`no case files in ${positionals.join(', ')}`);
    outcomes = await runCases(cases, evaluator === undefined ? {} : { evaluator: evaluator as (typeof EVALUATORS)[number] });
  } catch (error) {
    if (error instanceof CaseFileError) throw new CliError(`malformed case file: ${error.message}`);
    throw error;
  }
  for (const o of outcomes) {
    if (!o.passed) await write(io.stdout, `${failureLine(o)}\n`);
    else if (values.verbose) await write(io.stdout, `ok   ${o.case.file}: ${o.case.name}\n`);
  }
  await write(io.stdout, `${summaryLine(outcomes)}\n`);
  return outcomes.every((o) => o.passed) ? 0 : 1;
}
