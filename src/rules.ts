/**
 * `proportionate/rules`: the law as data. The bundled rule packs and parameters, and a catalogue
 * of every finding code with its kind, message, citations and confidence.
 */
import { BUNDLED_PACKS, BUNDLED_PARAMETERS } from './engine/bundled.js';
import { loadPacks, type LoadedPack } from './engine/load.js';
import type { Citation, FindingKind } from './engine/pack.js';
import { weakest, type Confidence } from './law/confidence.js';
import { deepFreeze } from './freeze.js';

export { REGIMES } from './law/regimes.js';
export type { ParameterDefinition, ParameterTable, DatedValue } from './law/parameters.js';
export type { PackDefinition, RuleDefinition, Citation, FindingKind } from './engine/pack.js';

export const packs: readonly LoadedPack[] = loadPacks(BUNDLED_PACKS, BUNDLED_PARAMETERS);
export const parameters = BUNDLED_PARAMETERS;

export interface FindingCode {
  readonly code: string;
  readonly kind: FindingKind;
  /** The message of the code's first rule; placeholders `{fact}` are filled when it fires. */
  readonly message: string;
  readonly citations: readonly Citation[];
  /** The weakest confidence of the code's rules (before parameter sources lower it further). */
  readonly confidence: Confidence;
  readonly pack: string;
  readonly file: string;
}

function catalogue(): readonly FindingCode[] {
  const byCode = new Map<string, FindingCode>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const { type: code, params } = rule.event;
      const seen = byCode.get(code);
      if (!seen) {
        byCode.set(code, { code, kind: params.kind, message: params.message, citations: params.citations, confidence: params.confidence, pack: pack.id, file: pack.file });
        continue;
      }
      const citations = [...seen.citations];
      for (const c of params.citations) if (!citations.some((d) => d.source === c.source && d.provision === c.provision)) citations.push(c);
      byCode.set(code, { ...seen, citations, confidence: weakest(seen.confidence, params.confidence) });
    }
  }
  return deepFreeze([...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1)));
}

/** Every finding code the bundled rules can produce, sorted by code. */
export const findingCodes: readonly FindingCode[] = catalogue();
