import type { FactValue } from '../facts/types.js';
import type { Confidence } from '../law/confidence.js';
import type { Regime } from '../law/regimes.js';
import type { FindingKind } from '../engine/pack.js';
import type { RuleTrace } from '../engine/trace.js';
import type { RequirementKind } from '../schema/requirements.js';
import type { JsonPatch } from '../advice/json-patch.js';

export interface FindingCitation {
  readonly source: string;
  readonly provision: string;
  readonly url?: string;
}

/** One thing the rules found, with the facts that triggered it and the law behind it. */
export interface Finding {
  readonly code: string;
  readonly kind: FindingKind;
  readonly requirementIndex?: number;
  readonly message: string;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly citations: readonly FindingCitation[];
  readonly confidence: Confidence;
  /** With `validate(input, { remedies: true })`: verified edits (RFC 6902 patches against the input as given) or advice that would cure this finding. */
  readonly remedies?: readonly Remedy[];
}

/** What would cure a finding: a verified JSON Patch against the input, or (no patch) what no edit of the order can supply. */
export interface Remedy {
  readonly description: string;
  readonly patch?: JsonPatch;
}

export interface RequirementResult {
  readonly index: number;
  readonly kind: RequirementKind;
  /** False when any finding of kind `invalid` is on this requirement. */
  readonly valid: boolean;
  /** Every finding about this requirement, whatever its kind. */
  readonly findings: readonly Finding[];
}

export interface ValidationResult {
  /** The order's `id` (the caller's case reference), echoed when given. */
  readonly id?: string;
  /** No breach and every requirement valid. Tensions and advisories do not make an order not ok. */
  readonly ok: boolean;
  readonly regime: Regime;
  readonly requirements: readonly RequirementResult[];
  readonly breaches: readonly Finding[];
  readonly tensions: readonly Finding[];
  readonly advisories: readonly Finding[];
  /** With `validate(input, { explain: true })` only: every rule run, whether it fired and why (docs/explain.md). */
  readonly trace?: readonly RuleTrace[];
}
