import { z } from 'zod';
import data from '../../rules/calendar/bank-holidays.json' with { type: 'json' };

const isoDate = z.iso.date();
const text = z.string().trim().min(1);

const movedHolidaySchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  reason: text,
  source: text,
});

const extraHolidaySchema = z.strictObject({
  date: isoDate,
  reason: text,
  source: text,
});

export const bankHolidayRulesSchema = z.strictObject({
  jurisdiction: z.literal('england-and-wales'),
  /** Years for which the moved and extra days are complete; outside them only the regular pattern is known. */
  recorded: z.strictObject({ from: z.int(), to: z.int(), note: text.optional() }),
  regular: z.strictObject({
    source: text,
    url: z.url(),
    note: text.optional(),
  }),
  moved: z.array(movedHolidaySchema),
  extra: z.array(extraHolidaySchema),
});

export type BankHolidayRules = z.infer<typeof bankHolidayRulesSchema>;
export type MovedBankHoliday = z.infer<typeof movedHolidaySchema>;
export type ExtraBankHoliday = z.infer<typeof extraHolidaySchema>;

/**
 * Parsed once at load so a malformed edit to the JSON fails on import, not
 * midway through counting someone's timescale. Consistency with the computed
 * pattern is checked when the holiday table is built.
 */
export const bankHolidayRules: BankHolidayRules = bankHolidayRulesSchema.parse(data);
