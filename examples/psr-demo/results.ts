/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The result in the Design System's own patterns: a verdict panel, an error summary linking each
// problem to its field, and each finding with its kind as a tag, citations, confidence, remedies
// and (when opened) the explanation in plain words.
import type { Finding, InputIssue, Remedy, ValidationResult } from '../../src/index.js';
import { provisionNeedLine } from '../../src/cli/provision-need.js';
import { el, plural, words } from './dom.js';
import { kindName } from './fields.js';
import type { FieldHandle } from './form.js';

export type Verdict = 'lawful' | 'unlawful' | 'incomplete';

const TAGS: Readonly<Record<Finding['kind'], { text: string; colour: string }>> = {
  invalid: { text: 'Invalid', colour: 'govuk-tag--red' },
  breach: { text: 'Breach', colour: 'govuk-tag--pink' },
  tension: { text: 'Tension', colour: 'govuk-tag--yellow' },
  advisory: { text: 'Advisory', colour: 'govuk-tag--blue' },
};

/** Every finding once, in the result's order: requirements' own findings first, then the order's. */
export function allFindings(r: ValidationResult): Finding[] {
  return [...new Set([...r.requirements.flatMap((q) => q.findings), ...r.breaches, ...r.tensions, ...r.advisories])];
}
export const findingKey = (f: Pick<Finding, 'code' | 'requirementIndex'>): string => `${f.code}@${f.requirementIndex ?? 'order'}`;
const findingId = (f: Finding): string => `finding-${f.code}-${f.requirementIndex ?? 'order'}`;

export function verdictOf(r: ValidationResult | undefined): Verdict {
  return !r ? 'incomplete' : r.ok ? 'lawful' : 'unlawful';
}

export function verdictPanel(r: ValidationResult | undefined, missing: number): { panel: HTMLElement; said: string } {
  let title: string;
  let body: string;
  if (!r) {
    title = 'Not checked yet';
    body = missing ? `${plural(missing, 'answer', 'answers')} needed before the order can be checked` : 'Correct the answers marked before the order can be checked';
  } else if (r.ok) {
    title = 'Lawful as proposed';
    body = `${plural(r.tensions.length, 'tension', 'tensions')} and ${plural(r.advisories.length, 'advisory', 'advisories')} to weigh`;
  } else {
    const invalid = r.requirements.filter((q) => !q.valid).length;
    title = 'Not lawful as proposed';
    body = [r.breaches.length ? plural(r.breaches.length, 'breach', 'breaches') : '', invalid ? plural(invalid, 'invalid requirement', 'invalid requirements') : ''].filter(Boolean).join(' and ');
  }
  const verdict = verdictOf(r);
  const modifier = verdict === 'lawful' ? 'govuk-panel--confirmation' : `app-panel--${verdict}`;
  const law = r ? el('p', { class: 'govuk-body app-panel__law' }, `Law in force: ${r.regime.title}, decided by the ${r.regime.decidedBy.replace('Date', ' date')} ${r.regime.date}`) : undefined;
  const panel = el('div', { class: `govuk-panel ${modifier} app-verdict`, id: 'verdict', 'data-verdict': verdict, tabindex: '-1' }, el('h2', { class: 'govuk-panel__title' }, title), el('div', { class: 'govuk-panel__body' }, body), law);
  return { panel, said: `${title}: ${body}` };
}

export interface Problem {
  readonly text: string;
  readonly field?: FieldHandle;
}

/** The GOV.UK error summary; `alert` only when the officer asked for the check, so typing is not interrupted. */
export function errorSummary(problems: readonly Problem[], alert: boolean): HTMLElement | undefined {
  if (!problems.length) return undefined;
  const items = problems.map((p) => el('li', {}, p.field ? el('a', { href: `#${p.field.focusId}` }, p.text) : p.text));
  const inner = el('div', alert ? { role: 'alert' } : {}, el('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'), el('div', { class: 'govuk-error-summary__body' }, el('ul', { class: 'govuk-list govuk-error-summary__list' }, ...items)));
  return el('div', { class: 'govuk-error-summary', id: 'error-summary', 'data-module': 'govuk-error-summary', tabindex: '-1' }, inner);
}

const where = (f: Finding, r: ValidationResult): string => (f.requirementIndex === undefined ? 'the order' : `requirement ${f.requirementIndex + 1} (${kindName(r.requirements[f.requirementIndex]?.kind ?? '')})`);

/** A line for the error summary: what is wrong, and where. */
export const problemText = (f: Finding, r: ValidationResult): string => (f.requirementIndex === undefined ? f.message : `Requirement ${f.requirementIndex + 1}: ${f.message}`);

function citations(f: Finding): HTMLElement {
  return el(
    'ul',
    { class: 'govuk-list govuk-list--bullet app-citations' },
    ...f.citations.map((c) => {
      const text = `${c.source}, ${c.provision}`;
      return el('li', {}, c.url ? el('a', { class: 'govuk-link', href: c.url, rel: 'noreferrer noopener', target: '_blank' }, text, el('span', { class: 'govuk-visually-hidden' }, ' (opens in new tab)')) : text);
    }),
  );
}

