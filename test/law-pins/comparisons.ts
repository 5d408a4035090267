import { BUNDLED_PACKS } from '../../src/engine/bundled.js';

/** A rule's comparison of a fact with a parameter, as the packs state it: `fact operator param`. */
export interface Comparison {
  readonly code: string;
  readonly rule: string;
  readonly file: string;
  readonly fact: string;
  readonly operator: 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';
  readonly parameter: string;
  /** The requirement kinds a requirement-scope pack is about; absent for an order-scope pack. */
  readonly kinds?: readonly string[];
  /** The requirement kind the rule asks for (`requirement.kind equal X`), if any. */
  readonly requirementKind?: string;
  /** The stage the rule is for (`order.stage equal X`: a validator option), if any. */
  readonly stage?: string;
  /** The order type the rule asks for (`order.type equal X`), if any. */
  readonly orderType?: string;
}

type Condition = { fact?: string; operator?: string; value?: unknown; all?: Condition[]; any?: Condition[]; not?: Condition };
const ORDERED = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function* walk(c: Condition): Generator<Condition> {
  yield c;
  for (const child of [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])]) yield* walk(child);
}

/** Every comparison of a fact with a `param.*` in the bundled packs, read at run time. */
export function parameterComparisons(): Comparison[] {
  const out: Comparison[] = [];
  for (const { file, data } of BUNDLED_PACKS) {
    const pack = data as { scope: string; kinds?: string[]; rules: { name: string; conditions: Condition; event: { type: string } }[] };
    for (const rule of pack.rules) {
      const all = [...walk(rule.conditions)];
      const requirementKind = all.find((c) => c.fact === 'requirement.kind' && c.operator === 'equal' && typeof c.value === 'string')?.value as string | undefined;
      const stage = all.find((c) => c.fact === 'order.stage' && c.operator === 'equal' && typeof c.value === 'string')?.value as string | undefined;
      const orderType = all.find((c) => c.fact === 'order.type' && c.operator === 'equal' && typeof c.value === 'string')?.value as string | undefined;
      for (const c of all) {
        const target = c.value && typeof c.value === 'object' && 'fact' in c.value ? String((c.value as { fact: unknown }).fact) : undefined;
        if (!c.fact || !ORDERED.has(c.operator!) || !target?.startsWith('param.')) continue;
        out.push({
          code: rule.event.type,
          rule: rule.name,
          file,
          fact: c.fact,
          operator: c.operator as Comparison['operator'],
          parameter: target.slice('param.'.length),
          ...(pack.scope === 'requirement' ? { kinds: pack.kinds ?? [] } : {}),
          ...(orderType ? { orderType } : {}),
          ...(requirementKind ? { requirementKind } : {}),
          ...(stage ? { stage } : {}),
        });
      }
    }
  }
  return out;
}

/** Whether `x operator limit` holds. */
export function holds(operator: Comparison['operator'], x: number, limit: number): boolean {
  if (operator === 'lessThan') return x < limit;
  if (operator === 'lessThanInclusive') return x <= limit;
  if (operator === 'greaterThan') return x > limit;
  return x >= limit;
}
