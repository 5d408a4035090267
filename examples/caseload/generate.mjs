#!/usr/bin/env node
// Writes a small synthetic caseload for `proportionate inspect`: orders in progress in four
// areas, 2005-2007, from the library's own arbitraries (proportionate/arbitraries) with a fixed
// seed, so the file is the same on every run. Nothing here is a real case.
//   npm run build && node examples/caseload/generate.mjs [N] > examples/caseload/caseload.ndjson
// Each area gets its own provision and its own mix, so the report has differences to show:
// OASys scores and offender management tiers are set per order from a seeded stream.
// examples/caseload/charts.mjs then cuts two charts from the HTML report for the README.
import fc from 'fast-check';
import { orderBreaching, orderInProgress } from '../../dist/arbitraries.js';

const n = Number(process.argv[2] ?? 240);
const AREAS = [
  { area: 'Northtown', drrIntensities: ['low', 'medium', 'high'], atrQualifiedProvider: true, drugShare: 0.25, alcoholShare: 0.4, noTier: 0.1, onTime: 0.8, tooIntense: 0.02 },
  { area: 'Southbridge', drrIntensities: ['high'], atrQualifiedProvider: false, drugShare: 0.18, alcoholShare: 0.32, noTier: 0.2, onTime: 0.4, tooIntense: 0.1 },
  { area: 'Eastmoor', drrIntensities: ['medium', 'high'], atrQualifiedProvider: false, drugShare: 0.22, alcoholShare: 0.5, noTier: 0.15, onTime: 0.6, tooIntense: 0.06 },
  { area: 'Westfield', drrIntensities: ['low', 'medium'], atrQualifiedProvider: true, drugShare: 0.16, alcoholShare: 0.3, noTier: 0.05, onTime: 0.7, tooIntense: 0 },
];

// A seeded stream of numbers in [0, 1) (mulberry32), for the per-area mix.
let seed = 2006;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const score = (share) => (random() < share ? 4 + Math.floor(random() * 7) : Math.floor(random() * 4));

const dates = { from: '2005-04-04', to: '2007-03-31' };
// Three pools: every timescale met; events either side of their deadlines; a DRR too intense for the offence (para 4.13).
const pools = {
  onTime: fc.sample(orderInProgress({ ...dates, onSchedule: true }), { numRuns: n, seed: 21 }),
  mixed: fc.sample(orderInProgress(dates), { numRuns: n, seed: 42 }),
  tooIntense: fc.sample(orderBreaching('DRR_INTENSITY_EXCEEDS_SERIOUSNESS', dates), { numRuns: n, seed: 7 }),
};

for (let i = 0; i < n; i++) {
  const a = AREAS[i % AREAS.length];
  const { drugShare, alcoholShare, noTier, onTime, tooIntense, ...provision } = a;
  const r = random();
  const order = r < tooIntense ? pools.tooIntense[i] : r < tooIntense + (1 - tooIntense) * onTime ? pools.onTime[i] : pools.mixed[i];
  order.id = `${a.area.slice(0, 2).toUpperCase()}${String(1000 + i)}`;
  order.provision = { ...order.provision, ...provision };
  const oasys = { ...(order.offender.assessment?.oasys ?? {}), drugMisuse: score(drugShare), alcoholMisuse: score(alcoholShare) };
  order.offender.assessment = { ...(order.offender.assessment ?? {}), oasys };
  if (random() < noTier) delete order.offender.omTier;
  else order.offender.omTier ??= 1 + Math.floor(random() * 4);
  process.stdout.write(`${JSON.stringify(order)}\n`);
}
