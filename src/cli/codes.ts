import { parseArgs } from 'node:util';
import type { FindingKind } from '../index.js';
import { findingCodes, packs, type FindingCode } from '../rules.js';
import { paint } from './colour.js';
import { CliError, wantsColour, write, type CliIo } from './io.js';
import { citationText } from './report.js';

export const CODES_USAGE = `Usage: proportionate codes [--kind KIND] [--json]
  List every finding code the bundled rules can produce, with its kind, message and citations.
  --kind KIND            only codes of this kind: invalid, breach, tension or advisory
  --json                 print the catalogue as JSON (proportionate/rules findingCodes)`;

const KINDS: readonly FindingKind[] = ['invalid', 'breach', 'tension', 'advisory'];

/** The one stage a code arises at, where every rule for it requires that stage (`order.stage`) at the top of its conditions. */
function stageOnly(): ReadonlyMap<string, string> {
  const stages = new Map<string, Set<string>>();
  for (const pack of packs)
    for (const rule of pack.rules) {
      const all = (rule.conditions as { all?: readonly { fact?: string; operator?: string; value?: unknown }[] }).all ?? [];
      const pinned = all.find((c) => c.fact === 'order.stage' && c.operator === 'equal');
      const set = stages.get(rule.event.type) ?? new Set<string>();
      set.add(pinned ? String(pinned.value) : 'any');
      stages.set(rule.event.type, set);
    }
  return new Map([...stages].flatMap(([code, set]) => (set.size === 1 && !set.has('any') ? [[code, [...set][0]!] as const] : [])));
}

export function renderCodes(codes: readonly FindingCode[], colour = false): string {
  const p = paint(colour);
  const stages = stageOnly();
  return codes
    .map((c) => {
      const stage = stages.get(c.code);
      const lines = [`${p.bold(c.code)}  ${c.kind}  ${c.confidence}${stage ? `  ${stage} stage only` : ''}  (${c.file})`, `  ${c.message}`];
      c.citations.forEach((cite, i) => lines.push(p.dim(`  ${i === 0 ? 'Cites:' : '      '} ${citationText(cite)}`)));
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

export async function runCodes(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    await write(io.stdout, `${CODES_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new CliError(`codes takes no FILE\n${CODES_USAGE}`);
  if (values.kind !== undefined && !KINDS.includes(values.kind as FindingKind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}, not "${values.kind}"`);
  const codes = values.kind === undefined ? findingCodes : findingCodes.filter((c) => c.kind === values.kind);
  await write(io.stdout, values.json ? `${JSON.stringify(codes, null, 2)}\n` : renderCodes(codes, wantsColour(io.stdout, io.env)));
  return 0;
}
