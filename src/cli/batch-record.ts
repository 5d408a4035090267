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
    out.invalid = invalidFindings(result.requirements);
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
  if (!('result' in record)) return JSON.stringify({ line: record.line, ...id, error: record.error });
  return `{"line":${JSON.stringify(record.line)}${record.id === undefined ? '' : `,"id":${JSON.stringify(record.id)}`},"result":${batchResultJson(record.result)}}`;
}

/*
 * The full record is most of a caseload's output and most of the batch path's cost after
 * validation, so it is written here as text: what JSON.stringify(batchResult(result)) writes, byte
 * for byte (test/cli/batch-record-text.test.ts holds the two together), without building the batch
 * result first. A finding's citations are the rule's own deeply frozen list, shared by every
 * finding of that rule, so each list is serialised once and its text reused.
 */

const quotedKeys = new Map<string, string>();
const quotedKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) quotedKeys.set(key, (quoted = JSON.stringify(key)));
  return quoted;
};

/*
 * A finding's code, kind and confidence, and a requirement's codes, come from a few dozen strings
 * (the rules' codes and the contract's words), written on every line: their JSON text is looked up
 * rather than made again. Capped, since a server writes results it did not make, whose strings
 * could be anything.
 */
const quotedWords = new Map<string, string>();
const QUOTED_WORDS_MAX = 1024;
const quotedWord = (word: string): string => {
  let quoted = quotedWords.get(word);
  if (quoted === undefined) {
    quoted = JSON.stringify(word);
    if (quotedWords.size < QUOTED_WORDS_MAX) quotedWords.set(word, quoted);
  }
  return quoted;
};

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** An object's members as JSON.stringify writes them (undefined and functions left out), each value written by `member`. */
function objectJson(value: object, member: (key: string, v: unknown) => string | undefined): string {
  let out = '';
  for (const key of Object.keys(value)) {
    const text = member(key, (value as Record<string, unknown>)[key]);
    if (text === undefined) continue;
    out += `${out ? ',' : ''}${quotedKey(key)}:${text}`;
  }
  return `{${out}}`;
}

/** Only a list nobody can change may be written from a cache: frozen, and everything in it frozen or a primitive. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  for (const key of Object.keys(value)) if (!deeplyFrozen((value as Record<string, unknown>)[key])) return false;
  return true;
}

const citationsText = new WeakMap<object, string>();
function citationsJson(citations: unknown): string | undefined {
  if (citations === null || typeof citations !== 'object') return JSON.stringify(citations);
  const cached = citationsText.get(citations);
  if (cached !== undefined) return cached;
  const text = JSON.stringify(citations);
  if (text !== undefined && deeplyFrozen(citations)) citationsText.set(citations, text);
  return text;
}

const isWordKey = (key: string): boolean => key === 'code' || key === 'kind' || key === 'confidence';

/** objectJson for a finding, written out: the batch path's most frequent object. */
function findingJson(finding: unknown): string {
  if (finding === null || typeof finding !== 'object' || Array.isArray(finding) || hasToJson(finding)) return JSON.stringify(finding) ?? 'null';
  let out = '';
  for (const key of Object.keys(finding)) {
    const value = (finding as Record<string, unknown>)[key];
    const text = key === 'citations' ? citationsJson(value) : typeof value === 'string' && isWordKey(key) ? quotedWord(value) : JSON.stringify(value);
    if (text === undefined) continue;
    out += `${out ? ',' : '{'}${quotedKey(key)}:${text}`;
  }
  return out ? `${out}}` : '{}';
}

function findingsJson(findings: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < findings.length; i++) out += `${i ? ',' : ''}${findingJson(findings[i])}`;
  return `[${out}]`;
}

const isFindingList = (value: unknown): value is readonly unknown[] => Array.isArray(value) && !hasToJson(value);

function batchResultJson(result: ValidationResult): string {
  if (hasToJson(result) || !Array.isArray(result.requirements)) return JSON.stringify(batchResult(result));
  return objectJson(result, (key, value) => {
    if (key === 'requirements') return `${requirementsJson(result.requirements)},"invalid":${findingsJson(invalidFindings(result.requirements))}`;
    if ((key === 'breaches' || key === 'tensions' || key === 'advisories') && isFindingList(value)) return findingsJson(value);
    return JSON.stringify(value);
  });
}

function requirementsJson(requirements: ValidationResult['requirements']): string {
  let out = '';
  for (let i = 0; i < requirements.length; i++) {
    const requirement = requirements[i]!;
    const members = objectJson(requirement, (key, value) => (key === 'findings' ? undefined : JSON.stringify(value)));
    let codes = '';
    for (const f of requirement.findings) codes += `${codes ? ',' : ''}${typeof f.code === 'string' ? quotedWord(f.code) : (JSON.stringify(f.code) ?? 'null')}`;
    out += `${i ? ',' : ''}${members.length > 2 ? `${members.slice(0, -1)},` : '{'}"codes":[${codes}]}`;
  }
  return `[${out}]`;
}

/** What only the requirements list: their invalid findings, in the result's order. */
function invalidFindings(requirements: ValidationResult['requirements']): Finding[] {
  const invalid: Finding[] = [];
  for (const r of requirements) for (const f of r.findings) if (f.kind === 'invalid') invalid.push(f);
  return invalid;
}
