import { parseArgs } from 'node:util';
import type { Finding, FindingKind, ValidationResult } from '../index.js';
import { paint } from './colour.js';
import { allFindings } from './findings.js';
import { CliError, wantsColour, write, type CliIo } from './io.js';
import { parseLine, recordForValue, validateFn, type LineRecord } from './lines.js';
import { linesOf, openCaseload } from './ndjson.js';
import { VALIDATOR_FLAGS, loadValidatorSpec, validatorFrom, type ValidatorSpec } from './options.js';
import { requirementLabel } from './report.js';
import { lawChange, renderImpactMarkdown, type MarkdownCase } from './impact-markdown.js';

export const IMPACT_USAGE = `Usage: proportionate impact --parameters FILE | --rules FILE ... [options] CASELOAD|-
  Re-validate a caseload (NDJSON, one order per line) under changed parameters or extra rule
  packs, and report each order whose status or findings change, and why, by code.
  --parameters FILE      JSON of dated parameter overrides: the change to weigh
  --rules FILE           an extra rule pack: the change to weigh (repeatable)
  --provision FILE       the area's provision, used before and after for orders that give none
  --evaluator NAME       compiled (default) or json-rules-engine
  --json                 NDJSON: one record per changed order, then a summary record
  --format FORMAT        text (default), json (as --json) or markdown (a report for a pull request)
Exit: 0 no order changes status, 1 some order changes status, 2 bad input.`;

export interface FindingChange {
  readonly code: string;
  readonly kind: FindingKind;
  readonly requirementIndex?: number;
  readonly message: string;
}

export interface OrderImpact {
  readonly line: number;
  readonly before: { readonly ok: boolean; readonly codes: readonly string[] };
  readonly after: { readonly ok: boolean; readonly codes: readonly string[] };
  readonly added: readonly FindingChange[];
  readonly removed: readonly FindingChange[];
}

export interface ImpactSummary {
  orders: number;
  bad: number;
  changedStatus: number;
  becameNotOk: number;
  becameOk: number;
  changedFindings: number;
  /** By code: its kind, how many orders gain it and how many lose it. */
  codes: Record<string, { kind: FindingKind; added: number; removed: number }>;
}

/** A finding's identity across two runs: the same code on the same requirement (or on the order). */
const keyOf = (f: Finding) => `${f.code}@${f.requirementIndex ?? 'order'}`;
const change = (f: Finding): FindingChange => ({ code: f.code, kind: f.kind, ...(f.requirementIndex === undefined ? {} : { requirementIndex: f.requirementIndex }), message: f.message });
const codesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.code))].sort();

/** How one order's outcome differs between the two laws, or undefined when nothing differs. */
export function compareResults(line: number, before: ValidationResult, after: ValidationResult): OrderImpact | undefined {
  const was = allFindings(before);
  const now = allFindings(after);
  const wasKeys = new Set(was.map(keyOf));
  const nowKeys = new Set(now.map(keyOf));
  const added = now.filter((f) => !wasKeys.has(keyOf(f))).map(change);
  const removed = was.filter((f) => !nowKeys.has(keyOf(f))).map(change);
  if (before.ok === after.ok && added.length === 0 && removed.length === 0) return undefined;
  return { line, before: { ok: before.ok, codes: codesOf(was) }, after: { ok: after.ok, codes: codesOf(now) }, added, removed };
}

export const emptySummary = (): ImpactSummary => ({ orders: 0, bad: 0, changedStatus: 0, becameNotOk: 0, becameOk: 0, changedFindings: 0, codes: {} });

export function countImpact(summary: ImpactSummary, impact: OrderImpact | undefined): void {
  summary.orders++;
  if (!impact) return;
  if (impact.before.ok !== impact.after.ok) {
    summary.changedStatus++;
    if (impact.after.ok) summary.becameOk++;
    else summary.becameNotOk++;
  }
  if (impact.added.length || impact.removed.length) summary.changedFindings++;
  // Counted once per order and code, like the caseload summary.
  for (const [list, field] of [
    [impact.added, 'added'],
    [impact.removed, 'removed'],
  ] as const) {
    for (const code of new Set(list.map((c) => c.code))) {
      const entry = (summary.codes[code] ??= { kind: list.find((c) => c.code === code)!.kind, added: 0, removed: 0 });
      entry[field]++;
    }
  }
}

const status = (ok: boolean) => (ok ? 'ok' : 'NOT OK');
const where = (c: FindingChange) => (c.requirementIndex === undefined ? 'order' : requirementLabel(c.requirementIndex));

