/**
 * How a pre-sentence report (PSR) drafting tool might use proportionate: validate the order as the
 * officer edits it, show what the court would object to, and never crash on a half-typed draft.
 * Run it (Node 20 or later) with `npm run example:psr-tool`: tsup bundles this file and the library
 * source it imports into node_modules/.cache/psr-tool/, and node runs that. In your own code, import
 * from 'proportionate' instead of '../src/index.js'.
 */
import { createValidator, type Finding, type ProposedOrderInput } from '../src/index.js';

// One validator for the whole session: loading and checking the rule packs happens once.
const validator = createValidator({
  // What this area has commissioned; an order's own `provision` overrides it.
  provision: { drrIntensities: ['medium', 'high'], atrQualifiedProvider: false, programmes: ['ASRO', 'Think First'], area: 'Northtown' },
});

const line = (f: Finding): string =>
  `  [${f.code}] ${f.message}\n    (${f.citations.map((c) => `${c.source} ${c.provision}`).join('; ')}; ${f.confidence})`;

/** What the drafting screen shows beside the proposal. */
export async function reviewDraft(draft: unknown): Promise<string> {
  const outcome = await validator.safeValidate(draft);
  if (!outcome.success) {
    // A draft is often incomplete: point at the fields, do not throw.
    return ['The proposal is not complete yet:', ...outcome.error.issues.map((i) => `  ${i.path.join('.') || '(order)'}: ${i.message}`)].join('\n');
  }
  const { result } = outcome;
  const out = [result.ok ? 'The proposed order can lawfully be made.' : 'The proposed order cannot be made as it stands.'];
  for (const r of result.requirements) {
    out.push(`Requirement ${r.index + 1} (${r.kind}): ${r.valid ? 'valid' : 'NOT valid'}`);
    for (const f of r.findings.filter((x) => x.kind === 'invalid')) out.push(line(f));
  }
  if (result.breaches.length) out.push('Breaches:', ...result.breaches.map(line));
  if (result.tensions.length) out.push('Tensions to explain in the report:', ...result.tensions.map(line));
  if (result.advisories.length) out.push('Worth a second look:', ...result.advisories.map(line));
  return out.join('\n');
}

const draft: ProposedOrderInput = {
  offender: {
    dateOfBirth: '1981-02-03',
    omTier: 2 as never,
    need: { drugs: { dependentOrPropensity: true, requiresAndSusceptible: true }, treatmentTier: 4 as never },
  },
  offences: [{ committedOn: '2006-05-01', seriousness: 'low', description: 'Theft from a shop' }],
  convictionDate: '2006-06-01',
  sentenceDate: '2006-06-22',
  sentence: { type: 'community-order', endDate: '2007-06-22' },
  requirements: [
    { kind: 'drug-rehabilitation', intensity: 'low', months: 6, setting: 'non-residential', provider: { name: 'Northtown CDT' }, testsPerWeek: 1, recommendedByOfficer: true, offenderWilling: true },
  ],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await reviewDraft(draft));
}
