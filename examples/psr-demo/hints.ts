/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The envelope of the case (validator.options) as hint text on each field: "Lawful here: 6 to 36 months".
import type { Envelope, KindEnvelope, QuantityEnvelope } from '../../src/index.js';
import { kindName } from './fields.js';
import { describe, type FieldHandle } from './form.js';
import { pointerOf, type JsonObject } from './model.js';

const UNITS: Readonly<Record<string, string>> = {
  months: 'months',
  hours: 'hours',
  days: 'days',
  maxDays: 'days',
  hoursPerDay: 'hours a day',
  testsPerWeek: 'tests a week',
  reviewIntervalMonths: 'months between reviews',
  reviewIntervalWeeks: 'weeks between reviews',
};
const INTENSITY = ['', 'low', 'medium', 'high'];

const FACT_WORDS: Readonly<Record<string, string>> = {
  'requirement.hasReview': 'whether there is a review provision',
  'requirement.setting': 'the setting',
  'requirement.intensity': 'the intensity',
};
/** A fact a limit depends on, as words: "requirement.hasReview" is "whether there is a review provision". */
const factWords = (fact: string): string => FACT_WORDS[fact] ?? `the ${fact.replace(/^requirement\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));

function quantityHint(q: QuantityEnvelope, kind: KindEnvelope): string | undefined {
  const parts: string[] = [];
  if (q.field === 'intensity') {
    const max = q.max?.value;
    if (max !== undefined) parts.push(`Lawful here: up to ${INTENSITY[max] ?? max} intensity (the seriousness band).`);
    for (const i of kind.intensities ?? []) {
      const tensions = i.findings.filter((f) => f.kind === 'tension').map((f) => f.code);
      if (i.lawful && tensions.length) parts.push(`${i.intensity[0]!.toUpperCase()}${i.intensity.slice(1)} would carry: ${tensions.join(', ')}.`);
    }
    return parts.join(' ') || undefined;
  }
  const unit = UNITS[q.field] ?? '';
  const lo = q.min?.value;
  const hi = q.max?.value;
  if (lo !== undefined && hi !== undefined) parts.push(lo > hi ? `Nothing is lawful here: at least ${lo} and at most ${hi} ${unit}.` : `Lawful here: ${lo} to ${hi} ${unit}.`);
  else if (hi !== undefined) parts.push(`Lawful here: up to ${hi} ${unit}.`);
  else if (lo !== undefined) parts.push(`Lawful here: at least ${lo} ${unit}.`);
  for (const g of q.guidance) parts.push(`The seriousness band's range ${g.direction === 'max' ? 'goes up to' : 'starts at'} ${g.value} ${unit}; beyond it is lawful but a tension.`);
  for (const code of new Set(q.conditional.map((c) => c.code))) {
    const limits = q.conditional.filter((c) => c.code === code);
    const on = [...new Set(limits.flatMap((c) => c.dependsOn).map(factWords))];
    const bounds = [...new Set(limits.map((c) => `${c.direction === 'min' ? 'at least' : 'at most'} ${c.value}`))].join(' or ');
    parts.push(`${on.length ? `Depending on ${on.join(' and ')}: ` : 'Where it applies: '}${bounds} ${unit} (${code}).`);
  }
  return parts.join(' ') || undefined;
}

function show(handle: FieldHandle | undefined, text: string | undefined): void {
  if (!handle || !text) return;
  handle.envelope.textContent = text;
  handle.envelope.hidden = false;
  describe(handle);
}

/** Puts the envelope on the form's fields; with no envelope (the case is not complete yet) the hints go. */
/** The case at a glance, in the MoJ identity bar: who, which tiers (kept apart), which band. */
export function identityText(model: JsonObject, envelope: Envelope | undefined): string {
  const offender = (model.offender ?? {}) as JsonObject;
  const need = (offender.need ?? {}) as JsonObject;
  const parts = [typeof model.id === 'string' ? `Case ${model.id}` : 'No case reference'];
  if (typeof offender.dateOfBirth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(offender.dateOfBirth)) parts.push(`born ${longDate(offender.dateOfBirth)}`);
  parts.push(typeof offender.omTier === 'number' ? `offender management tier ${offender.omTier}` : 'offender management tier not recorded');
  parts.push(typeof need.treatmentTier === 'number' ? `treatment tier ${need.treatmentTier}` : 'treatment tier not assessed');
  if (envelope) parts.push(`seriousness band ${envelope.band}`);
  return parts.join(' · ');
}

export function showEnvelope(envelope: Envelope | undefined, model: JsonObject, registry: ReadonlyMap<string, FieldHandle>, addKindHint: HTMLElement): void {
  for (const handle of registry.values()) {
    if (handle.envelope.hidden) continue;
    handle.envelope.hidden = true;
    handle.envelope.textContent = '';
    describe(handle);
  }
  addKindHint.textContent = '';
  if (!envelope) return;
  for (const o of envelope.order) {
    if (o.field !== 'sentence.endDate') continue;
    const last = typeof o.limit.inputValue === 'string' ? `, ending no later than ${longDate(o.limit.inputValue)}` : '';
    show(registry.get('/sentence/endDate'), `Lawful here: ${o.direction === 'max' ? 'up to' : 'at least'} ${o.limit.value} months from the date of sentence${last}.`);
  }
  const unavailable = envelope.kinds.filter((k) => !k.available).map((k) => kindName(k.kind));
  if (unavailable.length) addKindHint.textContent = `Not available under the law on these dates: ${unavailable.join(', ')}.`;
  const requirements = Array.isArray(model.requirements) ? model.requirements : [];
  requirements.forEach((req, i) => {
    const kind = req && typeof req === 'object' && !Array.isArray(req) ? req.kind : undefined;
    const k = envelope.kinds.find((x) => x.kind === kind);
    if (!k) return;
    if (!k.available) show(registry.get(pointerOf('requirements', i, 'kind')), `Not available under the law on these dates (${k.availability.source ?? k.availability.parameter}).`);
    for (const q of k.quantities) show(registry.get(pointerOf('requirements', i, q.field)), quantityHint(q, k));
  });
}
