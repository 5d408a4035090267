import type { Finding, FindingKind, ValidationResult } from '../index.js';

/** Counts over a caseload. Plain data, so worker threads send theirs to be merged. */
export interface Tally {
  lines: number;
  ok: number;
  notOk: number;
  /** Lines that were not a valid proposed order (bad JSON, schema issues, a line past the size limit). */
  bad: number;
  /** Lines of nothing but whitespace: skipped, not answered, and no fault. */
  blank: number;
  /** By code: its kind and how many orders have it at least once. */
  codes: Record<string, { kind: FindingKind; orders: number }>;
}

export const emptyTally = (): Tally => ({ lines: 0, ok: 0, notOk: 0, bad: 0, blank: 0, codes: {} });

export function countResult(tally: Tally, result: ValidationResult): void {
  tally.lines++;
  if (result.ok) tally.ok++;
  else tally.notOk++;
  // Once a line for every line of a caseload: the findings are walked where they lie (as allFindings
  // would list them) rather than copied into a list, and an order has too few codes for a Set to pay.
  const seen: string[] = [];
  const count = (f: Finding) => {
    if (seen.includes(f.code)) return;
    seen.push(f.code);
    const entry = (tally.codes[f.code] ??= { kind: f.kind, orders: 0 });
    entry.orders++;
  };
  for (const r of result.requirements) for (const f of r.findings) count(f);
  for (const list of [result.breaches, result.tensions, result.advisories]) for (const f of list) if (f.requirementIndex === undefined) count(f);
}

export function countBad(tally: Tally): void {
  tally.lines++;
  tally.bad++;
}

export function countBlank(tally: Tally): void {
  tally.lines++;
  tally.blank++;
}

export function mergeTally(into: Tally, from: Tally): void {
  into.lines += from.lines;
  into.ok += from.ok;
  into.notOk += from.notOk;
  into.bad += from.bad;
  into.blank += from.blank;
  for (const [code, { kind, orders }] of Object.entries(from.codes)) {
    const entry = (into.codes[code] ??= { kind, orders: 0 });
    entry.orders += orders;
  }
}

const KIND_ORDER: Record<FindingKind, number> = { invalid: 0, breach: 1, tension: 2, advisory: 3 };

/** The caseload summary for stderr: totals, rate, then each code with the number of orders that have it. */
export function renderTally(tally: Tally, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(tally.lines / seconds) : tally.lines;
  const lines = [
    `${tally.lines} lines in ${seconds.toFixed(1)} s (${rate} lines/s): ${tally.ok} ok, ${tally.notOk} not ok, ${tally.bad} bad input${tally.blank ? `, ${tally.blank} blank skipped` : ''}`,
  ];
  const codes = Object.entries(tally.codes).sort(([a, x], [b, y]) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (a < b ? -1 : 1));
  if (codes.length) {
    const width = Math.max(...codes.map(([code]) => code.length));
    lines.push('Orders by finding code:');
    for (const [code, { kind, orders }] of codes) lines.push(`  ${code.padEnd(width)}  ${kind.padEnd(8)}  ${orders}`);
  }
  return `${lines.join('\n')}\n`;
}

/** 2 when any line was bad input, else 1 when any order has a breach or an invalid requirement, else 0. */
export const tallyExitCode = (tally: Tally): number => (tally.bad > 0 ? 2 : tally.notOk > 0 ? 1 : 0);
