import { addMonths, subYears } from 'date-fns';
import { toDate, toIso } from '../facts/dates.js';

/** Whole days since 1970-01-01: date arithmetic on plain integers, free of time zones. */
export const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const plusDays = (iso: string, days: number): string => isoOf(dayOf(iso) + days);
/** Calendar months as the library counts them (date-fns: 31 January + 1 month = the last day of February). */
export const plusMonths = (iso: string, months: number): string => toIso(addMonths(toDate(iso), months));
export const minusYears = (iso: string, years: number): string => toIso(subYears(toDate(iso), years));
export const laterOf = (a: string, b: string): string => (a >= b ? a : b);
export const earlierOf = (a: string, b: string): string => (a <= b ? a : b);
