import type { FactValue } from '../facts/types.js';
import type { FactLayers, FactRouter, PackEvaluator } from './evaluator.js';
import type { LoadedPack } from './load.js';
import { OPERATOR_FUNCTIONS } from './operators.js';
import type { Condition, Operator } from './pack.js';

type Predicate = (facts: FactLayers) => boolean;

/**
 * Compile a checked condition tree into closures, once. No code is generated from strings
 * (no eval, no Function), so a rule pack can never run code of its own. Each fact's layer is
 * chosen here, so a run is a property read and a comparison per condition.
 */
function compile(node: Condition, shared: Readonly<Record<string, Condition>>, route: FactRouter, seen: ReadonlySet<string> = new Set()): Predicate {
  if ('all' in node) {
    const parts = node.all.map((c) => compile(c, shared, route, seen));
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(f)) return false;
      return true;
    };
  }
  if ('any' in node) {
    const parts = node.any.map((c) => compile(c, shared, route, seen));
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(f)) return true;
      return false;
    };
  }
  if ('not' in node) {
    const inner = compile(node.not, shared, route, seen);
    return (f) => !inner(f);
  }
  if ('condition' in node) {
    if (seen.has(node.condition)) throw new Error(`Condition "${node.condition}" refers to itself`);
    return compile(shared[node.condition]!, shared, route, new Set([...seen, node.condition]));
  }
  const op = OPERATOR_FUNCTIONS[node.operator as Operator];
  const { fact, value } = node;
  const layer = route(fact);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const other = (value as { fact: string }).fact;
    const otherLayer = route(other);
    return (f) => op(f[layer]![fact], f[otherLayer]![other]);
  }
  const literal = value as FactValue;
  return (f) => op(f[layer]![fact], literal);
}

/** The fast evaluator: the same JSON, the same semantics as json-rules-engine, as plain function calls. */
export function compiledEvaluator(pack: LoadedPack, route: FactRouter): PackEvaluator {
  const shared = pack.conditions ?? {};
  const tests = pack.rules.map((rule) => compile(rule.conditions, shared, route));
  const runSync = (facts: FactLayers): number[] => {
    const fired: number[] = [];
    for (let i = 0; i < tests.length; i++) if (tests[i]!(facts)) fired.push(i);
    return fired;
  };
  return { runSync, run: (facts) => Promise.resolve(runSync(facts)) };
}
