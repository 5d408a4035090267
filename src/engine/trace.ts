import type { FactValue, ParameterOrigin } from '../facts/types.js';
import type { Confidence } from '../law/confidence.js';
import type { Operator } from './pack.js';

/**
 * What became of one condition in one rule run: `true` or `false` once evaluated, `'skipped'` when
 * short-circuiting decided its `all` or `any` before reaching it (it was never looked at, so it
 * carries no values).
 */
export type TraceOutcome = boolean | 'skipped';

/** A dated parameter behind a fact a condition reads: where its value comes from and how sure that source is. */
export interface TraceParameter {
  /** The fact that carries it, e.g. `param.drr.reviewRequiredAboveMonths`. */
  readonly fact: string;
  /** The parameter in rules/parameters, e.g. `drr.reviewRequiredAboveMonths` (for a band- or tier-picked family, the member picked). */
  readonly name: string;
  /** The dated value in force for this case (`null`: no such rule on its dates). Absent for a fact only derived from the parameter. */
  readonly value?: FactValue;
  readonly source: string;
  readonly confidence: Confidence;
}

/** One comparison, as in the pack's JSON, with what this order gave it. */
export interface TraceLeaf {
  readonly fact: string;
  readonly operator: Operator;
  /** As written in the pack: a literal, or `{ fact }` naming the fact compared with. */
  readonly value: FactValue | { readonly fact: string };
  /** What the fact was compared with in this order: the literal, or the named fact's value. Absent when skipped. */
  readonly comparedValue?: FactValue;
  /** The fact's value in this order. Absent when skipped, or when the order has no such fact at all. */
  readonly factValue?: FactValue;
  readonly outcome: TraceOutcome;
  /** The dated parameters either side of the comparison reads. */
  readonly parameters?: readonly TraceParameter[];
}
export interface TraceAll {
  readonly all: readonly TraceCondition[];
  readonly outcome: TraceOutcome;
}
export interface TraceAny {
  readonly any: readonly TraceCondition[];
  readonly outcome: TraceOutcome;
}
export interface TraceNot {
  readonly not: TraceCondition;
  readonly outcome: TraceOutcome;
}
/** A named condition of the pack, resolved: its name, and its own tree (evaluated once per run, however often it is named). */
export interface TraceReference {
  readonly condition: string;
  readonly outcome: TraceOutcome;
  readonly definition: TraceCondition;
}
export type TraceCondition = TraceAll | TraceAny | TraceNot | TraceReference | TraceLeaf;

/** One rule run over one order (order-scoped packs) or one requirement (requirement-scoped packs). */
export interface RuleTrace {
  /** The pack's id, e.g. `cja-2003/drug-rehabilitation`. */
  readonly pack: string;
  /** The rule's name in the pack. */
  readonly rule: string;
  /** The finding code the rule raises when it fires. */
  readonly code: string;
  /** The requirement it ran on, from 0; absent for a rule about the order as a whole. */
  readonly requirementIndex?: number;
  readonly fired: boolean;
  readonly conditions: TraceCondition;
}

/** What an evaluator reports for one rule of a pack; the validator adds which pack, rule and requirement. */
export interface RuleOutcome {
  readonly fired: boolean;
  readonly conditions: TraceCondition;
}

/** Where a fact's value comes from, where that is a dated parameter. */
export type Provenance = (fact: string) => ParameterOrigin | undefined;

const isFactRef = (value: unknown): value is { fact: string } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value as the trace keeps it: frozen, so a result's trace cannot be changed by whoever holds it. */
const kept = (value: FactValue): FactValue => (Array.isArray(value) && !Object.isFrozen(value) ? Object.freeze([...value]) : value);

/** The parameters behind a leaf's two sides, the fact's first. */
function parametersOf(fact: string, factValue: FactValue | undefined, ref: string | undefined, refValue: FactValue | undefined, provenance: Provenance): readonly TraceParameter[] | undefined {
  let out: TraceParameter[] | undefined;
  const add = (name: string, value: FactValue | undefined): void => {
    const origin = provenance(name);
    if (!origin) return;
    // Only a `param.*` fact is the parameter's value itself; other facts are merely drawn from one.
    const entry: TraceParameter = name.startsWith('param.')
      ? { fact: name, name: origin.name, value: value === undefined ? null : kept(value), source: origin.source, confidence: origin.confidence }
      : { fact: name, name: origin.name, source: origin.source, confidence: origin.confidence };
    (out ??= []).push(Object.freeze(entry));
  };
  add(fact, factValue);
  if (ref !== undefined && ref !== fact) add(ref, refValue);
  return out && Object.freeze(out);
}

