import { parseArgs } from 'node:util';
import type { Envelope, EnvelopeLimit, KindEnvelope } from '../advice/index.js';
import { InvalidOrderError } from '../errors.js';
import { paint, type Paint } from './colour.js';
import { CliError, parseJson, readText, wantsColour, write, type CliIo } from './io.js';
import { VALIDATOR_FLAGS, loadValidatorSpec, validatorFrom } from './options.js';
import { citationText, renderIssues } from './report.js';

export const OPTIONS_USAGE = `Usage: proportionate options [options] FILE|-
  What the law in force allows for a case (offender, offences, dates, sentence; requirements optional):
  for each requirement kind, whether it is available, the lawful range of each quantity with the
  parameter and citation it comes from, conditions still needing evidence, and tensions a choice carries.
  --json                 print the envelope as JSON instead
  --parameters FILE      JSON of dated parameter overrides
  --rules FILE           an extra rule pack (repeatable)
  --provision FILE       the area's provision, used when the case gives none
  --stage STAGE          proposal (default) or sentence
Exit: 0 the envelope was printed, 2 bad input.`;

const limitText = (l: EnvelopeLimit): string =>
  `${typeof l.inputValue === 'string' ? l.inputValue : l.value} (${l.code}; ${l.parameter ? `parameter ${l.parameter}` : l.fact === 'constant' ? 'fixed in the rule' : l.fact}${l.confidence && l.confidence !== 'verified' ? `, ${l.confidence}` : ''}${l.citations[0] ? `; ${citationText(l.citations[0])}` : ''})`;

function kindBlock(k: KindEnvelope, p: Paint): string[] {
  if (!k.available) return [`  ${p.dim(`${k.kind}: not available under the law for this case (parameter ${k.availability.parameter})`)}`];
  const lines = [`  ${p.bold(k.kind)}: available`];
  for (const q of k.quantities) {
    const range = [q.min ? `at least ${limitText(q.min)}` : '', q.max ? `at most ${limitText(q.max)}` : ''].filter(Boolean).join('; ');
    if (range) lines.push(`    ${q.field}: ${range}`);
    for (const g of q.guidance) lines.push(`    ${q.field}: ${p.yellow('guidance')} ${g.direction === 'max' ? 'at most' : 'at least'} ${limitText(g)}`);
    for (const c of q.conditional) lines.push(`    ${q.field}: ${c.direction === 'max' ? 'at most' : 'at least'} ${limitText(c)}, depending on ${c.dependsOn.join(', ') || 'other choices'}`);
  }
  if (k.intensities) lines.push(`    intensity: ${k.intensities.map((i) => `${i.intensity} ${i.lawful ? p.green('lawful') : p.red('not lawful')}${i.findings.length ? ` (${i.findings.map((f) => f.code).join(', ')})` : ''}`).join('; ')}`);
  for (const c of k.conditions.filter((c) => c.status !== 'met'))
    lines.push(`    ${c.status === 'unmet' ? p.red('unmet') : c.status === 'needs-evidence' ? p.yellow('needs evidence') : 'to settle'}: ${c.code} (reads ${c.reads.join(', ')})`);
  for (const t of k.tensions) lines.push(`    ${p.yellow('tension')} ${t.code}${t.when === 'always' ? ' (whatever is chosen)' : ` (depends on ${t.dependsOn.join(', ')})`}`);
  return lines;
}

export function renderEnvelope(envelope: Envelope, options: { colour?: boolean } = {}): string {
  const p = paint(options.colour ?? false);
  const lines = [
    `${p.bold('Envelope')}: ${envelope.orderType}, ${envelope.band} seriousness, ${envelope.orderLengthMonths} months`,
    `Law: ${envelope.regime.title} [${envelope.regime.id}]`,
    '',
    p.bold('The order'),
    ...(envelope.order.length ? envelope.order.map((o) => `  ${o.field}: ${o.direction === 'max' ? 'at most' : 'at least'} ${limitText(o.limit)}${o.current !== null && o.current !== undefined ? `; now ${String(o.current)}` : ''}`) : ['  no limits apply']),
    '',
    p.bold('Requirements'),
  ];
  for (const k of envelope.kinds.filter((k) => k.available)) lines.push(...kindBlock(k, p));
  for (const k of envelope.kinds.filter((k) => !k.available)) lines.push(...kindBlock(k, p));
  return `${lines.join('\n')}\n`;
}

export async function runOptions(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...VALIDATOR_FLAGS } });
  if (values.help) {
    await write(io.stdout, `${OPTIONS_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`options takes one FILE (or - for standard input)\n${OPTIONS_USAGE}`);
  const file = positionals[0]!;
  const validator = validatorFrom(await loadValidatorSpec(values, io));
  const name = file === '-' ? 'standard input' : file;
  const input = parseJson(await readText(file, io), name);
  let envelope: Envelope;
  try {
    envelope = validator.options(input);
  } catch (error) {
    if (!(error instanceof InvalidOrderError)) throw error;
    await write(io.stderr, `${name} is not a valid case:\n${renderIssues(error.issues)}`);
    return 2;
  }
  await write(io.stdout, values.json ? `${JSON.stringify(envelope, null, 2)}\n` : renderEnvelope(envelope, { colour: wantsColour(io.stdout, io.env) }));
  return 0;
}
