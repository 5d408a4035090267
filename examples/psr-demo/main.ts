/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The PSR page: an officer fills in the case and the proposed order in a GOV.UK Design System form,
// and the library (bundled in; nothing leaves the page) judges it as they type. Built by build.mjs.
import { ErrorSummary, initAll, NotificationBanner } from 'govuk-frontend';
import { applyPatch, createValidator, explainFindings, InvalidOrderError, type Envelope, type Finding, type InputIssue, type ValidationResult, type Validator } from '../../src/index.js';
import { byId, el } from './dom.js';
import { describe, renderForm, readField, type FieldHandle } from './form.js';
import { identityText, showEnvelope } from './hints.js';
import { fieldOfFinding, fieldOfPath } from './locate.js';
import { clone, getAt, setAt, tokensOf, type Json, type JsonObject } from './model.js';
import { allFindings, errorSummary, explanationBlock, findingKey, findingsList, issueText, problemText, verdictPanel, type Problem } from './results.js';
import atrNoQualifiedProvider from '../atr-no-qualified-provider.json' with { type: 'json' };
import dttoAfterApril2005 from '../dtto-after-april-2005.json' with { type: 'json' };
import fullOrder from '../full-order.json' with { type: 'json' };
import lawfulMediumDrr from '../lawful-medium-drr.json' with { type: 'json' };
import minorOffenceExtensiveNeed from '../minor-offence-extensive-need.json' with { type: 'json' };
import orderInProgress from '../order-in-progress.json' with { type: 'json' };
import overLongOrder from '../over-long-order.json' with { type: 'json' };
import provisionGaps from '../provision-gaps.json' with { type: 'json' };
import sentencingCode2023 from '../sentencing-code-2023.json' with { type: 'json' };
import standaloneDrr from '../standalone-drr.json' with { type: 'json' };
import suspendedSentenceOrder from '../suspended-sentence-order.json' with { type: 'json' };

const EXAMPLES: Readonly<Record<string, unknown>> = {
  'Lawful medium intensity DRR': lawfulMediumDrr,
  'Minor offence, extensive need': minorOffenceExtensiveNeed,
  'Provision gaps in the area': provisionGaps,
  'Order too long': overLongOrder,
  'Stand-alone DRR': standaloneDrr,
  'DTTO after April 2005': dttoAfterApril2005,
  'ATR with no qualified provider': atrNoQualifiedProvider,
  'Suspended sentence order': suspendedSentenceOrder,
  'Sentencing Code, 2023': sentencingCode2023,
  'Full order': fullOrder,
  'Order in progress (with events)': orderInProgress,
};

performance.mark('psr:modules-evaluated');
type Stage = 'proposal' | 'sentence';
const validators = new Map<Stage, Validator>();
const validatorFor = (stage: Stage): Validator => {
  let v = validators.get(stage);
  if (!v) validators.set(stage, (v = createValidator({ stage })));
  return v;
};

const emptyOrder = (): JsonObject => ({ offender: {}, offences: [{}], sentence: {}, requirements: [] });

const form = byId<HTMLFormElement>('order-form');
const summarySlot = byId<HTMLElement>('error-summary-slot');
const bannerSlot = byId<HTMLElement>('banner-slot');
const verdictSlot = byId<HTMLElement>('verdict-slot');
const findingsSlot = byId<HTMLElement>('findings');
const status = byId<HTMLElement>('status');
const jsonText = byId<HTMLTextAreaElement>('order-json');
const jsonError = byId<HTMLElement>('order-json-error');
const exampleSelect = byId<HTMLSelectElement>('example');

const state = {
  model: emptyOrder(),
  stage: 'proposal' as Stage,
  /** Fields the officer has left: their input issues show. After "Check the order" every issue shows. */
  touched: new Set<string>(),
  showAll: false,
  registry: new Map<string, FieldHandle>(),
  result: undefined as ValidationResult | undefined,
  /** Bumped on every change: an explanation computed for an older order is not shown for this one. */
  version: 0,
  explained: undefined as { version: number; lines: Map<string, string> } | undefined,
  envelope: undefined as { key: string; value: Envelope | undefined } | undefined,
  shown: { findings: '', summary: '', said: '' },
};