/**
 * An evaluated leaf, the same shape whichever evaluator produced it, so traces compare key for key.
 * `undefined` values (a fact the order does not have) are left out rather than written as null,
 * which would say something the order does not. Built frozen: freezing a whole trace afterwards
 * would cost more than building it.
 */
export function evaluatedLeaf(
  node: { readonly fact: string; readonly operator: Operator; readonly value: unknown },
  factValue: FactValue | undefined,
  comparedValue: FactValue | undefined,
  outcome: boolean,
  provenance: Provenance,
): TraceLeaf {
  const ref = isFactRef(node.value) ? node.value.fact : undefined;
  const parameters = parametersOf(node.fact, factValue, ref, comparedValue, provenance);
  const { fact, operator } = node;
  const value = node.value as TraceLeaf['value'];
  // Keys in the documented order: fact, operator, value, comparedValue, factValue, outcome, parameters.
  const leaf: TraceLeaf =
    comparedValue === undefined
      ? factValue === undefined
        ? { fact, operator, value, outcome }
        : { fact, operator, value, factValue: kept(factValue), outcome }
      : factValue === undefined
        ? { fact, operator, value, comparedValue: kept(comparedValue), outcome }
        : { fact, operator, value, comparedValue: kept(comparedValue), factValue: kept(factValue), outcome };
  if (parameters) return Object.freeze({ ...leaf, parameters });
  return Object.freeze(leaf);
}

/** A leaf that short-circuiting never reached. */
export function skippedLeaf(node: { readonly fact: string; readonly operator: Operator; readonly value: unknown }): TraceLeaf {
  return Object.freeze({ fact: node.fact, operator: node.operator, value: node.value as TraceLeaf['value'], outcome: 'skipped' as const });
}

/** Calls `visit` on every leaf of a trace, with the names of the named conditions it sits in. */
export function forEachLeaf(node: TraceCondition, visit: (leaf: TraceLeaf, within: readonly string[]) => void, within: readonly string[] = []): void {
  if ('all' in node) for (const c of node.all) forEachLeaf(c, visit, within);
  else if ('any' in node) for (const c of node.any) forEachLeaf(c, visit, within);
  else if ('not' in node) forEachLeaf(node.not, visit, within);
  else if ('condition' in node) forEachLeaf(node.definition, visit, [...within, node.condition]);
  else visit(node, within);
}

/** A pack's rule outcomes from one run, named: which pack, rule, code and requirement. */
export function ruleTraces(
  pack: { readonly id: string; readonly rules: readonly { readonly name: string; readonly event: { readonly type: string } }[] },
  outcomes: readonly RuleOutcome[],
  requirementIndex: number | undefined,
): RuleTrace[] {
  return outcomes.map((o, i) => {
    const rule = pack.rules[i]!;
    // The conditions come frozen from the evaluator; only the entry is new.
    return Object.freeze({
      pack: pack.id,
      rule: rule.name,
      code: rule.event.type,
      ...(requirementIndex === undefined ? {} : { requirementIndex }),
      fired: o.fired,
      conditions: o.conditions,
    });
  });
}

/** Per-call options of validate, validateSync and safeValidate that concern the trace. */
export function wantsExplain(options: unknown): boolean {
  if (options === undefined) return false;
  if (options === null || typeof options !== 'object') throw new TypeError('The options of validate must be an object, e.g. { explain: true }');
  let explain: unknown;
  try {
    explain = (options as { explain?: unknown }).explain;
  } catch {
    throw new TypeError('options.explain could not be read');
  }
  if (explain !== undefined && typeof explain !== 'boolean') throw new TypeError(`options.explain must be true or false, not ${JSON.stringify(explain) ?? typeof explain}`);
  return explain === true;
}
