import { expect, it } from 'vitest';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { factsReadBy } from '../../src/findings/build.js';
import { packs } from '../../src/rules.js';

const STATUTORY_PACKS = /^rules\/(cja-2003|cca-2013|pcc-s-a-2000|laspo-2012|regimes|guidance\/sentencing-ranges)\//;
const FAMILY = /\.(low|medium|high|custody|[1-4])$/;

/** The case dates a parameter's values key on (a band- or tier-picked family keys as its members do). */
function keysOf(fact: string): Set<string> {
  const name = fact.slice('param.'.length);
  const defs = BUNDLED_PARAMETERS[name] ? [BUNDLED_PARAMETERS[name]!] : Object.entries(BUNDLED_PARAMETERS).filter(([n]) => n.startsWith(`${name}.`) && FAMILY.test(n)).map(([, d]) => d);
  return new Set(defs.flatMap((d) => [d.keyedOn, ...d.values.flatMap((v) => (v.keyedOn ? [v.keyedOn] : []))]));
}

it('every statutory rule that reads a dated parameter reports the case date that parameter keys on', () => {
  const missing: string[] = [];
  for (const pack of packs.filter((p) => STATUTORY_PACKS.test(p.file))) {
    for (const rule of pack.rules) {
      const reported = new Set(rule.event.params.facts);
      for (const fact of factsReadBy(rule, pack.conditions ?? {}).filter((f) => f.startsWith('param.'))) {
        for (const key of keysOf(fact)) if (!reported.has(`date.${key}`)) missing.push(`${rule.name}: ${fact} keys on the ${key} date`);
      }
    }
  }
  expect(missing).toEqual([]);
});