/** Timings the browser test reads: page ready, and each input to its result on screen. */
const timings = { readyMs: 0, inputs: [] as number[] };
(window as unknown as { __psr: unknown }).__psr = timings;

function envelopeFor(model: JsonObject): Envelope | undefined {
  // The envelope is the case's, not the requirements': a half-typed requirement does not take the hints away.
  const caseOnly = { ...model, requirements: [] };
  const key = `${state.stage}|${JSON.stringify(caseOnly)}`;
  if (state.envelope?.key === key) return state.envelope.value;
  let value: Envelope | undefined;
  try {
    value = validatorFor(state.stage).options(caseOnly);
  } catch (error) {
    if (!(error instanceof InvalidOrderError)) throw error;
  }
  state.envelope = { key, value };
  return value;
}

function setFieldError(handle: FieldHandle, texts: readonly string[]): void {
  const had = !handle.error.hidden;
  handle.group.classList.toggle('govuk-form-group--error', texts.length > 0);
  for (const input of handle.group.querySelectorAll<HTMLElement>('.govuk-input, .govuk-select, .govuk-textarea')) {
    input.classList.toggle(input.classList.contains('govuk-select') ? 'govuk-select--error' : input.classList.contains('govuk-textarea') ? 'govuk-textarea--error' : 'govuk-input--error', texts.length > 0);
  }
  if (!texts.length) {
    if (had) {
      handle.error.hidden = true;
      handle.error.replaceChildren();
      describe(handle);
    }
    return;
  }
  handle.error.replaceChildren(el('span', { class: 'govuk-visually-hidden' }, 'Error: '), texts.join(' '));
  handle.error.hidden = false;
  describe(handle);
}

const isTouched = (path: string): boolean => {
  if (state.showAll) return true;
  for (const t of state.touched) if (t === path || t.startsWith(`${path}/`) || path.startsWith(`${t}/`)) return true;
  return false;
};

/** Validates the model and shows the result: the page's one place where the library is called on input. */
function check(focusSummary = false): void {
  const validator = validatorFor(state.stage);
  let result: ValidationResult | undefined;
  let issues: readonly InputIssue[] = [];
  try {
    result = validator.validateSync(state.model, { remedies: true });
  } catch (error) {
    if (!(error instanceof InvalidOrderError)) throw error;
    issues = error.issues;
  }
  state.result = result;
  state.version++;

  const fieldErrors = new Map<FieldHandle, string[]>();
  const problems: Problem[] = [];
  let missing = 0;
  for (const issue of issues) {
    const field = fieldOfPath(issue.path, state.registry);
    const absent = getAt(state.model as Json, issue.path.map((t) => `/${String(t)}`).join('')) === undefined;
    if (absent) missing++;
    if (!isTouched(field?.spec.path ?? issue.path.map((t) => `/${String(t)}`).join(''))) continue;
    const text = issueText(issue, field, absent);
    problems.push({ text, ...(field ? { field } : {}) });
    if (field) fieldErrors.set(field, [...(fieldErrors.get(field) ?? []), text]);
  }
  const fieldOf = (f: Finding) => fieldOfFinding(f, state.registry);
  if (result) {
    for (const f of allFindings(result)) {
      if (f.kind !== 'invalid' && f.kind !== 'breach') continue;
      const field = fieldOf(f);
      const text = problemText(f, result);
      problems.push({ text, ...(field ? { field } : {}) });
      if (field) fieldErrors.set(field, [...(fieldErrors.get(field) ?? []), f.message]);
    }
  }
  for (const handle of state.registry.values()) setFieldError(handle, fieldErrors.get(handle) ?? []);

  const summaryKey = JSON.stringify(problems.map((p) => [p.text, p.field?.focusId]));
  if (summaryKey !== state.shown.summary || focusSummary) {
    state.shown.summary = summaryKey;
    const summary = errorSummary(problems, focusSummary);
    summarySlot.replaceChildren(...(summary ? [summary] : []));
    if (summary) new ErrorSummary(summary, { disableAutoFocus: !focusSummary });
  }

  const { panel, said } = verdictPanel(result, missing);
  verdictSlot.replaceChildren(panel);
  if (said !== state.shown.said) {
    state.shown.said = said;
    status.textContent = said;
  }
  // Re-drawn only when the findings change, so an opened explanation stays open while the officer types.
  const findingsKey = result ? JSON.stringify([allFindings(result).map((f) => [f.code, f.requirementIndex, f.message, f.remedies, fieldOf(f)?.focusId]), result.requirements.map((q) => q.valid)]) : 'none';
  if (findingsKey !== state.shown.findings) {
    state.shown.findings = findingsKey;
    findingsSlot.replaceChildren(result ? findingsList(result, fieldOf) : el('p', { class: 'govuk-body' }, 'The findings appear here once the case and the order are complete.'));
  }
  const envelope = envelopeFor(state.model);
  showEnvelope(envelope, state.model, state.registry, byId('add-kind-envelope'));
  byId('identity-text').textContent = identityText(state.model, envelope);
  if (document.activeElement !== jsonText) {
    jsonText.value = JSON.stringify(state.model, null, 2);
    jsonError.hidden = true;
  }
}

