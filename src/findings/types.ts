import type { FactValue } from '../facts/types.js';
import type { Confidence } from '../law/confidence.js';
import type { Regime } from '../law/regimes.js';
import type { FindingKind } from '../engine/pack.js';
import type { RequirementKind } from '../schema/requirements.js';

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
  /** No breach and every requirement valid. Tensions and advisories do not make an order not ok. */
  readonly ok: boolean;
  readonly regime: Regime;
  readonly requirements: readonly RequirementResult[];
  readonly breaches: readonly Finding[];
  readonly tensions: readonly Finding[];
  readonly advisories: readonly Finding[];
}
