import { test } from 'vitest';
import { createValidator } from '../src/index.js';
test('smoke', async () => {
  const v = createValidator();
  const order = {
    offender: { dateOfBirth: '1980-01-01', omTier: 3, need: { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, treatmentTier: 3 } },
    offences: [{ committedOn: '2006-01-10', seriousness: 'low' }],
    convictionDate: '2006-02-01', sentenceDate: '2006-03-01',
    sentence: { type: 'community-order', endDate: '2007-03-01' },
    requirements: [{ kind: 'drug-rehabilitation', intensity: 'high', months: 4, setting: 'non-residential', provider: { name: 'X' }, recommendedByOfficer: true, offenderWilling: true }, {kind:'curfew', hoursPerDay: 14, months: 3, electronicMonitoring: false}],
  };
  const r = await v.validate(order);
  console.log(JSON.stringify(r, null, 1));
  const j = createValidator({ evaluator: 'json-rules-engine' });
  const r2 = await j.validate(order);
  console.log(JSON.stringify(r2) === JSON.stringify(r));
});
