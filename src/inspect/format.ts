import type { Rate } from './report.js';
import type { CaseRef } from './tally.js';

/** A share as people read it: whole per cent, one decimal under 10%. */
export function percent(rate: number | null): string {
  if (rate === null) return '–';
  const p = rate * 100;
  return `${p !== 0 && p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** "38% (12 of 32)", or a dash where nobody is counted. */
export const rateText = (r: Rate): string => (r.denominator === 0 ? '– (none counted)' : `${percent(r.rate)} (${r.numerator} of ${r.denominator})`);

export const caseLabel = (c: CaseRef): string => c.id ?? `line ${c.line}`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Median working days as text. */
export const medianText = (median: number | null, of: number): string => (median === null ? '–' : `${Number.isInteger(median) ? median : median.toFixed(1)} (of ${of})`);
