import type { Finding, InputIssue, ValidationResult } from '../index.js';
import { compareFindings } from '../findings/order.js';
import { allFindings } from './findings.js';

/** The answer to one caseload line: the library's result, or why the line is not an order. `id` is the line's case reference, where it has one. */
export type LineRecord =
  | { readonly line: number; readonly id?: string; readonly result: ValidationResult }
  | { readonly line: number; readonly id?: string; readonly error: { readonly message: string; readonly issues?: readonly InputIssue[] } };

export type RecordFormat = 'full' | 'compact';

/**
 * A requirement in a batch record: its findings are named by code only, in the result's order; the
 * findings themselves are in the result's four kind lists, each once, with `requirementIndex`.
 */
export interface BatchRequirement {
  readonly index: number;
  readonly kind: string;
  readonly valid: boolean;
  readonly codes: readonly string[];
}

/**
 * The result as a batch record writes it: every finding once. A ValidationResult lists a
 * requirement's breaches, tensions and advisories both under the requirement and in their kind's
 * list (its invalid findings only under the requirement), so a caseload line used to carry most
 * findings twice. Here the requirements carry codes only, and a fourth list, `invalid`, holds what
 * only the requirements held. Every other field of the result is kept as it is, in its place.
 */
export type BatchResult = Omit<ValidationResult, 'requirements'> & {
  readonly requirements: readonly BatchRequirement[];
  readonly invalid: readonly Finding[];
};

export function batchResult(result: ValidationResult): BatchResult {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (key !== 'requirements') {
      out[key] = value;
      continue;
    }
    out.requirements = result.requirements.map(({ findings, ...requirement }) => ({ ...requirement, codes: findings.map((f) => f.code) }));
    out.invalid = result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'));
  }
  return out as BatchResult;
}

/** Every code a result has, once each, in the contract's order (kind, then requirement, then code). */
export function codesOf(result: ValidationResult): string[] {
  return [...new Set(allFindings(result).sort(compareFindings).map((f) => f.code))];
}

/** The record's JSON text, without a line end. Compact records always carry `id` (null when the line has none), so every record has the same fields. */
export function recordText(record: LineRecord, format: RecordFormat): string {
  const id = record.id === undefined ? {} : { id: record.id };
  if (format === 'compact') {
    const base = { line: record.line, id: record.id ?? null };
    return JSON.stringify('result' in record ? { ...base, ok: record.result.ok, codes: codesOf(record.result) } : { ...base, error: { message: record.error.message } });
  }
  return JSON.stringify('result' in record ? { line: record.line, ...id, result: batchResult(record.result) } : { line: record.line, ...id, error: record.error });
}
