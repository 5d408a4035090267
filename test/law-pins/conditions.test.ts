import { describe, expect, it } from 'vitest';
import { createValidator, type ValidationResult } from '../../src/index.js';
import { ATR, DRR, MHT, PROGRAMME, cja, code, withRequirements } from '../codes/fixtures.js';

// The statutory conditions of a DRR (CJA 2003 s.209(2)) and an ATR (s.212(2)), and the provider or director
// the order must name (s.209(1)(a), s.212(1)), at each stage. Recorded `false` is evidence the condition
// fails: invalid at either stage. Not recorded is a field left empty: at proposal only an advisory, in the
// order about to be made (sentence) invalid. Each case lists the exact findings of the family, so a rule that
// fires at the wrong stage, or a twin that fires beside it, fails here.
const STAGES = ['proposal', 'sentence'] as const;
type Stage = (typeof STAGES)[number];
type Recorded = boolean | undefined;
const RECORDED: Recorded[] = [true, false, undefined];
const show = (v: Recorded) => (v === undefined ? 'not recorded' : String(v));

/** [code, kind] of every finding (requirement findings and order-level lists) whose code is in `family`. */
function familyOf(result: ValidationResult, family: readonly string[]): string[] {
  const all = [...result.requirements.flatMap((q) => q.findings), ...result.breaches, ...result.tensions, ...result.advisories];
  // An advisory about a requirement is listed with it and among the advisories: count each once.
  return [...new Set(all.filter((f) => family.includes(f.code)).map((f) => `${f.code}:${f.kind}`))].sort();
}

/** What s.209(2) / s.212(2) say of one condition recorded as `value`, at `stage`. */
function conditionFindings(value: Recorded, stage: Stage, failed: string): string[] {
  if (value === false) return [`${failed}:invalid`];
  if (value === undefined && stage === 'sentence') return [`${failed}:invalid`];
  return [];
}

const treatments = [
  {
    name: 'DRR (s.209(2))',
    order: (first: Recorded, second: Recorded) =>
      cja((o) => {
        const { drugs: _, ...rest } = o.offender.need ?? {};
        o.offender.need = (first === undefined ? rest : { ...rest, drugs: { dependentOrPropensity: first, requiresAndSusceptible: second } }) as never;
      }),
    first: 'DRR_NO_DEPENDENCY',
    second: 'DRR_NOT_SUSCEPTIBLE',
    notRecorded: 'DRR_CONDITION_NOT_RECORDED',
  },
  {
    name: 'ATR (s.212(2))',
    order: (first: Recorded, second: Recorded) =>
      withRequirements(
        cja((o) => {
          o.offender.need = (first === undefined ? {} : { alcohol: { dependent: first, requiresAndSusceptible: second } }) as never;
        }),
        [structuredClone(ATR), { kind: 'supervision' }],
      ),
    first: 'ATR_NOT_DEPENDENT',
    second: 'ATR_NOT_SUSCEPTIBLE',
    notRecorded: 'ATR_CONDITION_NOT_RECORDED',
  },
] as const;

for (const t of treatments) {
  describe(`${t.name}: each condition recorded true, false or not at all, at each stage`, () => {
    const family = [t.first, t.second, t.notRecorded];
    for (const first of RECORDED) {
      for (const second of RECORDED) {
        // The input records both conditions or neither (a half-recorded need is a zod issue, not a case).
        if ((first === undefined) !== (second === undefined)) continue;
        for (const stage of STAGES) {
          const expected = [
            ...conditionFindings(first, stage, t.first),
            ...conditionFindings(second, stage, t.second),
            ...(stage === 'proposal' && (first === undefined || second === undefined) ? [`${t.notRecorded}:advisory`] : []),
          ].sort();
          it(`${show(first)} / ${show(second)}, ${stage}: ${expected.join(', ') || 'no finding'}`, async () => {
            const result = await createValidator({ stage }).validate(t.order(first, second));
            expect(familyOf(result, family)).toEqual(expected);
          });
        }
      }
    }
  });
}

