/**
 * A trace in plain words: why a rule fired, or why it did not. Pure functions of a result's `trace`
 * with no Node-only imports, so the CLI and the PSR page say the same thing.
 */
import type { FactValue } from '../facts/types.js';
import type { RuleTrace, TraceCondition, TraceLeaf, TraceParameter } from './trace.js';

const isFactRef = (value: unknown): value is { fact: string } => value !== null && typeof value === 'object' && !Array.isArray(value);
/** json-rules-engine's numeric guard (operators.ts), so the words say what the comparison did. */
const isNumeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';

const RELATION: Readonly<Record<string, string>> = {
  greaterThan: 'above',
  greaterThanInclusive: 'at least',
  lessThan: 'below',
  lessThanInclusive: 'at most',
};

/** A fact's name as a reader meets it: parameters as `param name`, the rest as the catalogue names them. */
export const factLabel = (fact: string): string => (fact.startsWith('param.') ? `param ${fact.slice(6)}` : fact);

/** A value in words. A parameter that is null is a rule not in force on the case's dates; any other null was not recorded. */
export function valueWords(value: FactValue | undefined, fact?: string): string {
  if (value === undefined || value === null) return fact?.startsWith('param.') ? 'not in force' : 'not recorded';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map((v) => valueWords(v as FactValue)).join(', ') : 'none';
  return String(value);
}

/**
 * Where a parameter's value comes from, said once per explanation: the first mention carries the
 * source and confidence, later ones only the name (`seen` remembers which were said).
 */
function provenance(p: TraceParameter, seen: Set<string>, withName: boolean): string {
  const derived = !p.fact.startsWith('param.');
  const name = derived ? `from param ${p.name}` : `param ${p.name}`;
  // A band- or tier-picked family names the member it picked for this case.
  withName ||= !derived && p.fact !== `param.${p.name}`;
  if (seen.has(p.name)) return withName || derived ? ` (${name})` : '';
  seen.add(p.name);
  return withName || derived ? ` (${name}, ${p.source}, ${p.confidence})` : ` (${p.source}, ${p.confidence})`;
}

/** One comparison in words, e.g. "requirement.months is 12, not above 12 (param drr.reviewRequiredAboveMonths, CJA 2003 s.210(1), verified)". */
export function describeLeaf(leaf: TraceLeaf, seen: Set<string> = new Set()): string {
  const subject = factLabel(leaf.fact);
  const ref = isFactRef(leaf.value) ? leaf.value.fact : undefined;
  if (leaf.outcome === 'skipped') return `${subject} was not checked (an earlier condition had already decided)`;
  const param = (fact: string) => leaf.parameters?.find((p) => p.fact === fact);
  const own = param(leaf.fact);
  const a = leaf.factValue;
  const b = leaf.comparedValue;
  const ownNote = own ? provenance(own, seen, false) : '';
  const left = `${subject} is ${valueWords(a, leaf.fact)}${ownNote}`;
  const theirs = ref === undefined ? undefined : param(ref);
  const other = ref === undefined ? valueWords(b) : `${valueWords(b, ref)}${theirs ? provenance(theirs, seen, true) : ` (${factLabel(ref)})`}`;
  const held = leaf.outcome;
  switch (leaf.operator) {
    case 'equal':
    case 'notEqual': {
      const same = held === (leaf.operator === 'equal');
      if (same) return ref === undefined ? left : `${left}, the same as ${other}`;
      // Compared with a literal null, the point is only that there is a value.
      if (b === null && ref === undefined) return `${subject} is ${leaf.fact.startsWith('param.') ? 'in force' : 'recorded'}: ${valueWords(a, leaf.fact)}${ownNote}`;
      return `${left}, not ${other}`;
    }
    case 'in':
    case 'notIn': {
      const member = held === (leaf.operator === 'in');
      return `${left}, ${member ? '' : 'not '}one of: ${other}`;
    }
    case 'contains':
    case 'doesNotContain': {
      const includes = held === (leaf.operator === 'contains');
      if (includes) return `${subject} includes ${other}`;
      return Array.isArray(a) ? `${subject} (${valueWords(a)}) does not include ${other}` : `${left}, so it includes nothing`;
    }
    default: {
      const relation = RELATION[leaf.operator] ?? leaf.operator;
      if (!isNumeric(a)) return `${left}, so it is not compared with ${other}`;
      return `${left}, ${held ? '' : 'not '}${relation} ${other}`;
    }
  }
}

/**
 * The conditions that decided a node's outcome, each in words: for an `all` that held, every part;
 * for one that failed, the parts that failed (short-circuiting reached only the first); for an `any`
 * the reverse. A `not` is decided by what its part was; a named condition says its name.
 */
