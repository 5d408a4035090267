// The mutants of the law, generated from the packs, the parameters and the regimes themselves, so a new
// rule, value or date is mutated the day it is added. Each mutant changes one thing in one file under
// rules/ (or one line of a calendar or fact helper under src/) and says what it changed.
import { shiftDay } from './dates.mjs';
import { HELPER_BREAKS } from './helpers.mjs';

const TWIN = {
  lessThan: 'lessThanInclusive',
  lessThanInclusive: 'lessThan',
  greaterThan: 'greaterThanInclusive',
  greaterThanInclusive: 'greaterThan',
};
const KINDS = ['invalid', 'breach', 'tension', 'advisory'];
/** The date every series and the oldest regime start from: "before any of this law". Moving it changes nothing a case can reach. */
const SENTINEL = '1990-01-01';

const show = (v) => JSON.stringify(v);
const clone = (v) => structuredClone(v);

/** A JSON mutant: `change` edits a deep copy of the file's data. */
function jsonMutant(file, what, change) {
  return {
    id: `${file} ${what}`,
    file,
    what,
    apply(text) {
      const data = clone(JSON.parse(text));
      change(data);
      return `${JSON.stringify(data, null, 2)}\n`;
    },
  };
}

const at = (data, path) => path.reduce((node, key) => node[key], data);

/** Every condition of a rule with its path from the rule's `conditions`. */
function* conditions(node, path) {
  if (!node || typeof node !== 'object') return;
  yield { node, path };
  for (const key of ['all', 'any']) if (Array.isArray(node[key])) for (let i = 0; i < node[key].length; i++) yield* conditions(node[key][i], [...path, key, i]);
  if (node.not) yield* conditions(node.not, [...path, 'not']);
}

const describeCondition = (c) => `${c.fact} ${c.operator} ${c.value && typeof c.value === 'object' && 'fact' in c.value ? c.value.fact : show(c.value)}`;

function packMutants(file, pack) {
  const out = [];
  pack.rules.forEach((rule, r) => {
    const label = rule.name + (rule.event?.params?.variant ? `:${rule.event.params.variant}` : '');
    const base = ['rules', r, 'conditions'];
    for (const { node, path } of conditions(rule.conditions, [])) {
      const where = [...base, ...path];
      if (TWIN[node.operator]) {
        out.push(jsonMutant(file, `${label}: ${describeCondition(node)} -> ${TWIN[node.operator]}`, (d) => (at(d, where).operator = TWIN[node.operator])));
      }
      if ((node.operator === 'equal' || node.operator === 'notEqual') && typeof node.value === 'boolean') {
        const flipped = node.operator === 'equal' ? 'notEqual' : 'equal';
        out.push(jsonMutant(file, `${label}: ${describeCondition(node)} -> ${flipped}`, (d) => (at(d, where).operator = flipped)));
      }
      if (Array.isArray(node.all) && node.all.length > 1) {
        node.all.forEach((child, i) => {
          const dropped = child.operator ? describeCondition(child) : `${Object.keys(child)[0]}-group #${i}`;
          out.push(jsonMutant(file, `${label}: drop all[${i}] (${dropped})${path.length ? ` at ${path.join('.')}` : ''}`, (d) => at(d, where).all.splice(i, 1)));
        });
      }
    }
    const kind = rule.event?.params?.kind;
    if (KINDS.includes(kind)) {
      // One change per rule, to the next kind round the list: every test of a finding looks in the list of its kind.
      const other = KINDS[(KINDS.indexOf(kind) + 1) % KINDS.length];
      out.push(jsonMutant(file, `${label}: kind ${kind} -> ${other}`, (d) => (d.rules[r].event.params.kind = other)));
    }
  });
  return out;
}

const isDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function parameterMutants(file, data) {
  const out = [];
  for (const [name, definition] of Object.entries(data.parameters)) {
    definition.values.forEach((entry, i) => {
      const where = (d) => d.parameters[name].values[i];
      if (typeof entry.value === 'number') {
        for (const step of [-1, 1]) out.push(jsonMutant(file, `${name} from ${entry.from}: ${entry.value} -> ${entry.value + step}`, (d) => (where(d).value = entry.value + step)));
      }
      if (isDate(entry.value)) {
        for (const step of [-1, 1]) out.push(jsonMutant(file, `${name} from ${entry.from}: ${entry.value} -> ${shiftDay(entry.value, step)}`, (d) => (where(d).value = shiftDay(entry.value, step))));
      }
      if (entry.from !== SENTINEL) {
        for (const step of [-1, 1]) out.push(jsonMutant(file, `${name}: from ${entry.from} -> ${shiftDay(entry.from, step)} (value ${show(entry.value)})`, (d) => (where(d).from = shiftDay(entry.from, step))));
      }
    });
  }
  return out;
}

function regimeMutants(file, data) {
  const out = [];
  data.regimes.forEach((regime, i) => {
    if (regime.startsOn === SENTINEL) return;
    for (const step of [-1, 1]) out.push(jsonMutant(file, `regime ${regime.id}: startsOn ${regime.startsOn} -> ${shiftDay(regime.startsOn, step)}`, (d) => (d.regimes[i].startsOn = shiftDay(regime.startsOn, step))));
  });
  (data.rollouts ?? []).forEach((rollout, i) => {
    for (const step of [-1, 1]) out.push(jsonMutant(file, `rollout ${rollout.kind}: from ${rollout.from} -> ${shiftDay(rollout.from, step)}`, (d) => (d.rollouts[i].from = shiftDay(rollout.from, step))));
  });
  return out;
}

/** Text mutants of src/ helpers: each replaces one exact snippet, and is dropped (with a warning) once the snippet has gone. */
function helperMutants(readText) {
  const out = [];
  for (const h of HELPER_BREAKS) {
    const text = readText(h.file);
    if (text === undefined || !text.includes(h.find)) {
      console.warn(`mutate:law: helper break "${h.what}" no longer applies (${h.file} changed); update scripts/mutate/helpers.mjs`);
      continue;
    }
    out.push({ id: `${h.file} ${h.what}`, file: h.file, what: h.what, apply: (t) => t.replace(h.find, h.replace) });
  }
  return out;
}

/**
 * All mutants, in a stable order: packs, parameters and the regime table by file name, then helper breaks.
 * `files` are the JSON files under rules/ as scripts/rule-files.mjs lists them (path relative to rules/).
 */
export function generateMutants(files, readText) {
  const out = [];
  for (const { file, data } of files) {
    const path = `rules/${file}`;
    if (Array.isArray(data.rules)) out.push(...packMutants(path, data));
    else if (file.startsWith('parameters/')) out.push(...parameterMutants(path, data));
    else if (file === 'regimes.json') out.push(...regimeMutants(path, data));
  }
  out.push(...helperMutants(readText));
  return out;
}
