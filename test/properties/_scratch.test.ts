import { test } from 'vitest';
import fc from 'fast-check';
import { createValidator } from '../../src/index.js';
import { proposedOrder, orderInProgress, validOrder } from '../../src/arbitraries/index.js';
const v = createValidator();
test('perm', () => {
  const arb = fc.record({ order: fc.oneof(proposedOrder(), orderInProgress(), validOrder()), keys: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }) });
  const diffs = new Map<string, number>(); let ex: any;
  for (const { order, keys } of fc.sample(arb, { numRuns: 3000, seed: 9 })) {
    const n = order.requirements.length;
    const perm = [...Array(n).keys()].sort((a, b) => (keys[a % 8]! - keys[b % 8]!) || a - b); // perm[newPos] = oldIndex
    const pos = new Array(n); perm.forEach((old, p) => (pos[old] = p));
    const moved = { ...order, requirements: perm.map((i) => order.requirements[i]) };
    const a = v.validateSync(order), b = v.validateSync(moved);
    const norm = (r: any, map: (i: number) => number) => {
      const fs = [...r.breaches, ...r.tensions, ...r.advisories, ...r.requirements.flatMap((q: any) => q.findings)].map((f: any) => JSON.stringify({ ...f, requirementIndex: f.requirementIndex === undefined ? undefined : map(f.requirementIndex) }));
      return fs.sort();
    };
    const na = norm(a, (i) => pos[i]), nb = norm(b, (i) => i);
    const sa = new Set(na), sb = new Set(nb);
    for (const f of na) if (!sb.has(f)) { const c = JSON.parse(f).code; diffs.set(c, (diffs.get(c) ?? 0) + 1); if (c === "STANDALONE_DRR" || c === "TIMESCALE_DUE") ex ??= [f, nb.filter((g) => JSON.parse(g).code === c)]; }
    for (const f of nb) if (!sa.has(f)) { const c = '+' + JSON.parse(f).code; diffs.set(c, (diffs.get(c) ?? 0) + 1); }
  }
  console.log([...diffs], JSON.stringify(ex, null, 1)?.slice(0, 3000));
});
