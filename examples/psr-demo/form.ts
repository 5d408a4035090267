/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The order as a GOV.UK Design System form. Rendered from the model whenever its shape changes
// (an example loaded, a requirement added or removed, a remedy applied); typing only updates the
// model, so focus and what the officer typed stay where they are.
import { el, words } from './dom.js';
import { caseSections, courtSection, KINDS, offenceSection, provisionSection, requirementFields, sentenceSection, STAGES, type FieldSpec, type Section } from './fields.js';
import { dateParts, getAt, isoDate, pointerOf, type Json, type JsonObject } from './model.js';

/** One field on the page: where its messages go and which element they describe. */
export interface FieldHandle {
  readonly spec: FieldSpec;
  readonly id: string;
  /** The element a link to this field focuses (the day of a date, the first radio). */
  readonly focusId: string;
  readonly group: HTMLElement;
  readonly error: HTMLElement;
  readonly envelope: HTMLElement;
  /** The input or fieldset that carries aria-describedby. */
  readonly described: HTMLElement;
  readonly hintId?: string;
}

export const idFor = (path: string): string => `f${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function messages(id: string, spec: FieldSpec) {
  const hint = spec.hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, spec.hint) : undefined;
  const envelope = el('div', { class: 'govuk-hint app-envelope', id: `${id}-envelope`, hidden: '' });
  const error = el('p', { class: 'govuk-error-message', id: `${id}-error`, hidden: '' });
  return { hint, envelope, error };
}

/** Keeps aria-describedby to what is showing: the hint, the envelope, the error. */
export function describe(handle: FieldHandle): void {
  const ids = [handle.hintId, handle.envelope.hidden ? undefined : handle.envelope.id, handle.error.hidden ? undefined : handle.error.id].filter(Boolean);
  if (ids.length) handle.described.setAttribute('aria-describedby', ids.join(' '));
  else handle.described.removeAttribute('aria-describedby');
}

const asText = (v: Json | undefined): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join('\n') : String(v));

function renderField(spec: FieldSpec, model: JsonObject, registry: Map<string, FieldHandle>): HTMLElement {
  const id = idFor(spec.path);
  const value = getAt(model, spec.path);
  const { hint, envelope, error } = messages(id, spec);
  const data = { 'data-path': spec.path, 'data-type': spec.type };
  let group: HTMLElement;
  let described: HTMLElement;
  let focusId = id;
  switch (spec.type) {
    case 'text':
    case 'number': {
      const numeric = spec.type === 'number';
      const input = el('input', {
        class: `govuk-input ${numeric ? 'govuk-input--width-4' : ''}`.trim(),
        id,
        name: id,
        type: 'text',
        spellcheck: 'false',
        autocomplete: 'off',
        ...(numeric ? { inputmode: 'decimal' } : {}),
        ...data,
      });
      input.value = asText(value);
      const suffix = spec.type === 'number' && spec.suffix;
      const label = el('label', { class: 'govuk-label', for: id }, spec.label, suffix ? el('span', { class: 'govuk-visually-hidden' }, ` (${suffix})`) : undefined);
      const field = suffix ? el('div', { class: 'govuk-input__wrapper' }, input, el('div', { class: 'govuk-input__suffix', 'aria-hidden': 'true' }, suffix)) : input;
      group = el('div', { class: 'govuk-form-group' }, label, hint, envelope, error, field);
      described = input;
      break;
    }
    case 'lines': {
      const area = el('textarea', { class: 'govuk-textarea', id, name: id, rows: '3', spellcheck: 'false', ...data });
      area.value = asText(value);
      group = el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: id }, spec.label), hint, envelope, error, area);
      described = area;
      break;
    }
    case 'select': {
      const select = el('select', { class: 'govuk-select', id, name: id, ...data, ...(spec.numeric ? { 'data-numeric': 'true' } : {}) });
      select.append(el('option', { value: '' }, spec.empty), ...spec.options.map((o) => el('option', { value: o.value }, o.text)));
      const v = asText(value);
      // A value the form does not offer (from JSON) stays visible rather than being shown as empty.
      if (v && !spec.options.some((o) => o.value === v)) select.append(el('option', { value: v }, v));
      select.value = v;
      group = el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: id }, spec.label), hint, envelope, error, select);
      described = select;
      break;
    }
    case 'radios': {
      const v = asText(value);
      const items = spec.options.map((o, n) => {
        const inputId = n === 0 ? id : `${id}-${n + 1}`;
        const input = el('input', { class: 'govuk-radios__input', id: inputId, name: id, type: 'radio', value: o.value, ...data });
        input.checked = o.value === v;
        return el('div', { class: 'govuk-radios__item' }, input, el('label', { class: 'govuk-label govuk-radios__label', for: inputId }, o.text));
      });
      const radios = el('div', { class: `govuk-radios govuk-radios--small${spec.options.length <= 4 ? ' govuk-radios--inline' : ''}`, 'data-module': 'govuk-radios' }, ...items);
      described = el('fieldset', { class: 'govuk-fieldset' }, el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, spec.label), hint, envelope, error, radios);
      group = el('div', { class: 'govuk-form-group' }, described);
      break;
    }
    case 'checkboxes': {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      const box = (o: { value: string; text: string }, n: number, exclusive: boolean) => {
        const inputId = n === 0 ? id : `${id}-${n + 1}`;
        const input = el('input', { class: 'govuk-checkboxes__input', id: inputId, name: id, type: 'checkbox', value: o.value, ...data, ...(exclusive ? { 'data-behaviour': 'exclusive' } : {}) });
        input.checked = exclusive ? Array.isArray(value) && value.length === 0 : chosen.includes(o.value);
        return el('div', { class: 'govuk-checkboxes__item' }, input, el('label', { class: 'govuk-label govuk-checkboxes__label', for: inputId }, o.text));
      };
      const boxes = el(
        'div',
        { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        ...spec.options.map((o, n) => box(o, n, false)),
        el('div', { class: 'govuk-checkboxes__divider' }, 'or'),
        box(spec.none, spec.options.length, true),
      );
      described = el('fieldset', { class: 'govuk-fieldset' }, el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, spec.label), hint, envelope, error, boxes);
      group = el('div', { class: 'govuk-form-group' }, described);
      break;
    }
    case 'date': {
      const parts = dateParts(value);
      const part = (name: 'day' | 'month' | 'year', label: string, width: number) => {
        const input = el('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${id}-${name}`, name: `${id}-${name}`, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-part': name, ...data });
        input.value = parts[name];
        return el('div', { class: 'govuk-date-input__item' }, el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${name}` }, label), input));
      };
      focusId = `${id}-day`;
      described = el('fieldset', { class: 'govuk-fieldset', role: 'group' }, el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, spec.label), hint, envelope, error, el('div', { class: 'govuk-date-input', id }, part('day', 'Day', 2), part('month', 'Month', 2), part('year', 'Year', 4)));
      group = el('div', { class: 'govuk-form-group' }, described);
      break;
    }
  }
  group.id = `group-${id}`;
  const handle: FieldHandle = { spec, id, focusId, group, error, envelope, described, ...(hint ? { hintId: hint.id } : {}) };
  describe(handle);
  registry.set(spec.path, handle);
  return group;
}

function section(s: Section, model: JsonObject, registry: Map<string, FieldHandle>, ...extra: HTMLElement[]): HTMLElement {
  const hint = s.hint ? el('div', { class: 'govuk-hint', id: `${s.id}-hint` }, s.hint) : undefined;
  return el(
    'fieldset',
    { class: 'govuk-fieldset app-section', id: `section-${s.id}`, ...(hint ? { 'aria-describedby': hint.id } : {}) },
    el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, el('h2', { class: 'govuk-fieldset__heading' }, s.legend)),
    hint,
    ...s.fields.map((f) => renderField(f, model, registry)),
    ...extra,
  );
}

const button = (text: string, attrs: Record<string, string>, variant = 'govuk-button--secondary') => el('button', { type: 'button', class: `govuk-button ${variant}`, 'data-module': 'govuk-button', ...attrs }, text);

/** The whole form for `model`, and the registry of its fields by pointer. */
export function renderForm(model: JsonObject, stage: string, registry: Map<string, FieldHandle>): HTMLElement[] {
  registry.clear();
  const stageRadios = renderField({ type: 'radios', path: '#stage', label: 'Is this a proposal or the sentence?', hint: 'At the proposal stage, what a draft has not filled in yet is advice; at sentence it makes the requirement invalid.', options: STAGES }, { '#stage': stage } as unknown as JsonObject, new Map());
  // The stage is an option of the validator, not part of the order: it is not written into the JSON.
  for (const input of stageRadios.querySelectorAll('input')) {
    input.removeAttribute('data-path');
    input.setAttribute('data-stage', 'true');
    input.checked = input.value === stage;
  }
  stageRadios.querySelector('.govuk-radios')?.classList.remove('govuk-radios--inline');
  const offences = (Array.isArray(model.offences) ? model.offences : []).map((_, i, all) =>
    section(offenceSection(i), model, registry, ...(all.length > 1 ? [button(`Remove offence ${i + 1}`, { 'data-action': 'remove', 'data-path': pointerOf('offences', i) })] : [])),
  );
  const requirements = (Array.isArray(model.requirements) ? model.requirements : []).map((req, i) => {
    const kind = req && typeof req === 'object' && !Array.isArray(req) ? req.kind : undefined;
    const kindField: FieldSpec = { type: 'select', path: pointerOf('requirements', i, 'kind'), label: 'Kind of requirement', empty: 'Select a kind', options: KINDS };
    const legend = `Requirement ${i + 1}${typeof kind === 'string' ? `: ${KINDS.find((k) => k.value === kind)?.text ?? words(kind)}` : ''}`;
    const body = section({ id: `requirement-${i}`, legend, fields: [kindField, ...requirementFields(i, kind)] }, model, registry, button(`Remove requirement ${i + 1}`, { 'data-action': 'remove', 'data-path': pointerOf('requirements', i) }, 'govuk-button--warning'));
    return el('article', { class: 'moj-ticket-panel app-requirement', 'data-kind': String(kind ?? ''), 'aria-label': legend }, el('section', { class: 'moj-ticket-panel__content' }, body));
  });
  const addKind = el('select', { class: 'govuk-select', id: 'add-kind', name: 'add-kind', 'aria-describedby': 'add-kind-hint add-kind-envelope' }, ...KINDS.map((k) => el('option', { value: k.value }, k.text)));
  const adder = el(
    'div',
    { class: 'govuk-form-group app-adder' },
    el('label', { class: 'govuk-label', for: 'add-kind' }, 'Kind of requirement to add'),
    el('div', { class: 'govuk-hint', id: 'add-kind-hint' }, 'Each requirement is added with the fields its kind has.'),
    el('div', { class: 'govuk-hint app-envelope', id: 'add-kind-envelope' }),
    addKind,
    ' ',
    button('Add requirement', { 'data-action': 'add-requirement', id: 'add-requirement' }),
  );
  const requirementsSection = el(
    'fieldset',
    { class: 'govuk-fieldset app-section', id: 'section-requirements' },
    el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, el('h2', { class: 'govuk-fieldset__heading' }, 'Requirements')),
    requirements.length ? el('div', {}, ...requirements) : el('p', { class: 'govuk-body', id: 'no-requirements' }, 'No requirements yet.'),
    adder,
  );
  return [
    stageRadios,
    ...caseSections().map((s) => section(s, model, registry)),
    el('div', { class: 'app-offences' }, ...offences),
    button('Add another offence', { 'data-action': 'add-offence', id: 'add-offence' }),
    section(courtSection(), model, registry),
    section(sentenceSection(getAt(model, '/sentence/type')), model, registry),
    requirementsSection,
    section(provisionSection(), model, registry),
    el('div', { class: 'govuk-button-group' }, el('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'check' }, 'Check the order')),
  ];
}

/** The value a field holds now, as it goes into the order (`undefined`: leave the key out). */
export function readField(target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, form: HTMLElement): { path: string; value: Json | undefined } | undefined {
  const path = target.dataset.path;
  const type = target.dataset.type;
  if (!path || !type) return undefined;
  const raw = target.value;
  switch (type) {
    case 'text':
      return { path, value: raw.trim() === '' ? undefined : raw };
    case 'number':
      // Not a number stays text, for the schema to refuse by the field's name.
      return { path, value: raw.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : raw };
    case 'select':
      return { path, value: raw === '' ? undefined : target.dataset.numeric ? Number(raw) : raw };
    case 'radios':
      return { path, value: raw === '' ? undefined : raw === 'true' ? true : raw === 'false' ? false : raw };
    case 'lines': {
      const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
      return { path, value: lines.length ? lines : undefined };
    }
    case 'checkboxes': {
      const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][data-path="${CSS.escape(path)}"]`)];
      if (boxes.some((b) => b.checked && b.dataset.behaviour === 'exclusive')) return { path, value: [] };
      const chosen = boxes.filter((b) => b.checked && b.dataset.behaviour !== 'exclusive').map((b) => b.value);
      return { path, value: chosen.length ? chosen : undefined };
    }
    case 'date': {
      const part = (name: string) => form.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(path)}"][data-part=${name}]`)?.value ?? '';
      return { path, value: isoDate(part('day'), part('month'), part('year')) };
    }
    default:
      return undefined;
  }
}
