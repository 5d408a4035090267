import { describe, expect, it } from 'vitest';
import { REGIMES } from '../../src/index.js';
import { parameters } from '../../src/rules.js';
import { ROLLOUTS } from '../../src/law/regimes.js';
import { PARAMETER_PINS, REGIME_START_PINS, ROLLOUT_PINS } from './pins.js';

// The series are read from the bundled parameters at run time, so a value added to rules/ is checked the
// day it is added: it fails here until it is pinned in pins.ts from its source.
describe('every dated value of the law is the one pinned from its source', () => {
  for (const [name, definition] of Object.entries(parameters)) {
    it(`${name}: ${definition.values.map((v) => `${v.from}=${JSON.stringify(v.value)}`).join(', ')}`, () => {
      const pinned = PARAMETER_PINS[name];
      expect(pinned, `${name} is not pinned: add its dated values to test/law-pins/pins.ts from the source it cites`).toBeDefined();
      expect(definition.values.map((v) => [v.from, v.value])).toEqual(pinned);
    });
  }

  it('pins no parameter the bundle has lost', () => {
    expect(Object.keys(PARAMETER_PINS).filter((name) => !(name in parameters))).toEqual([]);
  });
});

describe('every regime starts, and every roll-out comes, on the pinned day', () => {
  it('regime starts', () => {
    expect(Object.fromEntries(REGIMES.map((r) => [r.id, r.startsOn]))).toEqual(REGIME_START_PINS);
  });
  it('roll-outs', () => {
    expect(ROLLOUTS.map((r) => [r.kind, r.from, r.keyedOn])).toEqual(ROLLOUT_PINS);
  });
});
