/// <reference lib="dom" />
// The PSR demo page: an officer edits a proposed order and sees the library's findings update.
// Built for the browser by build.mjs (the library and its rule packs bundled in), no server needed.
import { InvalidOrderError, createValidator, type Finding, type ValidationResult } from '../../src/index.js';
import { provisionNeedLine } from '../../src/cli/provision-need.js';
import lawfulMediumDrr from '../lawful-medium-drr.json' with { type: 'json' };
import minorOffenceExtensiveNeed from '../minor-offence-extensive-need.json' with { type: 'json' };
import provisionGaps from '../provision-gaps.json' with { type: 'json' };
import overLongOrder from '../over-long-order.json' with { type: 'json' };
import standaloneDrr from '../standalone-drr.json' with { type: 'json' };

const EXAMPLES: Record<string, unknown> = {
  'Lawful medium intensity DRR': lawfulMediumDrr,
  'Minor offence, extensive need': minorOffenceExtensiveNeed,
  'Provision gaps in the area': provisionGaps,
  'Order too long': overLongOrder,
  'Stand-alone DRR': standaloneDrr,
};

const validator = createValidator();

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}`);
  return el as T;
};
const orderText = byId<HTMLTextAreaElement>('order');
const result = byId<HTMLElement>('result');
const example = byId<HTMLSelectElement>('example');
const quick = {
  seriousness: byId<HTMLSelectElement>('seriousness'),
  intensity: byId<HTMLSelectElement>('intensity'),
  months: byId<HTMLInputElement>('drr-months'),
  willing: byId<HTMLInputElement>('willing'),
};

/** Build an element with text content only: order text is never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function findingItem(f: Finding): HTMLLIElement {
  const li = el('li', { class: 'finding', 'data-code': f.code, 'data-kind': f.kind }, el('span', { class: `kind kind-${f.kind}` }, f.kind), el('span', { class: 'code' }, f.code), el('div', {}, f.message));
  const need = provisionNeedLine(f);
  if (need) li.append(el('div', { class: 'need' }, need));
  for (const c of f.citations) {
    const text = `${c.source}, ${c.provision}`;
    li.append(el('div', { class: 'cite' }, 'Cites: ', c.url ? el('a', { href: c.url, target: '_blank', rel: 'noopener noreferrer' }, text) : text));
  }
  if (f.confidence !== 'verified') li.append(el('div', { class: 'confidence' }, `Confidence: ${f.confidence}`));
  return li;
}

function kindSection(title: string, id: string, findings: readonly Finding[]): HTMLElement {
  const section = el('section', { id }, el('h2', {}, `${title} (${findings.length})`));
  if (!findings.length) section.append(el('p', {}, 'None.'));
  else section.append(el('ul', {}, ...findings.map((f) => (f.requirementIndex === undefined ? findingItem(f) : el('li', { 'data-code': f.code }, `${f.code}: see requirement ${f.requirementIndex + 1} above`)))));
  return section;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function renderResult(r: ValidationResult): void {
  const weigh = `${plural(r.tensions.length, 'tension', 'tensions')}, ${plural(r.advisories.length, 'advisory', 'advisories')}`;
  const invalid = r.requirements.filter((q) => !q.valid).length;
  const problems = [r.breaches.length ? plural(r.breaches.length, 'breach', 'breaches') : '', invalid ? plural(invalid, 'invalid requirement', 'invalid requirements') : ''].filter(Boolean).join(', ');
  const verdict = el('div', { id: 'verdict', 'data-ok': String(r.ok) }, r.ok ? `OK: lawful as proposed (${weigh} to weigh)` : `NOT OK: ${problems}`);
  const law = el('p', { id: 'regime' }, `Law: ${r.regime.title} (decided by the ${r.regime.decidedBy.replace('Date', ' date')} ${r.regime.date})`);
  const reqs = el('section', { id: 'requirements' }, el('h2', {}, `Requirements (${r.requirements.length})`));
  reqs.append(
    el(
      'ol',
      {},
      ...r.requirements.map((q) =>
        el(
          'li',
          { class: 'requirement', 'data-kind': q.kind, 'data-valid': String(q.valid) },
          el('strong', {}, q.kind),
          ' ',
          el('span', { class: q.valid ? 'valid-req' : 'invalid-req' }, q.valid ? 'valid' : 'INVALID'),
          ...(q.findings.length ? [el('ul', {}, ...q.findings.map(findingItem))] : []),
        ),
      ),
    ),
  );
  result.replaceChildren(verdict, law, reqs, kindSection('Breaches', 'breaches', r.breaches), kindSection('Tensions', 'tensions', r.tensions), kindSection('Advisories', 'advisories', r.advisories));
}

function renderProblem(title: string, lines: readonly string[]): void {
  result.replaceChildren(el('div', { id: 'verdict', 'data-ok': 'input' }, title), el('ul', { id: 'issues' }, ...lines.map((l) => el('li', {}, l))));
}

type Draft = { offences?: { seriousness?: string }[]; requirements?: { kind?: string; intensity?: string; months?: number; offenderWilling?: boolean }[] };
const firstDrr = (o: Draft) => o.requirements?.find((q) => q?.kind === 'drug-rehabilitation');

/** Show the quick fields for what the order says, and disable those that have nothing to edit. */
function syncQuick(order: Draft | undefined): void {
  const offence = order?.offences?.[0];
  const drr = order ? firstDrr(order) : undefined;
  quick.seriousness.disabled = !offence;
  if (offence?.seriousness) quick.seriousness.value = offence.seriousness;
  for (const input of [quick.intensity, quick.months, quick.willing]) input.disabled = !drr;
  if (drr) {
    if (drr.intensity) quick.intensity.value = drr.intensity;
    quick.months.value = String(drr.months ?? '');
    quick.willing.checked = drr.offenderWilling === true;
  }
}

function check(): void {
  let order: unknown;
  try {
    order = JSON.parse(orderText.value);
  } catch (error) {
    syncQuick(undefined);
    renderProblem('The order is not valid JSON', [(error as Error).message]);
    return;
  }
  syncQuick(order !== null && typeof order === 'object' ? (order as Draft) : undefined);
  try {
    renderResult(validator.validateSync(order));
  } catch (error) {
    if (!(error instanceof InvalidOrderError)) throw error;
    renderProblem('The order is not complete or well formed', error.issues.map((i) => `${i.path.join('.') || '(order)'}: ${i.message}`));
  }
}

function applyQuick(): void {
  let order: Draft;
  try {
    order = JSON.parse(orderText.value) as Draft;
  } catch {
    return;
  }
  const offence = order.offences?.[0];
  if (offence) offence.seriousness = quick.seriousness.value;
  const drr = firstDrr(order);
  if (drr) {
    drr.intensity = quick.intensity.value;
    if (quick.months.value !== '') drr.months = Number(quick.months.value);
    drr.offenderWilling = quick.willing.checked;
  }
  orderText.value = JSON.stringify(order, null, 2);
  check();
}

function load(name: string): void {
  orderText.value = JSON.stringify(EXAMPLES[name], null, 2);
  check();
}

example.append(...Object.keys(EXAMPLES).map((name) => el('option', { value: name }, name)));
example.addEventListener('change', () => load(example.value));
orderText.addEventListener('input', check);
for (const input of Object.values(quick)) input.addEventListener('change', applyQuick);
load(Object.keys(EXAMPLES)[0]!);