function remedyBlock(f: Finding, remedies: readonly Remedy[], id: string): HTMLElement | undefined {
  if (!remedies.length) return undefined;
  const items = remedies.map((remedy, n) => {
    const descId = `${id}-remedy-${n + 1}`;
    const desc = el('p', { class: 'govuk-body-s app-remedy__text', id: descId }, remedy.description);
    const action = remedy.patch
      ? el('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-remedy__apply', 'data-module': 'govuk-button', 'data-remedy': `${findingKey(f)}#${n}`, 'aria-describedby': descId }, 'Apply this change', el('span', { class: 'govuk-visually-hidden' }, ` (${n + 1} for ${f.code})`))
      : el('p', { class: 'govuk-body-s app-remedy__none' }, 'No change to the order cures this; it needs what is described above.');
    return el('li', { class: 'app-remedy' }, desc, action);
  });
  return el('div', { class: 'app-remedies' }, el('h4', { class: 'govuk-heading-s' }, 'What would make it lawful'), el('ul', { class: 'govuk-list' }, ...items));
}

function findingCard(f: Finding, r: ValidationResult, field: FieldHandle | undefined): HTMLElement {
  const id = findingId(f);
  const tag = TAGS[f.kind];
  const need = provisionNeedLine(f);
  const concern = field
    ? el('p', { class: 'govuk-body-s' }, 'Concerns ', el('a', { class: 'govuk-link app-jump', href: `#${field.focusId}` }, `${where(f, r)}: ${field.spec.label.replace(/ \(optional.*\)$/, '').toLowerCase()}`))
    : el('p', { class: 'govuk-body-s' }, `Concerns ${where(f, r)}`);
  return el(
    'div',
    { class: 'app-finding', id, 'data-code': f.code, 'data-kind': f.kind, 'data-requirement': f.requirementIndex === undefined ? 'order' : String(f.requirementIndex) },
    el('h3', { class: 'govuk-heading-s app-finding__title' }, el('strong', { class: `govuk-tag ${tag.colour}` }, tag.text), ' ', el('span', { class: 'app-code' }, f.code)),
    el('p', { class: 'govuk-body app-finding__message' }, f.message),
    need ? el('p', { class: 'govuk-body-s app-finding__need' }, need) : undefined,
    concern,
    el('h4', { class: 'govuk-heading-s app-finding__subhead' }, 'Law and standards'),
    citations(f),
    el('p', { class: 'govuk-body-s app-confidence' }, 'Confidence: ', el('strong', { class: `govuk-tag ${f.confidence === 'verified' ? 'govuk-tag--green' : 'govuk-tag--grey'}` }, f.confidence)),
    remedyBlock(f, f.remedies ?? [], id),
    el(
      'details',
      { class: 'govuk-details app-explain', 'data-explain': findingKey(f) },
      el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, `Why ${f.code} was found`)),
      el('div', { class: 'govuk-details__text' }, 'Working it out...'),
    ),
  );
}

const GROUPS: readonly [Finding['kind'], string][] = [
  ['invalid', 'Invalid requirements'],
  ['breach', 'Breaches'],
  ['tension', 'Tensions'],
  ['advisory', 'Advisories'],
];

export function findingsList(r: ValidationResult, fieldOf: (f: Finding) => FieldHandle | undefined): HTMLElement {
  const findings = allFindings(r);
  const sections = GROUPS.map(([kind, title]) => {
    const own = findings.filter((f) => f.kind === kind);
    return el('section', { class: 'app-findings-group', id: `findings-${kind}`, 'aria-labelledby': `findings-${kind}-title` }, el('h2', { class: 'govuk-heading-m', id: `findings-${kind}-title` }, `${title} (${own.length})`), ...(own.length ? own.map((f) => findingCard(f, r, fieldOf(f))) : [el('p', { class: 'govuk-body' }, 'None.')]));
  });
  const reqs = el(
    'ul',
    { class: 'govuk-list app-requirement-list' },
    ...r.requirements.map((q) => el('li', { 'data-kind': q.kind, 'data-valid': String(q.valid) }, `Requirement ${q.index + 1}, ${kindName(q.kind)}: `, el('strong', { class: `govuk-tag ${q.valid ? 'govuk-tag--green' : 'govuk-tag--red'}` }, q.valid ? 'valid' : 'invalid'))),
  );
  return el('div', {}, r.requirements.length ? reqs : undefined, ...sections);
}

/** The explanation, as the library words it (src/engine/trace-words.ts), laid out as a list of its reasons. */
export function explanationBlock(sentence: string | undefined): Node[] {
  if (!sentence) return [el('p', { class: 'govuk-body-s' }, 'No rule trace is recorded for this finding.')];
  const at = sentence.indexOf(': ');
  const head = at < 0 ? sentence : sentence.slice(0, at);
  const reasons = at < 0 ? [] : sentence.slice(at + 2).split('; and ');
  return [el('p', { class: 'govuk-body-s' }, `The rule ${head}, because:`), el('ul', { class: 'govuk-list govuk-list--bullet govuk-body-s' }, ...reasons.map((x) => el('li', {}, x)))];
}

/** An input issue as an officer reads it, using the field's own label. */
export function issueText(issue: InputIssue, field: FieldHandle | undefined, absent: boolean): string {
  const label = field?.spec.label.replace(/ \(optional.*\)$/, '') ?? (issue.path.length ? issue.path.join('.') : 'The order');
  const lower = label[0]!.toLowerCase() + label.slice(1);
  if (absent && field && field.spec.path === issue.path.map((t) => `/${String(t)}`).join('')) {
    const verb = field.spec.type === 'select' || field.spec.type === 'radios' ? 'Select' : 'Enter';
    return `${verb} ${field.spec.type === 'radios' ? `whether: ${lower}` : lower}`;
  }
  if (field?.spec.type === 'date' && /real calendar date/.test(issue.message)) return `${label} must be a real date`;
  if (field?.spec.type === 'number' && /expected number/i.test(issue.message)) return `${label} must be a number`;
  return `${label}: ${issue.message}`;
}

export { words };
