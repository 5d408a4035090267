import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LintProblem } from '../../src/cli/lint.js';
import { extraPack } from '../hardening/support.js';
import { cli, repoRoot } from './support.js';

const scratch = mkdtempSync(join(tmpdir(), 'proportionate-lint-'));
let n = 0;
const fileOf = (name: string, content: unknown): string => {
  const dir = join(scratch, `f${n++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

/** Lint one edited copy of the control pack; the problems as --json reports them. */
async function lintPack(edit: (pack: Record<string, any>) => void): Promise<{ code: number; problems: LintProblem[]; file: string }> {
  const pack = extraPack();
  edit(pack);
  const file = fileOf('extra.json', pack);
  const run = await cli(['lint', '--json', file]);
  return { code: run.code, problems: JSON.parse(run.stdout) as LintProblem[], file };
}

const leaf = (pack: Record<string, any>) => pack.rules[0].conditions.all[0];
const RULE = 'LOCAL_HAS_REQUIREMENTS';
const secondRule = (pack: Record<string, any>, name: string, edit: (rule: Record<string, any>) => void = () => undefined) => {
  const rule = structuredClone(pack.rules[0]);
  rule.name = name;
  rule.event.type = name;
  edit(rule);
  pack.rules.push(rule);
};

describe('proportionate lint: a clean pack and the bundled files', () => {
  it('the control pack is clean: exit 0', async () => {
    const { code, problems } = await lintPack(() => undefined);
    expect(problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('every bundled pack and parameter file is clean, and says so', async () => {
    const files = ['rules/cja-2003/curfew.json', 'rules/guidance/provision.json', 'rules/parameters/requirements.json', 'rules/parameters/orders.json'];
    const run = await cli(['lint', ...files]);
    expect(run.stdout).toBe('lint: 4 files, no problems\n');
    expect(run.code).toBe(0);
  });
});

/** Each load-time refusal of test/hardening/pack-refusals.test.ts, found by the linter with its rule and pointer. */
const PACK_REFUSALS: [string, (pack: Record<string, any>) => void, Partial<LintProblem>][] = [
  ['an unknown fact', (p) => (leaf(p).fact = 'order.requirementCuont'), { rule: RULE, pointer: '/rules/0/conditions/all/0/fact', problem: 'unknown fact "order.requirementCuont"' }],
  ['a requirement fact in an order pack', (p) => (leaf(p).fact = 'requirement.months'), { pointer: '/rules/0/conditions/all/0/fact' }],
  ['an unknown parameter', (p) => (leaf(p).fact = 'param.drr.maxMonths'), { pointer: '/rules/0/conditions/all/0/fact' }],
  ['an unknown fact compared against', (p) => (leaf(p).value = { fact: 'order.nope' }), { pointer: '/rules/0/conditions/all/0/value/fact' }],
  ['an unknown fact in the event report', (p) => p.rules[0].event.params.facts.push('order.nope'), { pointer: '/rules/0/event/params/facts/1' }],
  ['a message placeholder the event does not report', (p) => (p.rules[0].event.params.message = 'Band {order.band}'), { pointer: '/rules/0/event/params/message' }],
  ['an unknown operator', (p) => (leaf(p).operator = 'regex'), { pointer: '/rules/0/conditions/all/0/operator', problem: 'unknown operator "regex"' }],
  ['a JSONPath "path"', (p) => (leaf(p).path = '$.length'), { pointer: '/rules/0/conditions/all/0/path' }],
  ['fact params', (p) => (leaf(p).params = { index: 0 }), { pointer: '/rules/0/conditions/all/0' }],
  [
    'a comparison with a parameter that can be null, unguarded',
    (p) => (leaf(p).value = { fact: 'param.drr.minMonths' }),
    { pointer: '/rules/0/conditions/all/0', problem: expect.stringMatching(/null on some dates/) as unknown as string },
  ],
  ['an unknown condition key', (p) => (leaf(p).factt = 'x'), { pointer: '/rules/0/conditions/all/0/factt' }],
  ['an empty "all"', (p) => (p.rules[0].conditions = { all: [] }), { pointer: '/rules/0/conditions/all' }],
  ['a list value for a one-value operator', (p) => (leaf(p).value = [1, 2]), { pointer: '/rules/0/conditions/all/0' }],
  ['a reference to a missing named condition', (p) => (p.rules[0].conditions = { all: [{ condition: 'missing' }] }), { pointer: '/rules/0/conditions/all/0/condition' }],
  [
    'named conditions in a cycle',
    (p) => {
      p.conditions = { a: { any: [{ condition: 'a' }] } };
      p.rules[0].conditions = { all: [{ condition: 'a' }] };
    },
    { rule: 'condition a', pointer: '/conditions/a' },
  ],
  ['a code a bundled pack defines', (p) => (p.rules[0].event.type = 'DRR_NOT_WILLING'), { pointer: '/rules/0/event/type' }],
  ['one code with two kinds', (p) => secondRule(p, 'LOCAL_SECOND', (r) => ((r.event.type = 'LOCAL_HAS_REQUIREMENTS'), (r.event.params.kind = 'tension'))), { rule: 'LOCAL_SECOND', pointer: '/rules/1/event/type' }],
  ['a rule name used in a bundled pack', (p) => (p.rules[0].name = 'DRR_NOT_WILLING'), { rule: 'DRR_NOT_WILLING', pointer: '/rules/0/name' }],
  ['a pack id used by a bundled pack', (p) => (p.id = 'cja-2003/curfew'), { pointer: '/id' }],
  ['a code that is not UPPER_SNAKE_CASE', (p) => (p.rules[0].event.type = 'local-code'), { rule: RULE, pointer: '/rules/0/event/type' }],
  ['an empty citation list', (p) => (p.rules[0].event.params.citations = []), { pointer: '/rules/0/event/params/citations' }],
  ['a citation without a provision', (p) => delete p.rules[0].event.params.citations[0].provision, { pointer: '/rules/0/event/params/citations/0/provision' }],
  ['a rule without a confidence', (p) => delete p.rules[0].event.params.confidence, { pointer: '/rules/0/event/params/confidence' }],
  ['an unknown key in an event', (p) => (p.rules[0].event.params.severity = 'high'), { pointer: '/rules/0/event/params/severity' }],
  ['citations that leave a regime uncovered', (p) => (p.rules[0].event.params.citations[0].regimes = ['cja-2003']), { pointer: '/rules/0/event/params/citations' }],
  ['an invalid finding in an order-scoped pack', (p) => (p.rules[0].event.params.kind = 'invalid'), { pointer: '/rules/0/event/params/kind' }],
  ['a __proto__ key', (p) => Object.defineProperty(leaf(p), '__proto__', { value: 1, enumerable: true }), { pointer: '/rules/0/conditions/all/0/__proto__' }],
  [
    'conditions nested too deep',
    (p) => {
      let node: Record<string, unknown> = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };
      for (let i = 0; i < 40; i++) node = { not: node };
      p.rules[0].conditions = node;
    },
    { pointer: expect.stringMatching(/^\/rules\/0\/conditions(\/not)+$/) as unknown as string },
  ],
  ['more entries than allowed', (p) => (leaf(p).value = Array.from({ length: 10_001 }, (_, i) => i)), { pointer: '/rules/0/conditions/all/0/value' }],
];

describe('proportionate lint: each load-time refusal of a pack, with the rule and a pointer', () => {
  for (const [what, edit, want] of PACK_REFUSALS) {
    it(`finds ${what}`, async () => {
      const { code, problems, file } = await lintPack(edit);
      expect(code).toBe(1);
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0]).toMatchObject({ file, ...want });
    });
  }

  it('a YAML pack: NaN (which JSON cannot write but YAML can) is refused with its pointer', async () => {
    const pack = extraPack();
    leaf(pack).value = '__NAN__';
    const yaml = JSON.stringify(pack).replace('"__NAN__"', '.nan');
    const file = fileOf('extra.yaml', yaml);
    const run = await cli(['lint', '--json', file]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ pointer: '/rules/0/conditions/all/0/value', problem: expect.stringMatching(/NaN is not a JSON number/) });
  });

  it('finds several problems in one pack, each with its rule and pointer, and prints one line each', async () => {
    const pack = extraPack();
    secondRule(pack, 'LOCAL_B', (r) => (r.conditions.all[0].operator = 'regex'));
    secondRule(pack, 'LOCAL_C', (r) => (r.event.params.message = 'Band {order.band}'));
    secondRule(pack, 'LOCAL_D');
    leaf(pack).fact = 'order.nope';
    const file = fileOf('several.json', pack);
    const run = await cli(['lint', file]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `${file} /rules/0/conditions/all/0/fact [LOCAL_HAS_REQUIREMENTS]: unknown fact "order.nope"`,
      `${file} /rules/1/conditions/all/0/operator [LOCAL_B]: unknown operator "regex"`,
      `${file} /rules/2/event/params/message [LOCAL_C]: message names {order.band} but the event's facts do not list it`,
      'lint: 3 problems in 1 of 1 file',
      '',
    ]);
  });

  it('reports every schema problem of a pack at once', async () => {
    const { problems } = await lintPack((p) => {
      delete p.rules[0].event.params.confidence;
      p.rules[0].event.params.citations[0].provision = '';
    });
    expect(problems.map((x) => x.pointer).sort()).toEqual(['/rules/0/event/params/citations/0/provision', '/rules/0/event/params/confidence']);
  });

  it('an edited bundled pack replaces the bundled one (its own codes are not "already defined")', async () => {
    const data = JSON.parse(readFileSync(join(repoRoot, 'rules/cja-2003/curfew.json'), 'utf8'));
    const dir = join(scratch, 'edited', 'rules', 'cja-2003');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'curfew.json'), JSON.stringify(data));
    expect((await cli(['lint', join(dir, 'curfew.json')])).code).toBe(0);
    data.rules[0].conditions = { all: [{ fact: 'requirement.hoursPerDai', operator: 'greaterThan', value: 1 }] };
    writeFileSync(join(dir, 'curfew.json'), JSON.stringify(data));
    const run = await cli(['lint', '--json', join(dir, 'curfew.json')]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ rule: data.rules[0].name, pointer: '/rules/0/conditions/all/0/fact', problem: 'unknown fact "requirement.hoursPerDai"' })]);
  });
});

