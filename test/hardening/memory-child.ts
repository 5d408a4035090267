// Run in a child process by bounded-work.test.ts (bundled with esbuild first), so the memory it
// measures is this caseload's alone: validates ORDERS orders with distinct dates under a daily
// override series and prints RSS and heap samples as one JSON line.
import { createValidator } from '../../src/index.js';
import { lawfulMediumDrr } from '../support/orders.js';

const ORDERS = Number(process.env.ORDERS ?? 20_000);
const DAY = 86_400_000;
const START = Date.UTC(2006, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// A daily series of the longest length allowed: every day of the caseload is a change point.
const series = Array.from({ length: 1000 }, (_, i) => ({ from: iso(START + i * DAY), value: 200 + (i % 100), source: 'Daily test series', confidence: 'M' }));
const validator = createValidator({ parameters: { 'unpaidWork.maxHours': series } });

const samples: { orders: number; rss: number; heap: number }[] = [];
const sample = (orders: number) => {
  const { rss, heapUsed } = process.memoryUsage();
  samples.push({ orders, rss, heap: heapUsed });
};
for (let i = 0; i < ORDERS; i++) {
  const order = lawfulMediumDrr() as unknown as Record<string, any>;
  // Offence, conviction and sentence fall on different change points: each order its own epoch.
  const offence = START + (i % 900) * DAY;
  const conviction = offence + ((i * 7) % 31) * DAY;
  const sentence = conviction + (1 + ((i * 13) % 37)) * DAY;
  order.offences[0].committedOn = iso(offence);
  order.convictionDate = iso(conviction);
  order.sentenceDate = iso(sentence);
  order.sentence.endDate = iso(sentence + 540 * DAY);
  validator.validateSync(order);
  if ((i + 1) % 2000 === 0) {
    (globalThis as { gc?: () => void }).gc?.();
    sample(i + 1);
  }
}
process.stdout.write(`${JSON.stringify({ samples })}\n`);
