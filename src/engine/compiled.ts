import type { FactValue } from '../facts/types.js';
import type { FactLayers, FactRouter, Layer, PackEvaluator } from './evaluator.js';
import type { LoadedPack } from './load.js';
import { isNumeric, OPERATOR_FUNCTIONS } from './operators.js';
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

/**
 * The fact layers of one run by position (params, order, events, requirement), so that a compiled
 * leaf reaches its layer by a number fixed at load rather than by a name.
 */
type Layers = readonly (Readonly<Record<string, FactValue>> | undefined)[];
const LAYER_POSITION: Readonly<Record<Layer, number>> = { params: 0, order: 1, events: 2, requirement: 3 };

type Predicate = (layers: Layers, memo: Memo) => boolean;

/**
 * A comparison of one fact with a literal. Most leaves are `equal` or `notEqual`: with the
 * operator written in place a leaf is one read and one comparison, not a call.
 */
function literalTest(at: number, fact: string, operator: Operator, literal: FactValue): Predicate {
  switch (operator) {
    case 'equal':
      return (l) => l[at]![fact] === literal;
    case 'notEqual':
      return (l) => l[at]![fact] !== literal;
    default: {
      const op = OPERATOR_FUNCTIONS[operator];
      return (l) => op(l[at]![fact], literal);
    }
  }
}

/** A comparison of two facts; the numeric ones with json-rules-engine's guard written in place. */
function factsTest(at: number, fact: string, operator: Operator, otherAt: number, other: string): Predicate {
  // Both facts are read before comparing, as the operator's two arguments are.
  switch (operator) {
    case 'greaterThan':
      return (l) => {
        const a = l[at]![fact] as number;
        const b = l[otherAt]![other] as number;
        return isNumeric(a) && a > b;
      };
    case 'lessThan':
      return (l) => {
        const a = l[at]![fact] as number;
        const b = l[otherAt]![other] as number;
        return isNumeric(a) && a < b;
      };
    case 'greaterThanInclusive':
      return (l) => {
        const a = l[at]![fact] as number;
        const b = l[otherAt]![other] as number;
        return isNumeric(a) && a >= b;
      };
    case 'lessThanInclusive':
      return (l) => {
        const a = l[at]![fact] as number;
        const b = l[otherAt]![other] as number;
        return isNumeric(a) && a <= b;
      };
    default: {
      const op = OPERATOR_FUNCTIONS[operator];
      return (l) => op(l[at]![fact], l[otherAt]![other]);
    }
  }
}

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
      // Most groups have two or three parts: written out, they skip the loop.
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (f, m) => a(f, m) && b(f, m);
      }
      if (parts.length === 3) {
        const [a, b, c] = parts as [Predicate, Predicate, Predicate];
        return (f, m) => a(f, m) && b(f, m) && c(f, m);
      }
      return (f, m) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(f, m)) return false;
        return true;
      };
    }
    if ('any' in node) {
      const parts = node.any.map(compile);
      if (parts.length === 1) return parts[0]!;
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (f, m) => a(f, m) || b(f, m);
      }
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
    const { fact, value } = node;
    const at = LAYER_POSITION[route(fact)];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const other = (value as { fact: string }).fact;
      return factsTest(at, fact, node.operator as Operator, LAYER_POSITION[route(other)], other);
    }
    return literalTest(at, fact, node.operator as Operator, value as FactValue);
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

const NOTHING_FIRED = Object.freeze([]) as unknown as number[];

/** The fast evaluator: the same JSON, the same semantics as json-rules-engine, as plain function calls. */
export function compiledEvaluator(pack: LoadedPack, route: FactRouter): PackEvaluator {
  const shared = pack.conditions ?? {};
  const { compile, size } = compilerFor(shared, route);
  const tests = pack.rules.map((rule) => compile(rule.conditions));
  const memo: Memo = { run: 0, stamps: new Float64Array(size), answers: new Uint8Array(size) };
  const layers: (Readonly<Record<string, FactValue>> | undefined)[] = [undefined, undefined, undefined, undefined];
  const runSync = (facts: FactLayers): number[] => {
    // Runs are synchronous and never nest, so one memo and one layer list serve them all; a new number starts a new run.
    memo.run++;
    layers[0] = facts.params;
    layers[1] = facts.order;
    layers[2] = facts.events;
    layers[3] = facts.requirement;
    // Most runs fire nothing: they share one empty list, never written to.
    let fired: number[] = NOTHING_FIRED;
    try {
      for (let i = 0; i < tests.length; i++) {
        if (!tests[i]!(layers, memo)) continue;
        // A list of one, sized as most firing runs need, grows only if a second rule fires.
        if (fired === NOTHING_FIRED) fired = [i];
        else fired.push(i);
      }
    } finally {
      // Let go of the order's facts: the evaluator outlives the order.
      layers[1] = layers[2] = layers[3] = undefined;
    }
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
