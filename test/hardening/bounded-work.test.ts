import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createValidator, InvalidOrderError } from '../../src/index.js';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { withOverrides } from '../../src/law/parameters.js';
import { createResolver, RESOLVED_EPOCHS_KEPT } from '../../src/law/resolve.js';
import { lawfulMediumDrr } from '../support/orders.js';

const DAY = 86_400_000;
const START = Date.UTC(2006, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function refusal(input: unknown): Promise<InvalidOrderError> {
  const answer = await createValidator().safeValidate(input);
  expect(answer.success).toBe(false);
  return (answer as { error: InvalidOrderError }).error;
}

describe('what an error repeats of unknown keys is capped', () => {
  it('the control: one unknown key is named in full', async () => {
    const error = await refusal({ ...lawfulMediumDrr(), nickname: 'x' });
    const issue = error.issues.find((i) => i.code === 'unrecognized_keys')!;
    expect(issue.keys).toEqual(['nickname']);
    expect(issue.keysNotListed).toBeUndefined();
    expect(error.message).toContain('"nickname"');
  });

  // Half a million rather than the review's two million: building the object alone takes seconds on
  // a shared machine, and the uncapped message would already be 6 MB.
  const MANY = 500_000;
  it(`${MANY} unknown keys give a short message, 100 keys kept and the rest counted`, async () => {
    const order: Record<string, unknown> = lawfulMediumDrr() as never;
    for (let i = 0; i < MANY; i++) order[`k${i}`] = i;
    const error = await refusal(order);
    const issue = error.issues.find((i) => i.code === 'unrecognized_keys')!;
    expect(issue.keys).toHaveLength(100);
    expect(issue.keysNotListed).toBe(MANY - 100);
    expect(issue.message).toMatch(new RegExp(`^Unrecognized keys: "k0", .* and ${MANY - 10} more$`));
    expect(error.message.length).toBeLessThan(1000);
    expect(JSON.stringify(error.issues).length).toBeLessThan(10_000);
  });

  it('a 10 MB unknown key is echoed cut short', async () => {
    const error = await refusal({ ...lawfulMediumDrr(), ['x'.repeat(10_000_000)]: 1 });
    expect(error.message.length).toBeLessThan(1000);
    expect(error.issues[0]!.keys).toEqual([]);
    expect(error.issues[0]!.keysNotListed).toBe(1);
  });
});

describe('the per-epoch parameter cache is bounded', () => {
  const series = Array.from({ length: 1000 }, (_, i) => ({ from: iso(START + i * DAY), value: 200 + (i % 100), source: 'Daily test series', confidence: 'M' }));
  const table = withOverrides(BUNDLED_PARAMETERS, { 'unpaidWork.maxHours': series });
  const datesOf = (i: number) => {
    const offence = START + (i % 900) * DAY;
    const conviction = offence + ((i * 7) % 31) * DAY;
    return { offence: iso(offence), conviction: iso(conviction), sentence: iso(conviction + (1 + ((i * 13) % 37)) * DAY) };
  };

  it(`keeps at most ${RESOLVED_EPOCHS_KEPT} epochs under a daily series, and answers as a fresh resolver does`, () => {
    const resolver = createResolver(table);
    for (let i = 0; i < 3 * RESOLVED_EPOCHS_KEPT; i++) resolver.resolve(datesOf(i));
    expect(resolver.cachedEpochs).toBe(RESOLVED_EPOCHS_KEPT);
    // An evicted epoch, resolved again, is what a resolver that never saw the others gives.
    expect(resolver.resolve(datesOf(0))).toEqual(createResolver(table).resolve(datesOf(0)));
  });

  it('keeps a recently used epoch: the bundled law\'s few epochs are never evicted by a busy caseload', () => {
    const resolver = createResolver(table);
    const first = resolver.resolve(datesOf(0));
    for (let i = 1; i < 3 * RESOLVED_EPOCHS_KEPT; i++) {
      resolver.resolve(datesOf(i));
      resolver.resolve(datesOf(0));
    }
    expect(resolver.resolve(datesOf(0))).toBe(first);
  });

  it(
    'holds RSS flat over 20,000 orders with distinct dates under a daily override series (child process)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'proportionate-memory-'));
      const outfile = join(dir, 'child.cjs');
      await build({ entryPoints: ['test/hardening/memory-child.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
      const child = spawnSync(process.execPath, ['--expose-gc', outfile], { env: { ...process.env, ORDERS: '20000' }, encoding: 'utf8', timeout: 600_000 });
      expect(child.status, child.stderr).toBe(0);
      const { samples } = JSON.parse(child.stdout) as { samples: { orders: number; rss: number; heap: number }[] };
      const at = (orders: number) => samples.find((s) => s.orders === orders)!;
      const MB = 1024 * 1024;
      // Unbounded, the heap grew by about 28 MB per 1,000 orders (some 450 MB from 4,000 to 20,000).
      expect((at(20_000).heap - at(4_000).heap) / MB).toBeLessThan(24);
      expect((at(20_000).rss - at(4_000).rss) / MB).toBeLessThan(64);
    },
    900_000,
  );
});
