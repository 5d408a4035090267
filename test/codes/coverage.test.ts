import { readFileSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { packs } from '../../src/rules.js';

const STATUTORY_PACKS = /^rules\/(cja-2003|cca-2013|pcc-s-a-2000|laspo-2012|regimes|guidance\/sentencing-ranges)\//;
const cases = readdirSync('test/codes')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(`test/codes/${f}`, 'utf8'))
  .join('\n');

it('every code of the statutory packs has a trigger and a nearest-lawful case in test/codes', () => {
  const codes = new Set(packs.filter((p) => STATUTORY_PACKS.test(p.file)).flatMap((p) => p.rules.map((r) => r.event.type)));
  expect(codes.size).toBeGreaterThan(40);
  const missing = [...codes].filter((code) => !cases.includes(`code: '${code}'`));
  expect(missing).toEqual([]);
});
