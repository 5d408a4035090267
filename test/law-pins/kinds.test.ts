import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../src/engine/bundled.js';

// The kind of every finding code, pinned: the codes SPEC section 5 lists carry the kind it gives them; the
// rest carry the kind their rule's citation supports (a statutory condition is invalid, a national standard
// missed is a breach, guidance is a tension, a field not yet recorded in a proposal is an advisory). A kind
// changed in a pack, or a new code with no pin here, fails at once: a finding in the wrong list is a false
// alarm (an advisory shown as invalid) or a missed one (an invalid shown as advisory).
type Kind = 'invalid' | 'breach' | 'tension' | 'advisory';

/** SPEC section 5, as written there. */
const SPEC_KINDS: Record<string, Kind> = {
  ACTIVITY_DAYS_EXCEEDED: 'invalid',
  ALCOHOL_NEED_UNADDRESSED: 'tension',
  ATR_AT_LOW_SERIOUSNESS: 'tension',
  ATR_NOT_DEPENDENT: 'invalid',
  ATR_NOT_SUSCEPTIBLE: 'invalid',
  ATR_NOT_WILLING: 'invalid',
  ATR_NO_QUALIFIED_DIRECTOR: 'invalid',
  ATR_PERIOD_TOO_SHORT: 'invalid',
  ATR_WITH_AAMR: 'invalid',
  ATTENDANCE_CENTRE_AGE: 'invalid',
  ATTENDANCE_CENTRE_HOURS_OUT_OF_RANGE: 'invalid',
  BREACH_ACTION_LATE: 'breach',
  CASE_NOT_TRANSFERRED: 'breach',
  CURFEW_HOURS_OUT_OF_RANGE: 'invalid',
  CURFEW_PERIOD_EXCEEDED: 'invalid',
  CURFEW_WITHOUT_EM: 'invalid',
  DRR_INTENSITY_EXCEEDS_SERIOUSNESS: 'breach',
  DRR_NOT_RECOMMENDED: 'invalid',
  DRR_NOT_SUSCEPTIBLE: 'invalid',
  DRR_NOT_WILLING: 'invalid',
  DRR_NO_ARRANGEMENTS: 'invalid',
  DRR_NO_DEPENDENCY: 'invalid',
  DRR_PERIOD_EXCEEDS_ORDER: 'invalid',
  DRR_PERIOD_TOO_SHORT: 'invalid',
  DRR_REVIEW_INTERVAL_TOO_SHORT: 'invalid',
  DRR_REVIEW_REQUIRED: 'invalid',
  DRUG_NEED_UNADDRESSED: 'tension',
  DRUG_TESTING_BELOW_STANDARD: 'breach',
  DTTO_NOT_AVAILABLE: 'breach',
  EXCLUSION_PERIOD_EXCEEDED: 'invalid',
  EXCLUSION_WITHOUT_EM: 'invalid',
  FIRST_APPOINTMENT_LATE: 'breach',
  INTENSITY_NOT_COMMISSIONED: 'tension',
  NO_REQUIREMENTS: 'breach',
  OFFENDER_UNDER_18: 'breach',
  OM_TIER_INTENSITY_MISMATCH: 'tension',
  ORDER_TOO_LONG: 'breach',
  PPO_NOT_FLAGGED: 'advisory',
  PROGRAMME_START_LATE: 'breach',
  PROVISION_BELOW_INTENSITY_HOURS: 'tension',
  PSR_LATE: 'breach',
  PUNITIVE_ELEMENT_MISSING: 'breach',
  REQUIREMENT_ABOVE_BAND_RANGE: 'tension',
  REQUIREMENT_NOT_IN_REGIME: 'invalid',
  RESIDENTIAL_TREATMENT_OUT_OF_AREA: 'tension',
  REVIEW_HEARING_OVERDUE: 'breach',
  SECOND_WARNING_GIVEN: 'breach',
  SENTENCE_PLAN_LATE: 'breach',
  SSO_PERIOD_OUT_OF_RANGE: 'breach',
  SSO_TERM_OUT_OF_RANGE: 'breach',
  STANDALONE_DRR: 'tension',
  TREATMENT_NEED_EXCEEDS_SERIOUSNESS: 'tension',
  TRIGGER_OFFENCE_TESTING: 'advisory',
  UNPAID_WORK_HOURS_OUT_OF_RANGE: 'invalid',
  UNREGISTERED_PROVIDER: 'tension',
};

