import type { FactValue } from '../facts/types.js';
import { OPERATOR_FUNCTIONS } from '../engine/operators.js';
import type { Condition, Operator } from '../engine/pack.js';
import type { LoadedPack } from '../engine/load.js';

/** Three-valued truth: `undefined` is "depends on something not decided yet" (Kleene logic). */
export type Truth = boolean | undefined;

export interface Leaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
}

/** A fact's value, or `undefined` where it is not known yet (a requirement still to be chosen). */
export type Known = (fact: string) => FactValue | undefined;

const isLeaf = (c: Condition): c is Leaf & Condition => 'fact' in c;

/** Resolve a named condition reference against its pack. */
const expand = (c: Condition, pack: LoadedPack): Condition =>
  'condition' in c ? (pack.conditions?.[c.condition] ?? { all: [] }) : c;

export function leafTruth(leaf: Leaf, known: Known): Truth {
  const a = known(leaf.fact);
  if (a === undefined) return undefined;
  let b: unknown = leaf.value;
  if (b !== null && typeof b === 'object' && !Array.isArray(b) && 'fact' in (b as object)) {
    b = known((b as { fact: string }).fact);
    if (b === undefined) return undefined;
  }
  return OPERATOR_FUNCTIONS[leaf.operator](a, b);
}

/**
 * Evaluate a rule's conditions with some facts unknown. `force` overrides chosen leaves (by
 * identity), so a caller can ask "if this comparison held, would the rule fire?".
 */
export function evaluate(c: Condition, pack: LoadedPack, known: Known, force?: ReadonlyMap<object, boolean>): Truth {
  const node = expand(c, pack);
  if (force?.has(node)) return force.get(node);
  if (isLeaf(node)) return leafTruth(node, known);
  if ('all' in node) {
    let out: Truth = true;
    for (const child of node.all) {
      const t = evaluate(child, pack, known, force);
      if (t === false) return false;
      if (t === undefined) out = undefined;
    }
    return out;
  }
  if ('any' in node) {
    let out: Truth = false;
    for (const child of node.any) {
      const t = evaluate(child, pack, known, force);
      if (t === true) return true;
      if (t === undefined) out = undefined;
    }
    return out;
  }
  if ('not' in node) {
    const t = evaluate(node.not, pack, known, force);
    return t === undefined ? undefined : !t;
  }
  return undefined;
}

const leafCache = new WeakMap<object, readonly (Leaf & object)[]>();

/** Every comparison in a rule's conditions, named conditions expanded; computed once per loaded rule. */
export function leavesOf(c: Condition, pack: LoadedPack): readonly (Leaf & object)[] {
  let leaves = leafCache.get(c);
  if (!leaves) {
    const out: (Leaf & object)[] = [];
    collect(c, pack, out);
    leafCache.set(c, (leaves = Object.freeze(out)));
  }
  return leaves;
}

function collect(c: Condition, pack: LoadedPack, out: (Leaf & object)[]): void {
  const node = expand(c, pack);
  if (isLeaf(node)) out.push(node);
  else if ('all' in node) for (const child of node.all) collect(child, pack, out);
  else if ('any' in node) for (const child of node.any) collect(child, pack, out);
  else if ('not' in node) collect(node.not, pack, out);
}

/** The fact a leaf compares against, where its value is another fact rather than a constant. */
export const comparedFact = (leaf: Leaf): string | undefined =>
  leaf.value !== null && typeof leaf.value === 'object' && !Array.isArray(leaf.value) && 'fact' in (leaf.value as object)
    ? (leaf.value as { fact: string }).fact
    : undefined;
