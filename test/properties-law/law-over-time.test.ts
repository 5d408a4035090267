import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/index.js';
import { BUNDLED_PARAMETERS } from '../../src/engine/bundled.js';
import { valueOn } from '../../src/law/parameters.js';
import { REGIMES, ORDER_TYPES, availableUnder, regimeFor, regimesApplying } from '../../src/law/regimes.js';
import { createResolver } from '../../src/law/resolve.js';
import { REQUIREMENT_KINDS } from '../../src/schema/requirements.js';
import type { Requirement } from '../codes/fixtures.js';
import { lawfulMediumDrr } from '../support/orders.js';
import orderParameters from '../../rules/parameters/orders.json' with { type: 'json' };
import requirementParameters from '../../rules/parameters/requirements.json' with { type: 'json' };
import { FIRST_DAY, caseDates, everyDay, sameDay } from './dates.js';

const DAYS = everyDay();
const PARAMETERS = Object.entries(BUNDLED_PARAMETERS);
/** The statutory parameters (orders and requirements): they must cover every date, "not in force" included. */
const STATUTORY = new Set([...Object.keys(orderParameters.parameters), ...Object.keys(requirementParameters.parameters)]);
const resolver = createResolver(BUNDLED_PARAMETERS);
const REGIME_INDEX = new Map(REGIMES.map((r, i) => [r.id, i]));

