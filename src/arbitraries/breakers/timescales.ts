import { laterOf, plusDays, plusMonths } from '../days.js';
import { lengthen, requirementOf } from '../edit.js';
import { addEvents, limit, nextSittingDay, standardOn, workingDaysAfter } from '../in-progress.js';
import { below, place } from '../place.js';
import { safeReviewWeeks, safeTestsPerWeek } from '../requirements.js';
import { AREAS, nth } from '../vocabulary.js';
import { isNumber, missed, onRequirement, progressOf, sortEvents, withoutEnforcement, type Breaker } from './kit.js';

/** National standards (PC80/2005; NS 2005/2007), judged from a psr record or from the events of an order in progress. */
export const TIMESCALE_BREAKERS: Readonly<Record<string, Breaker>> = {
  PSR_LATE: {
    when: (law) => isNumber(law.num('ns.psr.standardDays')) && isNumber(law.num('ns.psr.fastDays')),
    needsCalendar: true,
    apply(draft, b) {
      const type = b.variant % 2 === 0 ? 'standard' : 'fast';
      const param = type === 'standard' ? 'ns.psr.standardDays' : 'ns.psr.fastDays';
      // Judged by the standard in force on the request: where none was at conviction, the court asks on the day of sentence.
      const requestedOn = standardOn(draft, param, draft.order.convictionDate) === null ? draft.order.sentenceDate : draft.order.convictionDate;
      const days = standardOn(draft, param, requestedOn) ?? draft.law.limit(param);
      draft.order.psr = { type, requestedOn, deliveredOn: workingDaysAfter(requestedOn, days + 1 + place(b.p, 0, 10)) };
    },
  },
  FIRST_APPOINTMENT_LATE: timescaleFromSentence('ns.firstAppointmentDays', 'first-appointment'),
  SENTENCE_PLAN_LATE: timescaleFromSentence('ns.sentencePlanDays', 'sentence-plan'),
  SECOND_WARNING_GIVEN: {
    when: (law) => isNumber(law.num('enforcement.warningMonths')),
    needsCalendar: true,
    apply(draft, b) {
      const first = plusDays(draft.order.sentenceDate, place(b.p, 1, 180));
      // The day before the anniversary is the last day a warning counts as a second one.
      const lastDay = plusDays(plusMonths(first, draft.law.limit('enforcement.warningMonths')), -1);
      const second = plusDays(lastDay, -place(b.q, 0, 300));
      addEvents(draft, withoutEnforcement(progressOf(b)), true, laterOf(second, first));
      draft.order.events!.push({ type: 'warning', on: first }, { type: 'warning', on: laterOf(second, plusDays(first, 1)) });
      sortEvents(draft);
    },
  },
  BREACH_ACTION_LATE: {
    when: (law) => isNumber(law.num('ns.breachActionDays')) && isNumber(law.num('enforcement.warningMonths')),
    needsCalendar: true,
    apply(draft, b) {
      const first = plusDays(draft.order.sentenceDate, place(b.p, 1, 180));
      const lastDay = plusDays(plusMonths(first, draft.law.limit('enforcement.warningMonths')), -1);
      const second = laterOf(plusDays(lastDay, -place(b.q, 0, 300)), plusDays(first, 1));
      const due = workingDaysAfter(second, standardOn(draft, 'ns.breachActionDays', second) ?? limit(draft, 'ns.breachActionDays'));
      const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
      addEvents(draft, withoutEnforcement(progressOf(b)), true, late);
      draft.order.events!.push({ type: 'unacceptable-failure', on: first }, { type: 'unacceptable-failure', on: second });
      if (b.variant % 3 === 1) draft.order.events!.push({ type: 'warning', on: first });
      if (b.variant % 2 === 0) draft.order.events!.push({ type: 'breach-initiated', on: late });
      sortEvents(draft);
    },
  },
  CASE_NOT_TRANSFERRED: {
    when: (law) => isNumber(law.num('ns.transferDays')),
    needsCalendar: true,
    apply(draft, b) {
      const moved = plusDays(draft.order.sentenceDate, place(b.q, 1, 300));
      const area = nth(AREAS, b.variant);
      const due = workingDaysAfter(moved, standardOn(draft, 'ns.transferDays', moved) ?? limit(draft, 'ns.transferDays'));
      const late = workingDaysAfter(due, 1 + place(b.p, 0, 10));
      addEvents(draft, { ...progressOf(b), move: undefined }, true, late);
      draft.order.events!.push({ type: 'moved-area', on: moved, area });
      // Late, never, or on time but to another area than the one moved to.
      if (b.variant % 3 === 0) draft.order.events!.push({ type: 'transfer-completed', on: late, area });
      if (b.variant % 3 === 2) draft.order.events!.push({ type: 'transfer-completed', on: moved, area: nth(AREAS, b.variant + 1) });
      sortEvents(draft);
    },
  },
  PROGRAMME_START_LATE: {
    when: (law) => law.available('programme') && isNumber(law.num('ns.programmeStartDays')),
    needsCalendar: true,
    apply(draft, b) {
      const r = requirementOf(draft, 'programme', b.requirement);
      const due = workingDaysAfter(draft.order.sentenceDate, limit(draft, 'ns.programmeStartDays'));
      missed(draft, b, due, (on) => ({ type: 'programme-start', on, programme: r.programme }), (type) => type === 'programme-start');
      sortEvents(draft);
    },
  },
  REVIEW_HEARING_OVERDUE: onRequirement('drug-rehabilitation', (r, d, b) => {
    const s = d.order.sentenceDate;
    // Hearings are scheduled from an interval in weeks: one given in months is restated in weeks.
    delete r.reviewIntervalMonths;
    r.reviewIntervalWeeks ??= place(b.q, safeReviewWeeks(d.law), safeReviewWeeks(d.law) + 4);
    // The first hearing falls due only if the DRR (and the order) is still running then.
    const due = nextSittingDay(plusDays(s, 7 * r.reviewIntervalWeeks));
    let months = 1;
    while (plusMonths(s, months) < plusDays(due, 1)) months++;
    lengthen(d, months);
    r.months = Math.min(Math.max(r.months, months), d.limitMonths);
    missed(d, b, due, (on) => ({ type: 'review-hearing', on }), (type) => type === 'review-hearing');
    sortEvents(d);
  }, undefined, true),
  DRUG_TESTING_BELOW_STANDARD: onRequirement('drug-rehabilitation', (r, d, b) => {
    const reduced = d.band === 'low' || r.setting === 'residential';
    const min = d.law.limit(reduced ? 'ns.drugTesting.minPerWeekReduced' : 'ns.drugTesting.minPerWeek');
    r.testsPerWeek = safeTestsPerWeek(d.law);
    if (b.variant % 2 === 0) {
      // Too few tests ordered.
      r.testsPerWeek = below(b.p, min, 0);
      return;
    }
    // Too few tests recorded in one week of the testing period.
    const week = place(b.q, 0, d.law.limit('ns.drugTesting.weeks') - 1);
    const from = plusDays(d.order.sentenceDate, 7 * week);
    const to = plusDays(from, 6);
    addEvents(d, progressOf(b), true, to);
    d.order.events = d.order.events!.filter((e) => e.type !== 'drug-test' || e.on < from || e.on > to);
    const recorded = below(b.p, min, 0);
    for (let k = 0; k < recorded; k++) d.order.events.push({ type: 'drug-test', on: plusDays(from, k) });
    sortEvents(d);
  }, (law) => [law.num('ns.drugTesting.minPerWeek'), law.num('ns.drugTesting.minPerWeekReduced'), law.num('ns.drugTesting.weeks')].every((v) => v !== null && v >= 1), true),
};

/** First appointment or sentence plan: the event late, or missing with the record read after the deadline. */
function timescaleFromSentence(param: string, type: 'first-appointment' | 'sentence-plan'): Breaker {
  return {
    when: (law) => isNumber(law.num(param)) && isNumber(law.num(`${param}.tier4`)),
    needsCalendar: true,
    apply(draft, b) {
      const due = workingDaysAfter(draft.order.sentenceDate, limit(draft, param, true));
      missed(draft, b, due, (on) => ({ type, on }), (t) => t === type);
      sortEvents(draft);
    },
  };
}