/** Draws the form for the model as it is now; focus returns to the element with `focusId` (or the one that had it). */
function redraw(focusId?: string): void {
  const keep = focusId ?? (document.activeElement && form.contains(document.activeElement) ? document.activeElement.id : undefined);
  state.shown.findings = '';
  form.replaceChildren(...renderForm(state.model, state.stage, state.registry));
  initAll({ scope: form });
  check();
  if (keep) document.getElementById(keep)?.focus();
}

function banner(text: string): void {
  const node = el(
    'div',
    { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', 'aria-labelledby': 'banner-title', 'data-module': 'govuk-notification-banner', tabindex: '-1', id: 'change-banner' },
    el('div', { class: 'govuk-notification-banner__header' }, el('h2', { class: 'govuk-notification-banner__title', id: 'banner-title' }, 'Success')),
    el('div', { class: 'govuk-notification-banner__content' }, el('p', { class: 'govuk-notification-banner__heading' }, text)),
  );
  bannerSlot.replaceChildren(node);
  new NotificationBanner(node);
  node.focus();
}

function onFieldChange(event: Event): void {
  const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (target.dataset.stage) {
    state.stage = target.value as Stage;
    check();
    return;
  }
  const read = readField(target, form);
  if (!read) return;
  const started = event.timeStamp;
  const tokens = tokensOf(read.path);
  // A new kind of requirement has different fields: it starts afresh, and the form is redrawn for it.
  if (tokens[0] === 'requirements' && tokens.length === 3 && tokens[2] === 'kind') {
    (state.model.requirements as Json[])[Number(tokens[1])] = read.value === undefined ? {} : { kind: read.value };
    redraw(target.id);
    return;
  }
  setAt(state.model, read.path, read.value);
  if (read.path === '/sentence/type') {
    // Fields that belong to another type of sentence go with it (the schema refuses them).
    const sentence = state.model.sentence as JsonObject;
    if (read.value !== 'community-order') for (const k of ['fine', 'punitiveExceptionReason']) delete sentence[k];
    if (read.value !== 'suspended-sentence-order') for (const k of ['custodialTermWeeks', 'operationalPeriodMonths', 'supervisionPeriodMonths']) delete sentence[k];
    redraw(target.id);
    return;
  }
  if (event.type === 'change') state.touched.add(read.path);
  check();
  timings.inputs.push(performance.now() - started);
}

// Typed text speaks on 'input' (results follow each keystroke); radios, checkboxes and selects on 'change'.
const typed = (t: HTMLElement): boolean => t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && (t as HTMLInputElement).type === 'text');
form.addEventListener('input', (event) => {
  if (typed(event.target as HTMLElement)) onFieldChange(event);
});
form.addEventListener('change', (event) => {
  if (!typed(event.target as HTMLElement)) onFieldChange(event);
});
// A field's input issue shows once the officer leaves it (a date: once they leave all three parts).
form.addEventListener('focusout', (event) => {
  const target = event.target as HTMLElement;
  const path = target.dataset.path;
  if (!path) return;
  const handle = state.registry.get(path);
  const next = (event as FocusEvent).relatedTarget as Node | null;
  if (handle && next && handle.group.contains(next)) return;
  if (!state.touched.has(path)) {
    state.touched.add(path);
    check();
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.showAll = true;
  check(true);
  if (!summarySlot.firstElementChild) byId('verdict').focus();
});
form.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  for (const list of ['offences', 'requirements']) if (!Array.isArray(state.model[list])) state.model[list] = [];
  if (action === 'add-offence') {
    (state.model.offences as Json[]).push({});
    redraw(`f-offences-${(state.model.offences as Json[]).length - 1}-description`);
  } else if (action === 'add-requirement') {
    const kind = (byId<HTMLSelectElement>('add-kind')).value;
    (state.model.requirements as Json[]).push({ kind });
    redraw(`f-requirements-${(state.model.requirements as Json[]).length - 1}-kind`);
  } else if (action === 'remove' && button.dataset.path) {
    const [list, index] = tokensOf(button.dataset.path);
    (state.model[list!] as Json[]).splice(Number(index), 1);
    for (const t of [...state.touched]) if (t.startsWith(`/${list}/`)) state.touched.delete(t);
    redraw(list === 'offences' ? 'add-offence' : 'add-requirement');
  }
});

