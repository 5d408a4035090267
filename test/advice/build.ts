import type { KindEnvelope, Requirement } from '../../src/index.js';

/** Fields a requirement needs besides its judged quantities, chosen so every condition the requirement itself settles is met. */
const SETTLED: Record<string, Record<string, unknown>> = {
  curfew: { electronicMonitoring: true },
  exclusion: { electronicMonitoring: true },
  'drug-rehabilitation': { setting: 'non-residential', recommendedByOfficer: true, offenderWilling: true, provider: { name: 'Community Drug Team', registered: true } },
  'alcohol-treatment': { setting: 'practitioner-based', director: { name: 'Dr A', qualified: true }, offenderWilling: true },
  programme: { programme: 'ASRO', recommendedByOfficer: true, days: 20 },
  'mental-health-treatment': { treatment: 'non-resident', offenderWilling: true },
  residence: {},
};
/** Required numeric fields no rule limits (the schema's own bounds apply). */
const FREE: Record<string, Record<string, number>> = {
  'unpaid-work': { hours: 1 },
  activity: { days: 1 },
  'rehabilitation-activity': { maxDays: 1 },
  'attendance-centre': { hours: 1 },
  'alcohol-abstinence-monitoring': { days: 1 },
  'foreign-travel-prohibition': { months: 1 },
  curfew: { hoursPerDay: 1, months: 1 },
  exclusion: { months: 1 },
  'drug-rehabilitation': { months: 1 },
  'alcohol-treatment': { months: 1 },
};
const INTENSITIES = ['low', 'medium', 'high'] as const;
/** The schema's own ceilings where they are below 120 (src/schema/requirements.ts). */
const SCHEMA_MAX: Record<string, number> = { testsPerWeek: 21, hoursPerDay: 24 };

/**
 * A requirement of the envelope's kind with each quantity at `at(min, max)` of its safe range
 * (conditional limits included), the DRR at a lawful intensity. Undefined where the envelope is empty.
 */
export function buildInside(k: KindEnvelope, at: (min: number, max: number) => number, pick: (n: number) => number): Record<string, unknown> | undefined {
  const req: Record<string, unknown> = { kind: k.kind, ...SETTLED[k.kind], ...FREE[k.kind] };
  for (const q of k.quantities) {
    if (q.field === 'intensity') continue;
    const lo = Math.max(q.safe.min ?? 1, 1);
    const hi = Math.min(q.safe.max ?? Math.max(lo, 24), SCHEMA_MAX[q.field] ?? 120);
    if (lo > hi) return undefined;
    const review = q.field.startsWith('reviewInterval');
    if (review && Object.keys(req).some((key) => key.startsWith('reviewInterval'))) continue;
    if (!(q.field in req) && !review && q.field !== 'testsPerWeek') continue;
    req[q.field] = Math.round(at(lo, hi));
  }
  if (k.kind === 'drug-rehabilitation') {
    const lawful = (k.intensities ?? []).filter((i) => i.lawful && !i.findings.length);
    const any = lawful.length ? lawful : (k.intensities ?? []).filter((i) => i.lawful);
    if (!any.length) return undefined;
    req.intensity = any[pick(any.length)]!.intensity;
  }
  return req as Requirement;
}

/** The same requirement with one field one step past a limit, or undefined when that step leaves the schema. */
export function stepOutside(req: Record<string, unknown>, field: string, direction: 'max' | 'min', value: number): Record<string, unknown> | undefined {
  if (field === 'intensity') {
    const rank = direction === 'max' ? value + 1 : value - 1;
    return rank >= 1 && rank <= 3 ? { ...req, intensity: INTENSITIES[rank - 1] } : undefined;
  }
  const next = direction === 'max' ? Math.floor(value) + 1 : Math.ceil(value) - 1;
  if (next < 0) return undefined;
  return { ...req, [field]: next };
}