describe('what the order must specify, specified or not, at each stage: the DRR provider (s.209(1)(a)), the ATR director (s.212(1)), the kind of mental health treatment (s.207(2)), the programme days (s.202(1))', () => {
  const cases = [
    {
      name: 'DRR provider',
      order: (named: boolean) =>
        withRequirements(cja(), [named ? structuredClone(DRR) : (({ provider: _, ...rest }) => rest)(structuredClone(DRR)), { kind: 'supervision' }] as never),
      proposal: 'DRR_PROVIDER_NOT_SPECIFIED:advisory',
      sentence: 'DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE:invalid',
    },
    {
      name: 'ATR director',
      order: (named: boolean) =>
        withRequirements(
          cja((o) => (o.offender.need = { alcohol: { dependent: true, requiresAndSusceptible: true } } as never)),
          [named ? structuredClone(ATR) : (({ director: _, ...rest }) => rest)(structuredClone(ATR)), { kind: 'supervision' }] as never,
        ),
      proposal: 'ATR_DIRECTOR_NOT_SPECIFIED:advisory',
      sentence: 'ATR_DIRECTOR_NOT_SPECIFIED_AT_SENTENCE:invalid',
    },
    {
      name: 'mental health treatment kind',
      order: (named: boolean) => cja((o) => o.requirements.push(named ? structuredClone(MHT) : ((({ treatment: _, ...rest }) => rest)(structuredClone(MHT)) as never))),
      proposal: 'MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED:advisory',
      sentence: 'MENTAL_HEALTH_TREATMENT_KIND_NOT_SPECIFIED_AT_SENTENCE:invalid',
    },
    {
      name: 'programme days',
      order: (named: boolean) => cja((o) => o.requirements.push(PROGRAMME(named ? 20 : undefined))),
      proposal: 'PROGRAMME_DAYS_NOT_SPECIFIED:advisory',
      sentence: 'PROGRAMME_DAYS_NOT_SPECIFIED_AT_SENTENCE:invalid',
    },
  ] as const;
  for (const c of cases) {
    const family = [c.proposal, c.sentence].map((s) => s.split(':')[0]!);
    for (const named of [true, false]) {
      for (const stage of STAGES) {
        const expected = named ? [] : [c[stage]];
        it(`${c.name} ${named ? 'named' : 'not named'}, ${stage}: ${expected.join(', ') || 'no finding'}`, async () => {
          const result = await createValidator({ stage }).validate(c.order(named));
          expect(familyOf(result, family)).toEqual(expected);
        });
      }
    }
  }
});

// CJA 2003 s.202(4) (law.md, requirements table; repealed by LASPO 2012 s.70): a programme requirement needs a probation officer's recommendation that
// it is suitable. Refused is invalid at either stage; not yet recorded is an advisory at proposal, invalid at sentence.
describe('a programme by whether the recommendation is recorded, at each stage', () => {
  const family = ['PROGRAMME_NOT_RECOMMENDED', 'PROGRAMME_RECOMMENDATION_NOT_RECORDED'];
  const programme = (recommended: Recorded) =>
    cja((o) => o.requirements.push({ kind: 'programme', programme: 'ASRO', days: 20, ...(recommended === undefined ? {} : { recommendedByOfficer: recommended }) } as never));
  for (const recommended of RECORDED) {
    for (const stage of STAGES) {
      const expected = recommended === true ? [] : recommended === false || stage === 'sentence' ? ['PROGRAMME_NOT_RECOMMENDED:invalid'] : ['PROGRAMME_RECOMMENDATION_NOT_RECORDED:advisory'];
      it(`recommendation ${show(recommended)}, ${stage}: ${expected.join(', ') || 'no finding'}`, async () => {
        const result = await createValidator({ stage }).validate(programme(recommended));
        expect(familyOf(result, family)).toEqual(expected);
      });
    }
  }
  // LASPO 2012 s.70 repealed s.202(4) from 3 December 2012: after it no recommendation is needed, so one not
  // recorded is no finding at either stage.
  for (const stage of STAGES) {
    it(`a 2023 order (after LASPO 2012 s.70), recommendation not recorded, ${stage}: no finding`, async () => {
      const order = code((o) => o.requirements.push({ kind: 'programme', programme: 'ASRO', days: 20 } as never));
      expect(familyOf(await createValidator({ stage }).validate(order), family)).toEqual([]);
    });
  }
});
