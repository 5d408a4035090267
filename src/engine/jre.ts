import { Engine } from 'json-rules-engine';
import type { LoadedPack } from './load.js';
import type { PackEvaluator } from './evaluator.js';

/** Plain property access: conditions are refused at load if they use `path`, and this makes sure JSONPath is never reached. */
const plainPath = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined), value);

/**
 * The reference semantics: the pack run through json-rules-engine itself. An Engine keeps run state
 * on itself (json-rules-engine issues 303 and 360), so runs on one Engine are queued, one at a time;
 * concurrent validate() calls then give exactly the sequential results.
 */
export function jsonRulesEngineEvaluator(pack: LoadedPack): PackEvaluator {
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
        const { results } = await engine.run({ ...layers.params, ...layers.order, ...layers.events, ...layers.requirement });
        return results.map((r) => indexByName.get(r.name as string)!).sort((a, b) => a - b);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
