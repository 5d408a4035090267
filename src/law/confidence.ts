import { z } from 'zod';

/** Confidence tags exactly as the reference material writes them (law.md uses V/V-ind/V-sec/M, standards.md V/V2/M). */
export const SourceTag = z.enum(['V', 'V-ind', 'V-sec', 'V2', 'M']);
export type SourceTag = z.infer<typeof SourceTag>;

export const Confidence = z.enum(['verified', 'secondary', 'unverified']);
export type Confidence = z.infer<typeof Confidence>;

/**
 * V-ind figures were read in primary legislative text (an amending Act, a bill print, explanatory
 * notes) that describes the rule, so they count as verified; V-sec and V2 were read only in a
 * restatement; M was never read.
 */
const FROM_TAG: Record<SourceTag, Confidence> = { V: 'verified', 'V-ind': 'verified', 'V-sec': 'secondary', V2: 'secondary', M: 'unverified' };
const RANK: Record<Confidence, number> = { verified: 2, secondary: 1, unverified: 0 };

export const confidenceOfTag = (tag: SourceTag): Confidence => FROM_TAG[tag];

/** The weakest of the given confidences: a finding is only as sure as the least sure source behind it. */
export function weakest(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}
