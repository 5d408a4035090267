import type { LoadedPack } from '../../engine/load.js';
import type { RuleDefinition } from '../../engine/pack.js';
import type { Finding } from '../../findings/types.js';
import type { Requirement, RequirementKind } from '../../schema/requirements.js';
import type { CaseFacts } from '../case.js';
import { evaluate, type Known } from '../conditions.js';
import type { JsonPatch } from '../json-patch.js';

/** A remedy before verification. `patch` absent: advice that no edit of the order carries out. */
export interface Candidate {
  readonly description: string;
  readonly patch?: JsonPatch;
}

export interface FiredRule {
  readonly pack: LoadedPack;
  readonly rule: RuleDefinition;
}

export interface RemedyContext {
  /** The input exactly as the caller gave it: patches are written against it. */
  readonly input: unknown;
  readonly cf: CaseFacts;
  readonly packs: readonly LoadedPack[];
  readonly finding: Finding;
  /** The rules with the finding's code that hold for this case (and requirement), read from the packs now. */
  readonly fired: readonly FiredRule[];
  /** Every fact the finding's rules see. */
  readonly known: Known;
  /** The smallest lawful requirement of a kind for this case, if one can be built. */
  newRequirement(kind: RequirementKind): Requirement | undefined;
}

export type Generator = (ctx: RemedyContext) => Candidate[];

/** The rules that produced a finding: same code, same scope, and true on this case's facts. */
export function firedRules(packs: readonly LoadedPack[], finding: Finding, known: Known, kind: RequirementKind | undefined): FiredRule[] {
  const out: FiredRule[] = [];
  for (const pack of packs) {
    if ((finding.requirementIndex === undefined) !== (pack.scope === 'order')) continue;
    if (kind && pack.kinds && !pack.kinds.includes(kind)) continue;
    for (const rule of pack.rules) if (rule.event.type === finding.code && evaluate(rule.conditions, pack, known) === true) out.push({ pack, rule });
  }
  return out;
}

export const requirementPath = (finding: Finding): (string | number)[] => ['requirements', finding.requirementIndex!];

export const words = (fact: string): string =>
  fact
    .replace(/^(requirement|order|sso|param)\./, '')
    .replace(/([A-Z])/g, ' $1')
    .replace(/[.-]/g, ' ')
    .toLowerCase();
