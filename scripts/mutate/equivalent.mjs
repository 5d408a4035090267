// Mutants that change no result any input can produce, each with the reason. They are not run and are
// reported as equivalent, never as killed. Add one only with a reason a reader can check against the packs.
export const EQUIVALENT = new Map([
  [
    'rules/guidance/drr-atr-proportionality.json DRR_INTENSITY_EXCEEDS_SERIOUSNESS: drop all[1] (requirement.kind equal "drug-rehabilitation")',
    'the pack covers DRRs and ATRs (its kinds), and src/facts/requirement.ts sets requirement.intensityRank only for a DRR; for an ATR it stays null, and the remaining condition, requirement.intensityRank greaterThan param.drr.maxIntensityRank, is false for null in both evaluators (json-rules-engine 7.3 numeric guard; isNumeric in src/engine/operators.ts). Same findings; only an explain trace differs',
  ],
  [
    'rules/guidance/drr-atr-proportionality.json OM_TIER_INTENSITY_MISMATCH:drr: drop all[1] (requirement.kind equal "drug-rehabilitation")',
    'as for DRR_INTENSITY_EXCEEDS_SERIOUSNESS: for an ATR requirement.intensityRank is null, and requirement.intensityRank greaterThan param.omTier.maxDrrIntensityRank is false for null in both evaluators',
  ],
  [
    'rules/guidance/drr-atr-proportionality.json OM_TIER_INTENSITY_MISMATCH:drr: drop all[2] (offender.omTier notEqual null)',
    'offender.omTier is null only when the input gives no tier (the schema accepts 1-4 or absent, never null); then deriveOrderFacts (src/facts/order.ts, the tier families) sets every tier-picked fact to null, so all[0] (param.omTier.maxDrrIntensityRank notEqual null) already fails; an override cannot supply the picked fact (tableProblems in src/law/parameters.ts refuses a parameter named like a family). The guard never decides the result',
  ],
  [
    'rules/guidance/provision.json PROVISION_BELOW_INTENSITY_HOURS: drop all[1] (requirement.weeklyHoursAvailable notEqual null)',
    'requirement.weeklyHoursAvailable is a number or null (src/facts/requirement.ts), and the remaining condition, requirement.weeklyHoursAvailable lessThan requirement.weeklyHoursMinimum, is false for a null fact in both evaluators (numeric guard). Same findings; only an explain trace differs',
  ],
  [
    'rules/guidance/provision.json PROVISION_BELOW_INTENSITY_HOURS: drop all[2] (requirement.weeklyHoursMinimum notEqual null)',
    'with requirement.weeklyHoursMinimum null, available lessThan null compares available with 0; available is null (false by the numeric guard) or a number from 0 to 168 (provision drrWeeklyHours: z.number().min(0).max(168), NaN refused), and a < 0 is false for every a >= 0, exactly as the guard makes it',
  ],
  [
    'rules/cja-2003/drug-rehabilitation.json DRR_REVIEW_INTERVAL_TOO_SHORT:months: drop all[1] (requirement.reviewIntervalMonths notEqual null)',
    'requirement.reviewIntervalMonths is a number or null (src/facts/requirement.ts), and the remaining condition, requirement.reviewIntervalMonths lessThan param.drr.minReviewIntervalMonths, is false for null in both evaluators: json-rules-engine 7.3 guards lessThan with Number.parseFloat(fact) not NaN, and src/engine/operators.ts copies that guard (isNumeric). Same findings; only an explain trace differs',
  ],
  [
    'rules/guidance/sentencing-ranges.json REQUIREMENT_ABOVE_BAND_RANGE:unpaid-work: drop all[0] (requirement.kind equal "unpaid-work")',
    'the pack covers unpaid work, activity, curfew and exclusion, and only unpaid work has requirement.hours; for the others it is null, and null > n is false',
  ],
  [
    'rules/guidance/treatment-need.json TREATMENT_NEED_EXCEEDS_SERIOUSNESS: drop all[2] (need.treatmentRank notEqual null)',
    'need.treatmentRank is a number or null (rankNeed in src/facts/order.ts), and the next condition, need.treatmentRank greaterThan param.drr.maxIntensityRank, is false for null in both evaluators: json-rules-engine 7.3 guards greaterThan with Number.parseFloat(fact) not NaN, and src/engine/operators.ts copies that guard (isNumeric) for the compiled evaluator. Same findings; only an explain trace, which lists the conditions as written, differs',
  ],
  [
    'rules/guidance/provision.json INTENSITY_NOT_COMMISSIONED: drop all[0] (requirement.kind equal "drug-rehabilitation")',
    'the pack covers DRRs and programmes, and src/facts/requirement.ts sets requirement.intensityCommissioned only for a DRR; for a programme it stays null, and the remaining condition on it (equal true / equal false / notEqual null) is false for null',
  ],
  [
    'rules/guidance/provision.json PROVISION_BELOW_INTENSITY_HOURS: drop all[0] (requirement.kind equal "drug-rehabilitation")',
    'the pack covers DRRs and programmes, and src/facts/requirement.ts sets requirement.weeklyHoursAvailable and requirement.weeklyHoursMinimum only for a DRR; for a programme it stays null, and the remaining conditions on it (equal true / equal false / notEqual null) are false for null',
  ],
  [
    'rules/guidance/provision.json RESIDENTIAL_TREATMENT_OUT_OF_AREA: drop all[0] (requirement.kind equal "drug-rehabilitation")',
    'the pack covers DRRs and programmes, and src/facts/requirement.ts sets requirement.provider.outOfArea only for a DRR; for a programme it stays null, and the remaining condition on it (equal true / equal false / notEqual null) is false for null',
  ],
  [
    'rules/guidance/provision.json UNREGISTERED_PROVIDER: drop all[0] (requirement.kind equal "drug-rehabilitation")',
    'the pack covers DRRs and programmes, and src/facts/requirement.ts sets requirement.provider.registered only for a DRR; for a programme it stays null, and the remaining condition on it (equal true / equal false / notEqual null) is false for null',
  ],
  [
    'rules/guidance/provision.json PROGRAMME_NOT_RUN_LOCALLY: drop all[0] (requirement.kind equal "programme")',
    'the pack covers DRRs and programmes, and src/facts/requirement.ts sets requirement.programmeRunsLocally only for a programme; for a DRR it stays null, and null equal false is false',
  ],
]);
