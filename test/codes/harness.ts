import { describe, expect, it } from 'vitest';
import { createValidator, type Finding, type ValidationResult } from '../../src/index.js';
import type { Order } from './fixtures.js';

type Confidence = Finding['confidence'];
type Kind = Finding['kind'];

/** One code: an order that triggers it and the nearest lawful order that does not. */
export interface CodeCase {
  readonly code: string;
  /** What makes the trigger differ from the near case. */
  readonly when: string;
  readonly kind: Kind;
  readonly trigger: () => Order;
  readonly near: () => Order;
  /** The requirement the finding belongs to; absent for a finding about the order as a whole. */
  readonly at?: number;
  readonly confidence: Confidence;
  /** Facts the finding must report, with the values that triggered it. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** The statute the citations must name; by default the CJA 2003 before the Code and the Sentencing Act 2020 under it. */
  readonly cites?: RegExp;
  /** The stage both orders are judged at: 'proposal' (the default, as createValidator) or 'sentence'. */
  readonly stage?: Stage;
}

type Stage = 'proposal' | 'sentence';

const OLD_REGIMES = new Set(['pcc-s-a-2000', 'cja-2003', 'laspo-2012', 'ora-2014']);
const validators = {
  proposal: { compiled: createValidator(), reference: createValidator({ evaluator: 'json-rules-engine' }) },
  sentence: { compiled: createValidator({ stage: 'sentence' }), reference: createValidator({ evaluator: 'json-rules-engine', stage: 'sentence' }) },
} as const;

/** Run an order through both evaluators; they must agree exactly, so every case checks both. */
export async function validateBoth(order: Order, stage: Stage = 'proposal'): Promise<ValidationResult> {
  const a = await validators[stage].compiled.validate(order);
  const b = await validators[stage].reference.validate(order);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  return a;
}

function listFor(result: ValidationResult, kind: Kind): readonly Finding[] {
  if (kind === 'breach') return result.breaches;
  if (kind === 'tension') return result.tensions;
  if (kind === 'advisory') return result.advisories;
  return result.requirements.flatMap((r) => r.findings.filter((f) => f.kind === 'invalid'));
}

const everywhere = (result: ValidationResult): Finding[] => [
  ...result.requirements.flatMap((r) => r.findings),
  ...result.breaches,
  ...result.tensions,
  ...result.advisories,
];

export function describeCodes(title: string, cases: readonly CodeCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`${c.code} when ${c.when}${c.stage ? ` (${c.stage} stage)` : ''}; not in the nearest lawful case`, async () => {
        const result = await validateBoth(c.trigger(), c.stage);
        const found = listFor(result, c.kind).filter((f) => f.code === c.code);
        expect(found.length, `${c.code} among the ${c.kind} findings`).toBeGreaterThan(0);
        const finding = c.at === undefined ? found[0]! : found.find((f) => f.requirementIndex === c.at);
        expect(finding, `${c.code} on requirement ${c.at}`).toBeDefined();
        if (c.at === undefined) expect(finding!.requirementIndex).toBeUndefined();
        else {
          expect(result.requirements[c.at]!.findings).toContain(finding);
          if (c.kind === 'invalid') expect(result.requirements[c.at]!.valid).toBe(false);
        }
        if (c.kind === 'invalid' || c.kind === 'breach') expect(result.ok).toBe(false);
        expect(finding!.facts).toMatchObject(c.facts);
        expect(finding!.message).not.toMatch(/\{[A-Za-z]/);
        expect(finding!.confidence).toBe(c.confidence);
        expect(finding!.citations.length).toBeGreaterThan(0);
        const sources = finding!.citations.map((x) => `${x.source} ${x.provision}`).join(' | ');
        if (c.cites) expect(sources).toMatch(c.cites);
        else if (OLD_REGIMES.has(result.regime.id)) {
          expect(sources).toMatch(/Criminal Justice Act 2003|Powers of Criminal Courts/);
          expect(sources).not.toMatch(/Sentencing Act 2020/);
        } else {
          expect(sources).toMatch(/Sentencing Act 2020/);
          expect(finding!.citations.map((x) => x.source)).not.toContain('Criminal Justice Act 2003');
        }

        const near = await validateBoth(c.near(), c.stage);
        expect(everywhere(near).filter((f) => f.code === c.code)).toEqual([]);
        if (c.at !== undefined && c.kind === 'invalid') expect(near.requirements[c.at]!.valid, `requirement ${c.at} valid in the near case`).toBe(true);
      });
    }
  });
}
