import type { FactValue } from '../facts/types.js';
import type { FactLayers, FactRouter, PackEvaluator } from './evaluator.js';
import type { LoadedPack } from './load.js';
import { OPERATOR_FUNCTIONS } from './operators.js';
import type { Condition, Operator } from './pack.js';
import { evaluatedLeaf, skippedLeaf, type Provenance, type RuleOutcome, type TraceCondition } from './trace.js';

/**
 * Per-run answers of the pack's named conditions: `stamps[i] === run` when condition i is already
 * decided in this run, its answer in `answers[i]`. Bumping `run` forgets every answer at once, so a
 * run allocates nothing.
 */
interface Memo {
  run: number;
  readonly stamps: Float64Array;
  readonly answers: Uint8Array;
}

type Predicate = (facts: FactLayers, memo: Memo) => boolean;

/**
 * Compile a pack's condition trees into closures, once. No code is generated from strings (no eval,
 * no Function), so a rule pack can never run code of its own. Each fact's layer is chosen here, so a
 * run is a property read and a comparison per condition. A named condition is compiled once however
 * many times it is named, and answered once per run: a pack that names a condition twice at every
 * level costs its size, not two to the power of its depth.
 */
function compilerFor(shared: Readonly<Record<string, Condition>>, route: FactRouter) {
  const slots = new Map(Object.keys(shared).map((name, i) => [name, i]));
  const named = new Map<string, Predicate>();
  const compiling = new Set<string>();

  const reference = (name: string): Predicate => {
    const slot = slots.get(name);
    if (slot === undefined) throw new Error(`Condition "${name}" is not defined in this pack`);
    let inner = named.get(name);
    if (!inner) {
      if (compiling.has(name)) throw new Error(`Condition "${name}" refers to itself`);
      compiling.add(name);
      inner = compile(shared[name]!);
      compiling.delete(name);
      named.set(name, inner);
    }
    const body = inner;
    return (f, m) => {
      if (m.stamps[slot] === m.run) return m.answers[slot] === 1;
      const answer = body(f, m);
      m.stamps[slot] = m.run;
      m.answers[slot] = answer ? 1 : 0;
      return answer;
    };
  };

  const compile = (node: Condition): Predicate => {
    if ('all' in node) {
      const parts = node.all.map(compile);
      if (parts.length === 1) return parts[0]!;
      return (f, m) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(f, m)) return false;
        return true;
      };
    }
    if ('any' in node) {
      const parts = node.any.map(compile);
      if (parts.length === 1) return parts[0]!;
      return (f, m) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(f, m)) return true;
        return false;
      };
    }
    if ('not' in node) {
      const inner = compile(node.not);
      return (f, m) => !inner(f, m);
    }
    if ('condition' in node) return reference(node.condition);
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
  };
  return { compile, size: slots.size };
}

/**
 * The tracing path: the same semantics as the compiled closures (the same operators, the same
 * left-to-right short-circuiting, named conditions answered once per run), walked over the pack's
 * JSON so that every step can be recorded. Kept apart from the closures so that validating without
 * `explain` pays nothing for it.
 */
function tracerFor(shared: Readonly<Record<string, Condition>>, route: FactRouter) {
  // What a part never reached looks the same in every run: built once per node.
  const skippedTrees = new WeakMap<object, TraceCondition>();
  const skipped = (node: Condition): TraceCondition => {
    let tree = skippedTrees.get(node);
    if (tree) return tree;
    if ('all' in node) tree = { all: Object.freeze(node.all.map(skipped)), outcome: 'skipped' };
    else if ('any' in node) tree = { any: Object.freeze(node.any.map(skipped)), outcome: 'skipped' };
    else if ('not' in node) tree = { not: skipped(node.not), outcome: 'skipped' };
    else if ('condition' in node) tree = { condition: node.condition, outcome: 'skipped', definition: skipped(shared[node.condition]!) };
    else tree = skippedLeaf(node);
    Object.freeze(tree);
    skippedTrees.set(node, tree);
    return tree;
  };

  return (layers: FactLayers, provenance: Provenance) => {
    const answered = new Map<string, TraceCondition>();
    const read = (name: string): FactValue | undefined => layers[route(name)]?.[name];
    const visit = (node: Condition): TraceCondition => {
      if ('all' in node || 'any' in node) {
        const isAll = 'all' in node;
        const children = isAll ? node.all : node.any;
        const parts: TraceCondition[] = [];
        let decided: boolean | undefined;
        for (const child of children) {
          if (decided !== undefined) {
            parts.push(skipped(child));
            continue;
          }
          const part = visit(child);
          parts.push(part);
          if (part.outcome === !isAll) decided = !isAll;
        }
        const outcome = decided ?? isAll;
        Object.freeze(parts);
        return Object.freeze(isAll ? { all: parts, outcome } : { any: parts, outcome });
      }
      if ('not' in node) {
        const inner = visit(node.not);
        return Object.freeze({ not: inner, outcome: !inner.outcome });
      }
      if ('condition' in node) {
        let definition = answered.get(node.condition);
        if (!definition) {
          definition = visit(shared[node.condition]!);
          answered.set(node.condition, definition);
        }
        return Object.freeze({ condition: node.condition, outcome: definition.outcome, definition });
      }
      const factValue = read(node.fact);
      const value = node.value;
      const comparedValue = value !== null && typeof value === 'object' && !Array.isArray(value) ? read((value as { fact: string }).fact) : (value as FactValue);
      const outcome = OPERATOR_FUNCTIONS[node.operator as Operator](factValue, comparedValue);
      return evaluatedLeaf(node, factValue, comparedValue, outcome, provenance);
    };
    return visit;
  };
}

/** The fast evaluator: the same JSON, the same semantics as json-rules-engine, as plain function calls. */
export function compiledEvaluator(pack: LoadedPack, route: FactRouter): PackEvaluator {
  const shared = pack.conditions ?? {};
  const { compile, size } = compilerFor(shared, route);
  const tests = pack.rules.map((rule) => compile(rule.conditions));
  const memo: Memo = { run: 0, stamps: new Float64Array(size), answers: new Uint8Array(size) };
  const runSync = (facts: FactLayers): number[] => {
    // Runs are synchronous and never nest, so one memo serves them all; a new number starts a new run.
    memo.run++;
    const fired: number[] = [];
    for (let i = 0; i < tests.length; i++) if (tests[i]!(facts, memo)) fired.push(i);
    return fired;
  };
  const tracer = tracerFor(shared, route);
  const traceSync = (facts: FactLayers, provenance: Provenance): RuleOutcome[] => {
    const visit = tracer(facts, provenance);
    return pack.rules.map((rule) => {
      const conditions = visit(rule.conditions);
      return Object.freeze({ fired: conditions.outcome === true, conditions });
    });
  };
  return {
    runSync,
    run: (facts) => Promise.resolve(runSync(facts)),
    traceSync,
    trace: (facts, provenance) => Promise.resolve(traceSync(facts, provenance)),
  };
}
