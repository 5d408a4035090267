import { choiceRemedies } from './choices.js';
import type { Generator } from './context.js';
import { evidenceRemedies } from './evidence.js';
import { limitRemedies } from './limits.js';
import { presenceRemedies } from './presence.js';
import { removeRemedies } from './remove.js';
import { sentenceRemedies } from './sentence.js';

/** In the order they are tried: the smallest change first, leaving a requirement out last, advice without a patch after. */
export const GENERATORS: readonly Generator[] = [limitRemedies, choiceRemedies, presenceRemedies, sentenceRemedies, removeRemedies, evidenceRemedies];

export type { Candidate, Generator, RemedyContext } from './context.js';
