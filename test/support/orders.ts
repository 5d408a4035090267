import type { ProposedOrderInput } from '../../src/index.js';

/**
 * A lawful, proportionate order under the 2005 law: a medium intensity DRR with supervision for a
 * medium seriousness offence (the inspection's "lawful medium DRR"). Tests change one thing at a time.
 */
export function lawfulMediumDrr(): ProposedOrderInput {
  return {
    offender: {
      dateOfBirth: '1975-06-15',
      omTier: 3,
      assessment: { oasys: { drugMisuse: 8, alcoholMisuse: 1 }, rosh: 'medium' },
      need: { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, treatmentTier: 3 },
    },
    offences: [{ committedOn: '2006-01-10', seriousness: 'medium', imprisonable: true, description: 'Shop theft, repeated' }],
    convictionDate: '2006-02-01',
    sentenceDate: '2006-03-01',
    sentence: { type: 'community-order', endDate: '2007-09-01' },
    requirements: [
      {
        kind: 'drug-rehabilitation',
        intensity: 'medium',
        months: 12,
        setting: 'non-residential',
        provider: { name: 'Community Drug Team', registered: true },
        testsPerWeek: 2,
        recommendedByOfficer: true,
        offenderWilling: true,
      },
      { kind: 'supervision' },
    ],
  };
}

/** The same shape sentenced under the Sentencing Code (offence 2023): supervision gives way to a RAR. */
export function lawfulCodeDrr(): ProposedOrderInput {
  const o = lawfulMediumDrr();
  return {
    ...o,
    offences: [{ committedOn: '2023-03-10', seriousness: 'medium', imprisonable: true }],
    convictionDate: '2023-05-01',
    sentenceDate: '2023-06-01',
    sentence: { type: 'community-order', endDate: '2024-12-01' },
    requirements: [o.requirements[0]!, { kind: 'rehabilitation-activity', maxDays: 20 }, { kind: 'unpaid-work', hours: 100 }],
  };
}

/** A structured clone, so a test can change a nested field without touching the fixture. */
export const clone = <T>(value: T): T => structuredClone(value);