export function renderImpact(impact: OrderImpact, colour = false): string {
  const p = paint(colour);
  const head =
    impact.before.ok === impact.after.ok
      ? `line ${impact.line}: findings change (still ${status(impact.after.ok)})`
      : `line ${impact.line}: ${status(impact.before.ok)} -> ${impact.after.ok ? p.green('ok') : p.red('NOT OK')}`;
  const lines = [head];
  for (const c of impact.added) lines.push(`  ${p.red('+')} ${c.code} (${c.kind}, ${where(c)}): ${c.message}`);
  for (const c of impact.removed) lines.push(`  ${p.green('-')} ${c.code} (${c.kind}, ${where(c)})`);
  return `${lines.join('\n')}\n`;
}

export function renderImpactSummary(s: ImpactSummary): string {
  const lines = [
    `impact: ${s.orders} orders, ${s.changedStatus} change status (${s.becameNotOk} ok -> not ok, ${s.becameOk} not ok -> ok), ${s.changedFindings} with different findings, ${s.bad} bad input`,
  ];
  const codes = Object.entries(s.codes).sort(([a], [b]) => (a < b ? -1 : 1));
  if (codes.length) {
    const width = Math.max(...codes.map(([code]) => code.length));
    lines.push('Orders gaining (+) and losing (-) each code:');
    for (const [code, { kind, added, removed }] of codes) lines.push(`  ${code.padEnd(width)}  ${kind.padEnd(8)}  +${added}  -${removed}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runImpact(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...VALIDATOR_FLAGS },
  });
  if (values.help) {
    await write(io.stdout, `${IMPACT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`impact takes one CASELOAD file (or - for standard input)\n${IMPACT_USAGE}`);
  if (values.parameters === undefined && !values.rules?.length) throw new CliError('impact needs the change to weigh: --parameters FILE and/or --rules FILE');
  const changedSpec = await loadValidatorSpec(values, io);
  // The baseline is the bundled law with everything but the change: same provision, same evaluator.
  const { parameters: _p, rules: _r, ...baseSpec } = changedSpec satisfies ValidatorSpec;
  if (values.format !== undefined && !['text', 'json', 'markdown'].includes(values.format)) throw new CliError(`--format must be text, json or markdown, not "${values.format}"`);
  if (values.json && values.format !== undefined && values.format !== 'json') throw new CliError(`--json and --format ${values.format} ask for two formats: give one`);
  if (values.format === 'json') values.json = true;
  const markdown: MarkdownCase[] | undefined = values.format === 'markdown' && !values.json ? [] : undefined;
  const [validatorBefore, validatorAfter] = [validatorFrom(baseSpec), validatorFrom(changedSpec)];
  const validateBefore = validateFn(validatorBefore, baseSpec.evaluator);
  const validateAfter = validateFn(validatorAfter, changedSpec.evaluator);
  const colour = !values.json && wantsColour(io.stdout, io.env);

  const input = await openCaseload(positionals[0]!, io);
  const summary = emptySummary();
  const reportBad = async (record: Extract<LineRecord, { error: unknown }>) => {
    summary.orders++;
    summary.bad++;
    if (values.json) await write(io.stdout, `${JSON.stringify(record)}\n`);
    else await write(io.stderr, `line ${record.line}: bad input: ${record.error.message}\n`);
  };
  let line = 0;
  for await (const text of linesOf(input.stream)) {
    line++;
    const parsed = parseLine(text);
    if ('error' in parsed) {
      await reportBad({ line, error: { message: parsed.error } });
      continue;
    }
    const before = await recordForValue(validateBefore, parsed.value, line);
    if ('error' in before) {
      await reportBad(before);
      continue;
    }
    // The schema does not change with the law: an order that parsed before parses after.
    const after = await recordForValue(validateAfter, parsed.value, line);
    if ('error' in after) throw new Error(`line ${line} validated under the bundled law but not under the change`);
    const impact = compareResults(line, before.result, after.result);
    countImpact(summary, impact);
    const id = (parsed.value as { id?: unknown }).id;
    if (impact && markdown) markdown.push({ impact, ...(typeof id === 'string' ? { id } : {}) });
    else if (impact) await write(io.stdout, values.json ? `${JSON.stringify(impact)}\n` : renderImpact(impact, colour));
  }
  if (markdown) await write(io.stdout, `${renderImpactMarkdown(summary, markdown, lawChange(validatorBefore, validatorAfter))}\n`);
  if (values.json) await write(io.stdout, `${JSON.stringify({ summary })}\n`);
  else if (!markdown) await write(io.stdout, `${renderImpactSummary(summary)}`);
  return summary.bad > 0 ? 2 : summary.changedStatus > 0 ? 1 : 0;
}
