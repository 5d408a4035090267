import type { Breaker } from './kit.js';
import { ORDER_BREAKERS } from './orders.js';
import { REQUIREMENT_BREAKERS } from './requirements.js';
import { TIMESCALE_BREAKERS } from './timescales.js';

export { breakPicks, breakPicksWithEvents, type Breaker, type BreakPicks } from './kit.js';

/**
 * One breaker per finding code of kind `invalid` or `breach`. Each starts from a lawful draft and
 * changes what the code is about, leaning on the value just past the limit.
 */
export const BREAKERS: Readonly<Record<string, Breaker>> = { ...ORDER_BREAKERS, ...REQUIREMENT_BREAKERS, ...TIMESCALE_BREAKERS };