const value = (from: string, v: number | null, extra: Record<string, unknown> = {}) => ({ from, value: v, source: 'Test source', confidence: 'M', ...extra });
const definition = (values: unknown[], keyedOn = 'sentence') => ({ description: 'Test parameter', type: 'rank', keyedOn, values });
const BANDS = ['low', 'medium', 'high', 'custody'];

/** Each load-time refusal of a parameter file (test/hardening/parameter-refusals.test.ts), with the parameter and a pointer. */
const PARAMETER_REFUSALS: [string, Record<string, unknown>, Partial<LintProblem>][] = [
  ['overlapping dates', { 'local.cap': definition([value('2005-04-04', 1), value('2005-04-04', 2)]) }, { rule: 'parameter local.cap', pointer: '/parameters/local.cap/values/1/from' }],
  ['a date outside 1990-2100', { 'local.cap': definition([value('1989-12-31', 1)]) }, { pointer: '/parameters/local.cap/values/0/from' }],
  ['an unknown source tag', { 'local.cap': definition([value('2005-04-04', 1, { confidence: 'sure' })]) }, { pointer: '/parameters/local.cap/values/0/confidence' }],
  ['a name defined in a bundled file too', { 'drr.minMonths': definition([value('2005-04-04', 6)]) }, { rule: 'parameter drr.minMonths', pointer: '/parameters/drr.minMonths' }],
  ['a band family without custody', Object.fromEntries(BANDS.slice(0, 3).map((b) => [`local.cap.${b}`, definition([value('2005-04-04', 1)])])), { rule: 'parameter local.cap.low', pointer: '/parameters/local.cap.low' }],
  [
    'a family starting on different dates',
    Object.fromEntries(BANDS.map((b) => [`local.cap.${b}`, definition([value(b === 'high' ? '2010-01-01' : '2005-04-04', 1)])])),
    { problem: expect.stringMatching(/starts on different dates/) as unknown as string },
  ],
];

