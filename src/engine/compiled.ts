import type { FactValue } from '../facts/types.js';
import type { LoadedPack } from './load.js';
import { OPERATOR_FUNCTIONS } from './operators.js';
import type { Condition, Operator } from './pack.js';
import type { FactLookup, PackEvaluator } from './evaluator.js';

type Predicate = (get: FactLookup) => boolean;

/**
 * Compile a checked condition tree into closures, once. No code is generated from strings
 * (no eval, no Function), so a rule pack can never run code of its own.
 */
function compile(node: Condition, shared: Readonly<Record<string, Condition>>, seen: ReadonlySet<string> = new Set()): Predicate {
  if ('all' in node) {
    const parts = node.all.map((c) => compile(c, shared, seen));
    return (get) => parts.every((p) => p(get));
  }
  if ('any' in node) {
    const parts = node.any.map((c) => compile(c, shared, seen));
    return (get) => parts.some((p) => p(get));
  }
  if ('not' in node) {
    const inner = compile(node.not, shared, seen);
    return (get) => !inner(get);
  }
  if ('condition' in node) {
    if (seen.has(node.condition)) throw new Error(`Condition "${node.condition}" refers to itself`);
    return compile(shared[node.condition]!, shared, new Set([...seen, node.condition]));
  }
  const op = OPERATOR_FUNCTIONS[node.operator as Operator];
  const { fact, value } = node;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = (value as { fact: string }).fact;
    return (get) => op(get(fact), get(other));
  }
  return (get) => op(get(fact), value as FactValue);
}

/** The fast evaluator: the same JSON, the same semantics as json-rules-engine, as plain function calls. */
export function compiledEvaluator(pack: LoadedPack): PackEvaluator {
  const shared = pack.conditions ?? {};
  const rules = pack.rules.map((rule, index) => ({ index, test: compile(rule.conditions, shared) }));
  return {
    runSync(get) {
      const fired: number[] = [];
      for (const r of rules) if (r.test(get)) fired.push(r.index);
      return fired;
    },
    run(get) {
      return Promise.resolve(this.runSync!(get));
    },
  };
}