/** The codes this library adds, by the file that holds the rule. */
const OWN_KINDS: Record<string, Kind> = {
  AAMR_DAYS_EXCEEDED: 'invalid', // rules/cja-2003/alcohol-abstinence-monitoring.json
  AAMR_DEPENDENT_OFFENDER: 'invalid', // rules/cja-2003/alcohol-abstinence-monitoring.json
  ATR_CONDITION_NOT_RECORDED: 'advisory', // rules/cja-2003/alcohol-treatment.json
  ATR_DIRECTOR_NOT_SPECIFIED: 'advisory', // rules/cja-2003/alcohol-treatment.json
  ATR_DIRECTOR_NOT_SPECIFIED_AT_SENTENCE: 'invalid', // rules/cja-2003/alcohol-treatment.json
  ATR_PERIOD_EXCEEDS_ORDER: 'invalid', // rules/cja-2003/alcohol-treatment.json
  CURFEW_WEEKLY_HOURS_AT_RISK: 'advisory', // rules/cja-2003/curfew.json
  DRR_CONDITION_NOT_RECORDED: 'advisory', // rules/cja-2003/drug-rehabilitation.json
  DRR_PROVIDER_NOT_SPECIFIED: 'advisory', // rules/cja-2003/drug-rehabilitation.json
  DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE: 'invalid', // rules/cja-2003/drug-rehabilitation.json
  MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED: 'advisory', // rules/cja-2003/mental-health-treatment.json
  MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED_AT_SENTENCE: 'invalid', // rules/cja-2003/mental-health-treatment.json
  MENTAL_HEALTH_TREATMENT_NOT_WILLING: 'invalid', // rules/cja-2003/mental-health-treatment.json
  MENTAL_HEALTH_TREATMENT_WILLINGNESS_NOT_RECORDED: 'advisory', // rules/cja-2003/mental-health-treatment.json
  PROGRAMME_DAYS_NOT_SPECIFIED: 'advisory', // rules/cja-2003/programme.json
  PROGRAMME_DAYS_NOT_SPECIFIED_AT_SENTENCE: 'invalid', // rules/cja-2003/programme.json
  PROGRAMME_NOT_RECOMMENDED: 'invalid', // rules/cja-2003/programme.json
  PROGRAMME_RECOMMENDATION_NOT_RECORDED: 'advisory', // rules/cja-2003/programme.json
  RESIDENCE_HOSTEL_NOT_RECOMMENDED: 'invalid', // rules/cja-2003/residence.json
  RESIDENCE_HOSTEL_RECOMMENDATION_NOT_RECORDED: 'advisory', // rules/cja-2003/residence.json
  PROGRAMME_NOT_RUN_LOCALLY: 'tension', // rules/guidance/provision.json
  TREATMENT_NEED_NOT_RANKED: 'advisory', // rules/guidance/treatment-need.json
  FOREIGN_TRAVEL_PERIOD_EXCEEDED: 'invalid', // rules/laspo-2012/foreign-travel-prohibition.json
  TIMESCALE_DUE: 'advisory', // rules/national-standards/due.json
  CALENDAR_BEYOND_RECORDED_HOLIDAYS: 'advisory', // rules/national-standards/not-judged.json
  TIMESCALE_NOT_JUDGED: 'advisory', // rules/national-standards/not-judged.json
};

const packKinds = (): Array<[string, string, string]> =>
  BUNDLED_PACKS.flatMap(({ file, data }) =>
    (data as { rules: { event: { type: string; params: { kind: string } } }[] }).rules.map((r) => [r.event.type, r.event.params.kind, file] as [string, string, string]),
  );

describe('the kind of every finding code is the one pinned from its source', () => {
  it('no code is pinned twice', () => {
    expect(Object.keys(SPEC_KINDS).filter((c) => c in OWN_KINDS)).toEqual([]);
  });
  it('every rule in the bundled packs has the pinned kind (a new code fails until it is pinned)', () => {
    const pins: Record<string, Kind> = { ...SPEC_KINDS, ...OWN_KINDS };
    const wrong = packKinds().filter(([code, kind]) => pins[code] !== kind).map(([code, kind, file]) => `${file}: ${code} is ${kind}, pinned ${pins[code] ?? 'nowhere'}`);
    expect(wrong).toEqual([]);
  });
  it('every pinned code is still produced by some rule', () => {
    const codes = new Set(packKinds().map(([code]) => code));
    expect([...Object.keys(SPEC_KINDS), ...Object.keys(OWN_KINDS)].filter((c) => !codes.has(c))).toEqual([]);
  });
});
