// Which field of the form a finding or an input issue concerns, so the error summary can link to it.
import type { Finding } from '../../src/index.js';
import type { FieldHandle } from './form.js';
import { pointerOf, tokensOf } from './model.js';

/** Requirement facts that stand for a field of their own requirement under another name. */
const REQUIREMENT_FIELDS: Readonly<Record<string, string>> = {
  intensityRank: 'intensity',
  intensityCommissioned: 'intensity',
  weeklyHoursMinimum: 'intensity',
  weeklyHoursAvailable: 'intensity',
  emException: 'emExceptionReason',
  hasReview: 'reviewIntervalWeeks',
  reviewIntervalWholeMonths: 'reviewIntervalMonths',
  reviewIntervalDays: 'reviewIntervalWeeks',
  hoursPerWeek: 'hoursPerDay',
  available: 'kind',
  programmeRunsLocally: 'programme',
  'provider.outOfArea': 'provider/area',
  'provider.name': 'provider/name',
  'provider.registered': 'provider/registered',
  'director.recorded': 'director/name',
  'director.qualified': 'director/qualified',
};

/** Facts about the order or the offender, and the field that records them. */
const ORDER_FIELDS: readonly [RegExp, string][] = [
  [/^order\.(lengthMonths|requirementLimitMonths)$/, '/sentence/endDate'],
  [/^order\.(band|bandRank)$/, '/offences/0/seriousness'],
  [/^order\.type$/, '/sentence/type'],
  [/^order\.(fine|punitive)/, '/sentence/fine'],
  [/^order\.anyTriggerOffence$/, '/offences/0/triggerOffence'],
  [/^date\.earliestOffence$/, '/offences/0/committedOn'],
  [/^offender\.omTier$/, '/offender/omTier'],
  [/^offender\.age/, '/offender/dateOfBirth'],
  [/^(offender\.treatmentTier|need\.treatment)/, '/offender/need/treatmentTier'],
  [/^need\.drugs\.(\w+)$/, '/offender/need/drugs/$1'],
  [/^need\.alcohol\.(\w+)$/, '/offender/need/alcohol/$1'],
  [/^assessment\.oasys\.(\w+)$/, '/offender/assessment/oasys/$1'],
  [/^assessment\.(ppo|ogrsPercent)$/, '/offender/assessment/$1'],
  [/^sso\.(\w+)$/, '/sentence/$1'],
  [/^provision\.noDrrCommissioned$/, '/provision/drrIntensities'],
  [/^provision\.(\w+)$/, '/provision/$1'],
  [/^date\.conviction$/, '/convictionDate'],
];

function factPointer(fact: string, requirementIndex: number | undefined): string | undefined {
  if (fact.startsWith('requirement.')) {
    if (requirementIndex === undefined) return undefined;
    const name = fact.slice('requirement.'.length);
    return `${pointerOf('requirements', requirementIndex)}/${REQUIREMENT_FIELDS[name] ?? name.replace(/\./g, '/')}`;
  }
  for (const [re, to] of ORDER_FIELDS) if (re.test(fact)) return fact.replace(re, to);
  return undefined;
}

/**
 * The field a finding concerns: the field its first remedy changes, else the first fact it reports
 * that a field records, else its requirement's kind. Undefined: the order as a whole.
 */
export function fieldOfFinding(f: Finding, registry: ReadonlyMap<string, FieldHandle>): FieldHandle | undefined {
  for (const remedy of f.remedies ?? []) {
    for (const op of remedy.patch ?? []) {
      const handle = registry.get(op.path);
      if (handle && op.op !== 'add') return handle;
    }
  }
  for (const fact of Object.keys(f.facts)) {
    const p = factPointer(fact, f.requirementIndex);
    const handle = p === undefined ? undefined : registry.get(p);
    if (handle) return handle;
  }
  return f.requirementIndex === undefined ? undefined : registry.get(pointerOf('requirements', f.requirementIndex, 'kind'));
}

/** The field an input issue's path names, or the first field inside what it names (a whole offence, say). */
export function fieldOfPath(path: readonly PropertyKey[], registry: ReadonlyMap<string, FieldHandle>): FieldHandle | undefined {
  const p = pointerOf(...path.map((t) => (typeof t === 'symbol' ? '' : t)));
  const own = registry.get(p);
  if (own) return own;
  for (const [key, handle] of registry) if (key.startsWith(`${p}/`)) return handle;
  // Nothing inside it is on the form: fall back to the nearest field above it.
  const tokens = tokensOf(p);
  while (tokens.length) {
    tokens.pop();
    const up = registry.get(pointerOf(...tokens));
    if (up) return up;
  }
  return undefined;
}