describe('proportionate lint: each load-time refusal of a parameter file, with the parameter and a pointer', () => {
  for (const [what, parameters, want] of PARAMETER_REFUSALS) {
    it(`finds ${what}`, async () => {
      const file = fileOf('local.json', { title: 'Local', parameters });
      const run = await cli(['lint', '--json', file]);
      expect(run.code).toBe(1);
      const problems = JSON.parse(run.stdout) as LintProblem[];
      expect(problems[0]).toMatchObject({ file, ...want });
      expect(problems[0]!.pointer.startsWith('/parameters/')).toBe(true);
    });
  }

  it('a clean parameter file, and a pack using a parameter it defines, are clean together', async () => {
    const params = fileOf('local-params.json', { title: 'Local', parameters: { 'local.cap': definition([value('1990-01-01', 3)]) } });
    const pack = extraPack();
    leaf(pack).value = { fact: 'param.local.cap' };
    const packFile = fileOf('pack.json', pack);
    expect((await cli(['lint', packFile])).code).toBe(1);
    const both = await cli(['lint', params, packFile]);
    expect(both.stdout).toBe('lint: 2 files, no problems\n');
    expect(both.code).toBe(0);
  });

  it('an edited bundled parameter file is checked against the bundled packs that read it', async () => {
    const data = JSON.parse(readFileSync(join(repoRoot, 'rules/parameters/requirements.json'), 'utf8'));
    expect(data.parameters['curfew.maxMonths']).toBeDefined();
    delete data.parameters['curfew.maxMonths'];
    const dir = join(scratch, 'edited-params', 'rules', 'parameters');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'requirements.json'), JSON.stringify(data));
    const run = await cli(['lint', '--json', join(dir, 'requirements.json')]);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as LintProblem[];
    expect(problems[0]).toMatchObject({ file: 'rules/cja-2003/curfew.json', problem: 'unknown fact "param.curfew.maxMonths"' });
    expect(problems[0]!.pointer).toMatch(/^\/rules\/\d+\/conditions\//);
  });

  it('finds problems in an override file (the shape impact --parameters takes), pointing at the parameter', async () => {
    const file = fileOf('what-if.json', { 'drr.maxMonths': [value('2005-04-04', 36)], 'drr.minMonths': [value('2010-01-01', 3), value('2010-01-01', 4)] });
    const run = await cli(['lint', '--json', file]);
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as LintProblem[];
    expect(problems.map((p) => [p.rule, p.pointer])).toEqual([
      ['parameter drr.maxMonths', '/drr.maxMonths'],
      ['parameter drr.minMonths', expect.stringMatching(/^\/drr\.minMonths/)],
    ]);
  });
});

describe('proportionate lint: files and usage', () => {
  it('a file that is not JSON is a problem; a missing file or no file is a usage error', async () => {
    const bad = await cli(['lint', fileOf('bad.json', '{ "id": ')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.json \(whole file\): not valid JSON/);
    const missing = await cli(['lint', join(scratch, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await cli(['lint'])).code).toBe(2);
  });

  it('a file that is none of pack, parameter file or overrides says so', async () => {
    const run = await cli(['lint', '--json', fileOf('order.json', { offender: {} })]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ pointer: '', problem: expect.stringMatching(/^not a rule pack/) });
  });
});
