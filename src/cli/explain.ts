import type { LoadedPack } from '../engine/load.js';
import { explainCode, explainFindings } from '../engine/trace-words.js';
import type { ValidationResult } from '../index.js';
import { CliError } from './io.js';

export const EXPLAIN_FLAG_USAGE = `  --explain [CODE]       why CODE fired on each requirement (or the order), or why it did not, in plain
                         words; with no CODE, why each finding was raised (--explain=CODE also works)`;

/** What `--explain` asked for: every finding, or one code. */
export interface ExplainRequest {
  readonly code?: string;
}

/** A code as people may type it: letters, digits and underscores, never a path. */
const CODE_LIKE = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;

/**
 * Takes `--explain`, `--explain CODE` and `--explain=CODE` out of the arguments: node's parseArgs
 * cannot read an option whose value may be left out. The word after `--explain` is its CODE only
 * when it looks like one (no dot, slash or leading dash), so `--explain order.json` still reads
 * `order.json` as the FILE.
 */
export function takeExplain(argv: readonly string[]): { argv: string[]; explain?: ExplainRequest } {
  const rest: string[] = [];
  let explain: ExplainRequest | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--explain=')) {
      const code = arg.slice('--explain='.length);
      if (code === '') throw new CliError('--explain= needs a CODE, or give --explain alone to explain every finding');
      explain = { code };
      continue;
    }
    if (arg !== '--explain') {
      rest.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && CODE_LIKE.test(next)) {
      explain = { code: next };
      i++;
    } else explain = {};
  }
  return explain ? { argv: rest, explain } : { argv: rest };
}

/** Every code the packs as loaded can raise, with its pack: bundled and the caller's own (`--rules`). */
export function codesOf(packs: readonly LoadedPack[]): Map<string, { pack: LoadedPack; kind: string }> {
  const codes = new Map<string, { pack: LoadedPack; kind: string }>();
  for (const pack of packs) for (const rule of pack.rules) if (!codes.has(rule.event.type)) codes.set(rule.event.type, { pack, kind: rule.event.params.kind });
  return codes;
}

/** Edit distance (insertions, deletions, substitutions), for suggesting the code that was meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known codes nearest to `code`: those containing it (or contained in it) first, then those
 * sharing most of its words (DTTO_..., ..._TOO_LONG), then by edit distance.
 */
export function nearestCodes(code: string, known: Iterable<string>, count = 3): string[] {
  const wanted = code.toUpperCase();
  const words = new Set(wanted.split('_'));
  return [...known]
    .map((k) => ({ k, contains: k.includes(wanted) || wanted.includes(k), shared: k.split('_').filter((w) => words.has(w)).length, d: distance(wanted, k) }))
    .sort((x, y) => Number(y.contains) - Number(x.contains) || y.shared - x.shared || x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, count)
    .map((x) => x.k);
}

/** The code as the packs spell it; an unknown one is bad input (exit 2) with the nearest codes suggested. */
export function resolveCode(code: string, packs: readonly LoadedPack[]): string {
  const codes = codesOf(packs);
  if (codes.has(code)) return code;
  const upper = code.toUpperCase();
  if (codes.has(upper)) return upper;
  throw new CliError(`unknown code "${code}"; the nearest codes are ${nearestCodes(code, codes.keys()).join(', ')} (proportionate codes lists them all)`);
}

/** What `check --explain` prints: one code's runs, or every finding's reason. */
export function renderExplanation(result: ValidationResult, request: ExplainRequest, packs: readonly LoadedPack[]): string {
  if (request.code === undefined) {
    const explained = explainFindings(result);
    if (explained.length === 0) return 'Why: no rule fired, so there is no finding to explain (--explain CODE says why a code did not fire).\n';
    return `Why:\n${explained.map((e) => `  ${e.code} ${e.explanation}\n`).join('')}`;
  }
  const code = request.code;
  const home = codesOf(packs).get(code);
  const heading = `${code}${home ? ` (${home.kind}, ${home.pack.id})` : ''}`;
  const lines = explainCode(result, code);
  if (lines.length > 0) return `${heading}\n${lines.map((l) => `  ${l}\n`).join('')}`;
  return `${heading}\n  was not checked on this order: ${notRunReason(home?.pack)}\n`;
}

/** Why no rule with a code ran: its pack runs only on kinds of requirement the order does not have. */
function notRunReason(pack: LoadedPack | undefined): string {
  if (pack?.scope === 'requirement' && pack.kinds) return `its rules run only on ${pack.kinds.join(', ')} requirements, and this order has none`;
  if (pack?.scope === 'requirement') return 'its rules run on each requirement, and this order has none';
  return 'no rule with this code ran';
}