describe('every statutory parameter has exactly one value on every date from 1998 to 2026', () => {
  it('on each day one dated value, and only one, is in force for each parameter (no gap, no overlap)', () => {
    expect(STATUTORY.size).toBeGreaterThan(40);
    for (const [name, def] of PARAMETERS) {
      // Strictly increasing change dates: no two values are ever in force together.
      for (let i = 1; i < def.values.length; i++) expect(def.values[i]!.from > def.values[i - 1]!.from, `${name} value ${i}`).toBe(true);
      // A statutory series starts before the range: no date without a value ("not in force" is a value).
      if (STATUTORY.has(name)) expect(def.values[0]!.from <= FIRST_DAY, `${name} starts on ${def.values[0]!.from}`).toBe(true);
      // Walk the days and the series together: the value in force moves on exactly when a change date is reached.
      let at = -1;
      for (const day of DAYS) {
        while (at + 1 < def.values.length && def.values[at + 1]!.from <= day) at++;
        const found = valueOn(def, sameDay(day));
        if (found !== (at < 0 ? undefined : def.values[at])) expect.fail(`${name} on ${day}: valueOn gives ${JSON.stringify(found)}`);
      }
    }
  });

  it('for any offence, conviction and sentence dates, each parameter resolves to a value with its source', () => {
    fc.assert(
      fc.property(caseDates, (dates) => {
        const resolved = resolver.resolve(dates);
        for (const [name, def] of PARAMETERS) {
          if (!STATUTORY.has(name)) continue;
          const v = valueOn(def, dates);
          if (v === undefined || resolved[name]!.source !== v.source || resolved[name]!.value !== v.value) expect.fail(`${name} on ${JSON.stringify(dates)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a cached resolution equals a fresh one (cases of one legal epoch share it, including the keying confidence)', () => {
    fc.assert(
      fc.property(caseDates, (dates) => {
        expect(resolver.resolve(dates)).toEqual(createResolver(BUNDLED_PARAMETERS).resolve(dates));
      }),
      { numRuns: 300 },
    );
  });
});

describe('regime boundaries are contiguous', () => {
  it('regimes start in order, the first before 1998, and every day falls in exactly one of them', () => {
    expect(REGIMES[0]!.startsOn <= FIRST_DAY).toBe(true);
    for (let i = 1; i < REGIMES.length; i++) expect(REGIMES[i]!.startsOn > REGIMES[i - 1]!.startsOn).toBe(true);
    for (const day of DAYS) {
      const containing = REGIMES.filter((r, i) => r.startsOn <= day && (i + 1 === REGIMES.length || day < REGIMES[i + 1]!.startsOn));
      if (containing.length !== 1) expect.fail(`${day} falls in ${containing.length} regimes`);
      expect(regimeFor(sameDay(day)).id).toBe(containing[0]!.id);
    }
  });

  it('for any case dates the regime is the newest that applies, and later dates never give an older regime', () => {
    fc.assert(
      fc.property(caseDates, fc.nat(400), fc.nat(400), fc.nat(400), (dates, a, b, c) => {
        const applying = regimesApplying(dates);
        expect(applying.length).toBeGreaterThan(0);
        const regime = regimeFor(dates);
        expect(regime.id).toBe(applying.at(-1));
        const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const later = { offence: shift(dates.offence, a), conviction: shift(dates.conviction, a + b), sentence: shift(dates.sentence, a + b + c) };
        expect(REGIME_INDEX.get(regimeFor(later).id)!).toBeGreaterThanOrEqual(REGIME_INDEX.get(regime.id)!);
      }),
      { numRuns: 500 },
    );
  });
});

/** One requirement of every kind, in REQUIREMENT_KINDS order, so index i is kind i. */
const EVERY_KIND: Requirement[] = REQUIREMENT_KINDS.map((kind) => {
  switch (kind) {
    case 'unpaid-work':
      return { kind, hours: 40 };
    case 'activity':
      return { kind, days: 10 };
    case 'programme':
      return { kind, programme: 'ASRO', days: 10 };
    case 'curfew':
      return { kind, hoursPerDay: 8, months: 2, electronicMonitoring: true };
    case 'exclusion':
      return { kind, months: 2, electronicMonitoring: true };
    case 'drug-rehabilitation':
      return lawfulMediumDrr().requirements[0]!;
    case 'alcohol-treatment':
      return { kind, months: 6, setting: 'practitioner-based', offenderWilling: true };
    case 'attendance-centre':
      return { kind, hours: 12 };
    case 'rehabilitation-activity':
      return { kind, maxDays: 10 };
    case 'alcohol-abstinence-monitoring':
      return { kind, days: 30 };
    case 'foreign-travel-prohibition':
      return { kind, months: 3 };
    default:
      return { kind } as Requirement;
  }
});

describe('a requirement is available exactly when its regime says so', () => {
  it('on every day from 1998 to 2026, for every kind of order and requirement, the parameters agree with the regime', () => {
    for (const day of DAYS) {
      const dates = sameDay(day);
      const params = resolver.resolve(dates);
      const regime = regimeFor(dates).id;
      const co = params['communityOrder.available']!.value === true;
      for (const kind of REQUIREMENT_KINDS) {
        const byParameters = co && params[`availability.${kind}`]!.value === true;
        if (byParameters !== availableUnder(regime, kind, dates)) expect.fail(`${kind} on ${day}: parameters say ${byParameters}, regime ${regime} disagrees`);
      }
      for (const order of ORDER_TYPES) {
        const byParameters = params[order === 'dtto' ? 'dtto.available' : 'communityOrder.available']!.value === true;
        if (byParameters !== availableUnder(regime, order, dates)) expect.fail(`${order} on ${day}: parameters say ${byParameters}, regime ${regime} disagrees`);
      }
    }
  });

  it('for any case dates, the validator refuses exactly the requirements the regime does not offer', async () => {
    const validator = createValidator();
    await fc.assert(
      fc.asyncProperty(caseDates, async (dates) => {
        const order = structuredClone(lawfulMediumDrr());
        order.offender.dateOfBirth = '1980-01-01';
        order.offences = [{ committedOn: dates.offence, seriousness: 'high', imprisonable: true }];
        order.convictionDate = dates.conviction;
        order.sentenceDate = dates.sentence;
        order.sentence = { type: 'community-order', endDate: `${Number(dates.sentence.slice(0, 4)) + 1}-12-31` };
        order.requirements = EVERY_KIND;
        const result = await validator.validate(order);
        const regime = regimeFor(dates);
        expect(result.regime.id).toBe(regime.id);
        result.requirements.forEach((r) => {
          const refused = r.findings.some((f) => f.code === 'REQUIREMENT_NOT_IN_REGIME');
          expect(refused, `${r.kind} under ${regime.id} on ${JSON.stringify(dates)}`).toBe(!availableUnder(regime.id, r.kind, dates));
        });
      }),
      { numRuns: 200 },
    );
  });
});
