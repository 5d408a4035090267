// Issue 19: a rule's finding is taken apart once at load (src/findings/build.ts) and its lists are
// grouped in one pass (src/findings/group.ts). These pin that the precompiled path says exactly what
// the per-finding regular expression fill said, and that grouping keeps order and freezes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFinding, formatFact, prepareRule } from '../../src/findings/build.js';
import { groupFindings } from '../../src/findings/group.js';
import type { FactLayers, Layer } from '../../src/engine/evaluator.js';
import type { RuleDefinition } from '../../src/engine/pack.js';
import type { FactValue } from '../../src/facts/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { Requirement } from '../../src/schema/requirements.js';

const route = (name: string): Layer => (name.startsWith('requirement.') ? 'requirement' : name.startsWith('param.') ? 'params' : 'order');

function rule(message: string, facts: string[], confidence: 'verified' | 'secondary' | 'unverified' = 'verified'): RuleDefinition {
  return {
    name: 'test rule',
    conditions: { all: [{ fact: 'order.band', operator: 'equal', value: 'low' }] },
    event: { type: 'TEST_CODE', params: { kind: 'tension', message, facts, citations: [{ source: 'A source', provision: 's.1' }], confidence } },
  } as RuleDefinition;
}

/** The fill as it was before precompiling: a regular expression over the message, per finding. */
function oldMessage(message: string, facts: Record<string, FactValue>): string {
  return message.replace(/\{([A-Za-z0-9.-]+)\}/g, (_, name: string) => formatFact(facts[name]));
}

const layers: FactLayers = {
  params: { 'param.limit': 36 },
  order: { 'order.band': 'low', 'order.kinds': ['curfew', 'supervision'], 'order.fine': false, 'need.treatmentRank': null },
  events: {},
  requirement: { 'requirement.months': 12, 'requirement.intensity': 'high' },
};

describe('a precompiled finding says what the per-finding fill said', () => {
  it('fills reported facts, repeated placeholders and placeholders naming no reported fact', () => {
    const r = prepareRule(rule('{order.band} band; {requirement.months} of {param.limit} months; {order.band} again; {not.reported}; kinds {order.kinds}; fine {order.fine}; rank {need.treatmentRank}.', ['order.band', 'requirement.months', 'param.limit', 'order.kinds', 'order.fine', 'need.treatmentRank']), {}, route);
    const f = buildFinding(r, layers, () => undefined, 'cja-2003', 0);
    expect(f.message).toBe('low band; 12 of 36 months; low again; not recorded; kinds curfew, supervision; fine no; rank not recorded.');
    expect(f).toEqual({ code: 'TEST_CODE', kind: 'tension', requirementIndex: 0, message: f.message, facts: { 'order.band': 'low', 'requirement.months': 12, 'param.limit': 36, 'order.kinds': ['curfew', 'supervision'], 'order.fine': false, 'need.treatmentRank': null }, citations: [{ source: 'A source', provision: 's.1' }], confidence: 'verified' });
    expect(Object.keys(f)).toEqual(['code', 'kind', 'requirementIndex', 'message', 'facts', 'citations', 'confidence']);
    // Arrays are the finding's own, not the facts' (the finding is frozen later, the facts are shared).
    expect(f.facts['order.kinds']).not.toBe(layers.order['order.kinds']);
  });

  it('takes the weakest confidence of what the rule reads, and an unverified rule stays unverified', () => {
    const r = prepareRule(rule('{param.limit}', ['param.limit']), {}, route);
    const origin = { name: 'limit', source: 'x', confidence: 'secondary' as const };
    expect(buildFinding(r, layers, (n) => (n === 'param.limit' ? origin : undefined), 'cja-2003', undefined).confidence).toBe('secondary');
    expect(buildFinding(r, layers, () => undefined, 'cja-2003', undefined).confidence).toBe('verified');
    const u = prepareRule(rule('{param.limit}', ['param.limit'], 'unverified'), {}, route);
    expect(buildFinding(u, layers, (n) => (n === 'param.limit' ? origin : undefined), 'cja-2003', undefined).confidence).toBe('unverified');
  });

  it('over generated messages and facts, equals the regular expression fill', () => {
    const names = ['order.band', 'order.kinds', 'order.fine', 'need.treatmentRank', 'requirement.months', 'param.limit', 'not.reported', 'constructor'];
    const piece = fc.oneof(fc.string({ maxLength: 6 }).map((s) => s.replace(/[{}]/g, '')), fc.constantFrom(...names).map((n) => `{${n}}`), fc.constantFrom('{', '}', '{}', '{ x}'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.subarray(names.slice(0, 6)), (pieces, reported) => {
        const message = pieces.join('') || 'x';
        const r = prepareRule(rule(message, reported), {}, route);
        const f = buildFinding(r, layers, () => undefined, 'cja-2003', undefined);
        expect(f.message).toBe(oldMessage(message, f.facts as Record<string, FactValue>));
      }),
      { numRuns: 500 },
    );
  });
});

describe('grouping findings', () => {
  const finding = (code: string, kind: Finding['kind'], requirementIndex?: number): Finding =>
    ({ code, kind, ...(requirementIndex === undefined ? {} : { requirementIndex }), message: code, facts: {}, citations: [], confidence: 'verified' }) as Finding;
  const reqs = [{ kind: 'curfew' }, { kind: 'supervision' }] as unknown as Requirement[];

  it('puts each finding under its requirement and in its kind list, in order, all frozen', () => {
    const sorted = [finding('A', 'invalid', 1), finding('B', 'breach'), finding('C', 'breach', 0), finding('D', 'tension', 1), finding('E', 'advisory')];
    const g = groupFindings(sorted, reqs);
    expect(g.requirements.map((r) => [r.index, r.kind, r.valid, r.findings.map((f) => f.code)])).toEqual([
      [0, 'curfew', true, ['C']],
      [1, 'supervision', false, ['A', 'D']],
    ]);
    expect(g.breaches.map((f) => f.code)).toEqual(['B', 'C']);
    expect(g.tensions.map((f) => f.code)).toEqual(['D']);
    expect(g.advisories.map((f) => f.code)).toEqual(['E']);
    for (const x of [g.requirements, g.breaches, g.tensions, g.advisories, ...g.requirements, ...g.requirements.map((r) => r.findings), ...sorted]) expect(Object.isFrozen(x)).toBe(true);
  });

  it('an order with no findings has empty, valid requirements', () => {
    const g = groupFindings([], reqs);
    expect(g.requirements.every((r) => r.valid && r.findings.length === 0)).toBe(true);
    expect([g.breaches, g.tensions, g.advisories]).toEqual([[], [], []]);
  });
});
