import type { LoadedPack } from '../engine/load.js';
import type { Finding, Remedy, ValidationResult } from '../findings/types.js';
import type { RequirementKind } from '../schema/requirements.js';
import type { CaseFacts } from './case.js';
import { kindEnvelope, smallestLawful } from './envelope.js';
import { applyPatch, JsonPatchError } from './json-patch.js';
import { GENERATORS, type Candidate } from './remedies/index.js';
import { firedRules } from './remedies/context.js';
import { removeRemedies } from './remedies/remove.js';
import { cures } from './verify.js';

/** At most this many verified patches and this many pieces of advice without one, per finding. */
export const MAX_PATCHED = 3;
export const MAX_ADVICE = 2;

const SERIOUS = new Set(['invalid', 'breach', 'tension']);

/** The candidates for one finding, in order, duplicates (same patch) dropped. */
export function candidatesFor(packs: readonly LoadedPack[], cf: CaseFacts, input: unknown, finding: Finding): Candidate[] {
  const index = finding.requirementIndex;
  const kind = index === undefined ? undefined : cf.order.requirements[index]?.kind;
  const own = index === undefined ? {} : cf.requirementFacts(index);
  const known = (f: string) => (f in own ? own[f] : cf.fact(f));
  const built = new Map<RequirementKind, ReturnType<typeof smallestLawful>>();
  const ctx = {
    input,
    cf,
    packs,
    finding,
    fired: firedRules(packs, finding, known, kind),
    known,
    newRequirement(k: RequirementKind) {
      if (!built.has(k)) built.set(k, smallestLawful(kindEnvelope(packs, cf, k)));
      return built.get(k);
    },
  };
  const seen = new Set<string>();
  const patched: Candidate[] = [];
  const lastResort: Candidate[] = [];
  const advice: Candidate[] = [];
  for (const generate of GENERATORS)
    for (const c of generate(ctx)) {
      const key = c.patch ? JSON.stringify(c.patch) : `text:${c.description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (!c.patch ? advice : generate === removeRemedies ? lastResort : patched).push(c);
    }
  // Smallest change first: fewer operations before more, generator order otherwise (the sort is
  // stable); leaving the requirement out comes after every edit that keeps it.
  patched.sort((a, b) => a.patch!.length - b.patch!.length);
  return [...patched, ...lastResort, ...advice];
}

export type Check = (input: unknown) => ValidationResult | undefined;

/** Whether a candidate stands: the patched input validates, the finding is cured, nothing new is invalid or a breach. */
export function verified(check: Check, original: ValidationResult, input: unknown, finding: Finding, c: Candidate): boolean {
  if (!c.patch) return true;
  let patched: unknown;
  try {
    patched = applyPatch(input, c.patch);
  } catch (error) {
    if (error instanceof JsonPatchError) return false;
    throw error;
  }
  const result = check(patched);
  return result !== undefined && cures(original, result, finding, c.patch);
}

const freezeRemedy = (c: Candidate): Remedy =>
  Object.freeze(c.patch ? { description: c.description, patch: Object.freeze(c.patch.map((op) => Object.freeze({ ...op }))) } : { description: c.description });

/** Verified remedies for one finding, at most a handful. */
export function remediesFor(packs: readonly LoadedPack[], cf: CaseFacts, input: unknown, original: ValidationResult, finding: Finding, check: Check): readonly Remedy[] {
  const out: Remedy[] = [];
  let patches = 0;
  let advice = 0;
  for (const c of candidatesFor(packs, cf, input, finding)) {
    if (c.patch ? patches >= MAX_PATCHED : advice >= MAX_ADVICE) continue;
    if (!verified(check, original, input, finding, c)) continue;
    out.push(freezeRemedy(c));
    if (c.patch) patches++;
    else advice++;
  }
  return Object.freeze(out);
}

/** Async twin of remediesFor, for the json-rules-engine evaluator. */
export async function remediesForAsync(
  packs: readonly LoadedPack[],
  cf: CaseFacts,
  input: unknown,
  original: ValidationResult,
  finding: Finding,
  check: (input: unknown) => Promise<ValidationResult | undefined>,
): Promise<readonly Remedy[]> {
  const out: Remedy[] = [];
  let patches = 0;
  let advice = 0;
  for (const c of candidatesFor(packs, cf, input, finding)) {
    if (c.patch ? patches >= MAX_PATCHED : advice >= MAX_ADVICE) continue;
    if (c.patch) {
      let patched: unknown;
      try {
        patched = applyPatch(input, c.patch);
      } catch (error) {
        if (error instanceof JsonPatchError) continue;
        throw error;
      }
      const result = await check(patched);
      if (result === undefined || !cures(original, result, finding, c.patch)) continue;
    }
    out.push(freezeRemedy(c));
    if (c.patch) patches++;
    else advice++;
  }
  return Object.freeze(out);
}

export const wantsRemedies = (f: Finding): boolean => SERIOUS.has(f.kind);

/**
 * A new frozen result whose findings carry `remedies` (every invalid and breach finding; a tension
 * only where it has one). The original result and its findings are not touched.
 */
export function withRemedies(result: ValidationResult, remediesOf: (f: Finding) => readonly Remedy[] | undefined): ValidationResult {
  const replaced = new Map<Finding, Finding>();
  const swap = (f: Finding): Finding => {
    let g = replaced.get(f);
    if (g) return g;
    const remedies = wantsRemedies(f) ? remediesOf(f) : undefined;
    g = remedies === undefined || (f.kind === 'tension' && remedies.length === 0) ? f : Object.freeze({ ...f, remedies });
    replaced.set(f, g);
    return g;
  };
  const list = (fs: readonly Finding[]) => Object.freeze(fs.map(swap));
  return Object.freeze({
    ...result,
    requirements: Object.freeze(result.requirements.map((r) => Object.freeze({ ...r, findings: list(r.findings) }))),
    breaches: list(result.breaches),
    tensions: list(result.tensions),
    advisories: result.advisories,
  });
}
