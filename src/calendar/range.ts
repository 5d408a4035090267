/**
 * Years the calendar vouches for. Later years depend on proclamations not yet
 * made and earlier ones on a pattern we have not checked, so dates outside are
 * refused rather than silently miscounting a statutory timescale.
 */
export const CALENDAR_RANGE = Object.freeze({ from: 1995, to: 2035 } as const);

export type CalendarRange = typeof CALENDAR_RANGE;