// Remedies: one click applies the verified JSON Patch to the order, and the form shows the change.
findingsSlot.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-remedy]');
  if (!button || !state.result) return;
  const [key, n] = button.dataset.remedy!.split('#');
  const finding = allFindings(state.result).find((f) => findingKey(f) === key);
  const remedy = finding?.remedies?.[Number(n)];
  if (!remedy?.patch) return;
  state.model = applyPatch<JsonObject>(state.model, remedy.patch);
  redraw();
  banner(`Change applied: ${remedy.description}`);
});

// The explanation is worked out when a finding is opened (a trace costs more than a check).
findingsSlot.addEventListener(
  'toggle',
  (event) => {
    const details = event.target as HTMLDetailsElement;
    if (!details.open || !details.dataset.explain) return;
    if (state.explained?.version !== state.version) {
      const traced = validatorFor(state.stage).validateSync(state.model, { explain: true });
      state.explained = { version: state.version, lines: new Map(explainFindings(traced).map((e) => [findingKey(e), e.explanation])) };
    }
    details.querySelector('.govuk-details__text')!.replaceChildren(...explanationBlock(state.explained.lines.get(details.dataset.explain)));
  },
  true,
);

exampleSelect.append(...Object.keys(EXAMPLES).map((name) => el('option', { value: name }, name)));
byId('load-example').addEventListener('click', () => {
  state.model = clone(EXAMPLES[exampleSelect.value] as JsonObject);
  state.touched.clear();
  state.showAll = true;
  redraw('load-example');
  status.textContent = `${exampleSelect.value} loaded. ${state.shown.said}`;
});
byId('clear-form').addEventListener('click', () => {
  state.model = emptyOrder();
  state.touched.clear();
  state.showAll = false;
  bannerSlot.replaceChildren();
  redraw('clear-form');
});
jsonText.addEventListener('input', () => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText.value);
  } catch (error) {
    jsonError.replaceChildren(el('span', { class: 'govuk-visually-hidden' }, 'Error: '), `The JSON is not valid: ${(error as Error).message}`);
    jsonError.hidden = false;
    return;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    jsonError.replaceChildren(el('span', { class: 'govuk-visually-hidden' }, 'Error: '), 'The order must be a JSON object');
    jsonError.hidden = false;
    return;
  }
  jsonError.hidden = true;
  state.model = parsed as JsonObject;
  state.showAll = true;
  redraw();
});

initAll({ scope: document.querySelector('header') ?? undefined });
validatorFor('proposal');
performance.mark('psr:validator-created');
redraw();
timings.readyMs = performance.now();
document.body.dataset.ready = 'true';
