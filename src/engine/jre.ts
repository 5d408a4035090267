import { Engine } from 'json-rules-engine';
import type { LoadedPack } from './load.js';
import type { FactValue } from '../facts/types.js';
import type { FactRouter, PackEvaluator } from './evaluator.js';
import type { Condition } from './pack.js';

/** Every fact a pack's conditions name, on either side of a comparison. */
function factsNamedBy(pack: LoadedPack): string[] {
  const names = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('fact' in c) {
      names.add(c.fact);
      const v = c.value as { fact?: unknown } | null;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string') names.add(v.fact);
    }
  };
  for (const rule of pack.rules) walk(rule.conditions);
  for (const c of Object.values(pack.conditions ?? {})) walk(c);
  return [...names];
}

/** Plain property access: conditions are refused at load if they use `path`, and this makes sure JSONPath is never reached. */
const plainPath = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined), value);

/**
 * The reference semantics: the pack run through json-rules-engine itself. An Engine keeps run state
 * on itself (json-rules-engine issues 303 and 360), so runs on one Engine are queued, one at a time;
 * concurrent validate() calls then give exactly the sequential results.
 */
export function jsonRulesEngineEvaluator(pack: LoadedPack, route: FactRouter): PackEvaluator {
  // Only the facts the pack names go to the engine: it builds and hashes a Fact object for each one it is given.
  const named = factsNamedBy(pack).map((name) => [name, route(name)] as const);
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false, pathResolver: plainPath });
  for (const [name, condition] of Object.entries(pack.conditions ?? {})) engine.setCondition(name, condition as never);
  const indexByName = new Map<string, number>();
  pack.rules.forEach((rule, index) => {
    indexByName.set(rule.name, index);
    engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: rule.conditions as never, event: rule.event as never });
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(layers) {
      const next = queue.then(async () => {
        const facts: Record<string, FactValue | undefined> = {};
        for (const [name, layer] of named) facts[name] = layers[layer]?.[name];
        const { results } = await engine.run(facts);
        return results.map((r) => indexByName.get(r.name as string)!).sort((a, b) => a - b);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
