import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { caseFactsReader } from '../inspect/case-facts.js';
import { DEFAULT_GROUP_BY, Inspector } from '../inspect/inspector.js';
import type { InspectionReport } from '../inspect/report.js';
import { renderMarkdown } from '../inspect/render-markdown.js';
import { CliError, parseMaxOrderBytes, resolvePath, write, type CliIo } from './io.js';
import { readLines } from './line-reader.js';
import { parseLine, validateFn } from './lines.js';
import { openCaseload } from './ndjson.js';
import { VALIDATOR_FLAGS, loadValidatorSpec, validatorFrom } from './options.js';
import { ProgressBar } from './progress.js';
import type { Stage } from '../facts/order.js';

export const INSPECT_USAGE = `Usage: proportionate inspect [options] CASELOAD|-
  Inspect a caseload (NDJSON, one order in progress per line, with events and asOf) as the 2006
  inspection 'Half Full and Half Empty' did: its measures, national standard compliance per
  timescale, findings by code and the most serious orders, by area and overall.
  --by FIELD             group by this fact or field of the order (default ${DEFAULT_GROUP_BY})
  --format FORMAT        markdown (default), html (one self-contained file with charts) or json
  --out FILE             write the report to FILE instead of standard output
  --parameters FILE      JSON of dated parameter overrides (e.g. assessment.oasysDrugThreshold)
  --rules FILE           an extra rule pack (repeatable)
  --provision FILE       the area's provision, used for orders that give none
  --evaluator NAME       compiled (default) or json-rules-engine
  --stage STAGE          proposal (default) or sentence
  --max-order-bytes N    the most one caseload line may take (default 1 MiB)
Progress goes to standard error when it is a terminal; a summary line always does.
Exit: 0 report written, 2 bad input (the report is still written and counts the bad lines) or usage.`;

const FORMATS = ['markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

async function render(report: InspectionReport, format: Format): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(report);
  // Loaded only here: the HTML renderer pulls in vega and vega-lite.
  const { renderHtml } = await import('../inspect/render-html.js');
  return renderHtml(report);
}

export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { by: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'max-order-bytes': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...VALIDATOR_FLAGS },
  });
  if (values.help) {
    await write(io.stdout, `${INSPECT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`inspect takes one CASELOAD file (or - for standard input)\n${INSPECT_USAGE}`);
  const format = (values.format ?? 'markdown') as Format;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (values.by !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(values.by)) throw new CliError(`--by must be a fact name or a dotted field path such as provision.area, not "${values.by}"`);
  const maxOrderBytes = parseMaxOrderBytes(values['max-order-bytes']);
  const spec = await loadValidatorSpec(values, io);
  const validator = validatorFrom(spec);
  const inspector = new Inspector({
    validate: validateFn(validator, spec.evaluator),
    caseFacts: caseFactsReader({ parameters: validator.parameters, provision: spec.provision, ...(spec.stage === undefined ? {} : { stage: spec.stage as Stage }) }),
    ...(values.by === undefined ? {} : { by: values.by }),
  });
  const file = positionals[0]!;
  const now = io.now ?? (() => performance.now());
  const started = now();
  const input = await openCaseload(file, io);
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, now, started) : undefined;
  let lines = 0;
  try {
    for await (const batch of readLines(input.stream, maxOrderBytes)) {
      for (const l of batch) {
        lines++;
        if ('blank' in l) inspector.addBlank();
        else if ('tooLong' in l) inspector.addBad(l.line);
        else {
          const parsed = parseLine(l.text);
          if ('error' in parsed) inspector.addBad(l.line);
          else await inspector.add(l.line, parsed.value);
        }
      }
      progress?.update({ lines, ...(input.bytes ? { bytes: input.bytes() } : {}) });
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code !== undefined) throw new CliError(`cannot read the caseload: ${(error as Error).message}`);
    throw error;
  } finally {
    progress?.clear();
  }
  const report = inspector.report(file === '-' ? 'standard input' : file);
  const text = await render(report, format);
  if (values.out !== undefined) {
    try {
      await writeFile(resolvePath(values.out, io), text);
    } catch (error) {
      throw new CliError(`cannot write ${values.out}: ${(error as Error).message}`);
    }
  } else await write(io.stdout, text);
  const seconds = (now() - started) / 1000;
  const c = report.caseload;
  await write(
    io.stderr,
    `inspect: ${lines} lines in ${seconds.toFixed(1)} s: ${c.orders} orders in ${c.groups.length} groups by ${c.groupedBy}, ${c.badInput} bad input${c.blankLines ? `, ${c.blankLines} blank skipped` : ''}${values.out !== undefined ? `; ${format} report written to ${values.out}` : ''}\n`,
  );
  return c.badInput > 0 ? 2 : 0;
}