export function reasonsFor(node: TraceCondition, seen: Set<string> = new Set()): string[] {
  if (node.outcome === 'skipped') return [];
  if ('all' in node || 'any' in node) {
    const parts = 'all' in node ? node.all : node.any;
    const wanted = 'all' in node ? node.outcome === true : node.outcome === false;
    const reasons = parts.filter((p) => (wanted ? p.outcome !== 'skipped' : p.outcome === node.outcome)).flatMap((p) => reasonsFor(p, seen));
    return [...new Set(reasons)];
  }
  if ('not' in node) return reasonsFor(node.not, seen);
  if ('condition' in node) return [`condition ${node.condition} ${node.outcome ? 'holds' : 'does not hold'}: ${reasonsFor(node.definition, seen).join(' and ')}`];
  return [describeLeaf(node, seen)];
}

/** Where a rule ran, as people count: "requirement 1 (drug-rehabilitation)" or "the order". */
export function whereLabel(requirementIndex: number | undefined, kinds?: readonly string[]): string {
  if (requirementIndex === undefined) return 'the order';
  const kind = kinds?.[requirementIndex];
  return `requirement ${requirementIndex + 1}${kind ? ` (${kind})` : ''}`;
}

/** One rule run in a sentence: "did not fire on requirement 1 (drug-rehabilitation): requirement.months is 12, not above 12 (...)". */
export function explainRule(entry: RuleTrace, kinds?: readonly string[]): string {
  const reasons = reasonsFor(entry.conditions);
  return `${entry.fired ? 'fired' : 'did not fire'} on ${whereLabel(entry.requirementIndex, kinds)}: ${reasons.join('; and ')}`;
}

/** What `explainCode` needs of a validation result (so a page can pass one it received as JSON). */
export interface ExplainableResult {
  readonly requirements: readonly { readonly kind: string }[];
  readonly trace?: readonly RuleTrace[];
}

/**
 * Why `code` fired, or why not, once for each requirement (or for the order) its rules ran on: a
 * line per run. A code raised by several rules of its pack fired where any of them did; where none
 * did, each rule's reason is given. An empty list: no rule with this code ran on this order.
 */
export function explainCode(result: ExplainableResult, code: string): string[] {
  if (!result.trace) throw new TypeError('This result has no trace: validate with { explain: true }');
  const kinds = result.requirements.map((r) => r.kind);
  const runs = new Map<string, RuleTrace[]>();
  for (const entry of result.trace) {
    if (entry.code !== code) continue;
    const key = entry.requirementIndex === undefined ? 'order' : String(entry.requirementIndex);
    runs.set(key, [...(runs.get(key) ?? []), entry]);
  }
  return [...runs.values()].map((entries) => explainRun(entries, kinds));
}

/** One run of a code's rules (one requirement, or the order) in a sentence. */
function explainRun(entries: readonly RuleTrace[], kinds: readonly string[]): string {
  const fired = entries.filter((e) => e.fired);
  const shown = fired.length ? fired : entries;
  const named = shown.length > 1;
  const seen = new Set<string>();
  const reasons = shown.map((e) => {
    const text = reasonsFor(e.conditions, seen).join('; and ');
    return named ? `rule ${e.rule}: ${text}` : text;
  });
  return `${fired.length ? 'fired' : 'did not fire'} on ${whereLabel(entries[0]!.requirementIndex, kinds)}: ${reasons.join('; ')}`;
}

/** Each finding of a result with the sentence that says why it was raised, in the order the findings were given. */
export function explainFindings(result: ExplainableFindings): { readonly code: string; readonly requirementIndex?: number; readonly explanation: string }[] {
  if (!result.trace) throw new TypeError('This result has no trace: validate with { explain: true }');
  const kinds = result.requirements.map((r) => r.kind);
  const seen = new Set<string>();
  const out: { code: string; requirementIndex?: number; explanation: string }[] = [];
  for (const f of [...result.requirements.flatMap((r) => r.findings), ...result.breaches, ...result.tensions, ...result.advisories]) {
    const key = `${f.code}@${f.requirementIndex ?? 'order'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entries = result.trace.filter((e) => e.code === f.code && e.requirementIndex === f.requirementIndex);
    if (entries.length === 0) continue;
    out.push({ code: f.code, ...(f.requirementIndex === undefined ? {} : { requirementIndex: f.requirementIndex }), explanation: explainRun(entries, kinds) });
  }
  return out;
}

interface FindingRef {
  readonly code: string;
  readonly requirementIndex?: number;
}

/** What `explainFindings` needs of a validation result. */
export interface ExplainableFindings {
  readonly requirements: readonly { readonly kind: string; readonly findings: readonly FindingRef[] }[];
  readonly breaches: readonly FindingRef[];
  readonly tensions: readonly FindingRef[];
  readonly advisories: readonly FindingRef[];
  readonly trace?: readonly RuleTrace[];
}
