import { deriveOrderFacts, keyDatesOf } from './facts/order.js';
import { deriveEventFacts, EVENT_FACTS } from './facts/events.js';
import { deriveRequirementFacts, minWeeklyHoursParameter } from './facts/requirement.js';
import type { ParameterOrigin } from './facts/types.js';
import { weakest } from './law/confidence.js';
import { withOverrides, type ParameterTable } from './law/parameters.js';
import { REGIME_IDS, regimeFor, type RegimeId } from './law/regimes.js';
import { createResolver } from './law/resolve.js';
import { BUNDLED_PACKS, BUNDLED_PARAMETERS } from './engine/bundled.js';
import { compiledEvaluator } from './engine/compiled.js';
import { lookup, type EvaluatorName, type FactLayers, type FactRouter, type PackEvaluator } from './engine/evaluator.js';
import { jsonRulesEngineEvaluator } from './engine/jre.js';
import { loadPacks, type LoadedPack, type PackSource } from './engine/load.js';
import { buildFinding, factsReadBy, type PreparedRule } from './findings/build.js';
import { compareFindings } from './findings/order.js';
import type { Finding, ValidationResult } from './findings/types.js';
import { InvalidOrderError } from './errors.js';
import { deepFreeze } from './freeze.js';
import { freezeFinding, freezeShallow } from './findings/freeze.js';
import { ProposedOrderSchema, ProvisionSchema, type ProposedOrder, type Provision } from './schema/order.js';

export interface ValidatorOptions {
  /** Dated parameter overrides by name: a dated series, one value for all dates, or a new definition. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Extra rule packs, checked exactly as the bundled ones. */
  readonly rules?: readonly (PackSource | unknown)[];
  /** The area's provision, used when an order gives none. */
  readonly provision?: Provision;
  /** `'compiled'` (default) or `'json-rules-engine'`, the reference semantics. Both give identical results. */
  readonly evaluator?: EvaluatorName;
}

export type SafeValidateResult =
  | { readonly success: true; readonly result: ValidationResult }
  | { readonly success: false; readonly error: InvalidOrderError };

export interface Validator {
  validate(input: unknown): Promise<ValidationResult>;
  safeValidate(input: unknown): Promise<SafeValidateResult>;
  /** Synchronous validation; only with the compiled evaluator. */
  validateSync(input: unknown): ValidationResult;
  readonly parameters: ParameterTable;
  readonly packs: readonly LoadedPack[];
}

interface PreparedPack {
  readonly pack: LoadedPack;
  readonly kinds: ReadonlySet<string> | undefined;
  readonly rules: readonly PreparedRule[];
  readonly evaluator: PackEvaluator;
}

const asSource = (r: unknown, i: number): PackSource =>
  r !== null && typeof r === 'object' && 'file' in r && 'data' in r ? (r as PackSource) : { file: `options.rules[${i}]`, data: r };

/** The area default provision, checked like an order's own; a bad one is refused with its paths. */
function parseProvision(provision: unknown): Provision {
  const parsed = ProvisionSchema.safeParse(provision);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `provision.${i.path.join('.')}: ${i.message}`.replace(/\.:/, ':')).join('; ');
  throw new TypeError(`Invalid options.provision: ${where}`);
}

export function createValidator(options: ValidatorOptions = {}): Validator {
  const parameters = withOverrides(BUNDLED_PARAMETERS, options.parameters as Record<string, unknown> | undefined);
  const resolver = createResolver(parameters);
  // Parameters live in their own layer; band- and tier-picked families (param.x) are order facts.
  const directParams = new Set(Object.keys(parameters).map((name) => `param.${name}`));
  const route: FactRouter = (name) =>
    name.startsWith('requirement.') ? 'requirement' : directParams.has(name) ? 'params' : Object.hasOwn(EVENT_FACTS, name) ? 'events' : 'order';
  const packs = loadPacks([...BUNDLED_PACKS, ...(options.rules ?? []).map(asSource)], parameters);
  const evaluatorName = options.evaluator ?? 'compiled';
  if (evaluatorName !== 'compiled' && evaluatorName !== 'json-rules-engine') throw new TypeError(`Unknown evaluator "${String(evaluatorName)}"`);
  const defaultProvision = options.provision === undefined ? undefined : parseProvision(options.provision);
  const prepared: PreparedPack[] = packs.map((pack) => ({
    pack,
    kinds: pack.kinds ? new Set(pack.kinds) : undefined,
    rules: pack.rules.map((rule) => ({
      rule,
      reads: factsReadBy(rule, pack.conditions ?? {}),
      citations: deepFreeze(
        Object.fromEntries(
          REGIME_IDS.map((id) => [id, rule.event.params.citations.filter((c) => !c.regimes || c.regimes.includes(id)).map(({ regimes: _r, ...c }) => c)]),
        ) as unknown as Record<RegimeId, PreparedRule["citations"][RegimeId]>,
      ),
    })),
    evaluator: evaluatorName === 'compiled' ? compiledEvaluator(pack, route) : jsonRulesEngineEvaluator(pack, route),
  }));

  const parse = (input: unknown): ProposedOrder => {
    const parsed = ProposedOrderSchema.safeParse(input);
    if (!parsed.success) throw new InvalidOrderError(parsed.error.issues);
    return parsed.data;
  };

  /** Everything up to evaluation: the facts of the order and of each requirement, derived once. */
  const prepare = (order: ProposedOrder) => {
    const dates = keyDatesOf(order);
    const regime = regimeFor(dates);
    const params = resolver.resolve(dates);
    const provision = order.provision ?? defaultProvision;
    const { facts, params: paramFacts, origins, paramOrigins } = deriveOrderFacts(order, dates, params, provision);
    const eventFacts = deriveEventFacts(order, params, facts);
    const coRegime = paramFacts['param.communityOrder.available'] === true;
    const reqFacts = order.requirements.map((r, i) => deriveRequirementFacts(r, i, params, coRegime, provision));
    const regimeOrigin = paramOrigins['param.communityOrder.available'];
    // Requirement facts drawn from parameters carry those parameters' confidence into findings.
    const reqOrigins = order.requirements.map((r) => {
      const own = paramOrigins[`param.availability.${r.kind}`];
      const map: Record<string, ParameterOrigin> = {};
      if (own && regimeOrigin) map['requirement.available'] = { name: own.name, source: own.source, confidence: weakest(own.confidence, regimeOrigin.confidence) };
      const minimum = r.kind === 'drug-rehabilitation' ? paramOrigins[`param.${minWeeklyHoursParameter(r.intensity)}`] : undefined;
      if (minimum) map['requirement.weeklyHoursMinimum'] = minimum;
      return map;
    });
    const originOf = (name: string): ParameterOrigin | undefined => origins[name] ?? paramOrigins[name];
    return { regime, facts, paramFacts, eventFacts, originOf, reqFacts, reqOrigins };
  };

  type Run = {
    pack: PreparedPack;
    layers: FactLayers;
    originOf: (fact: string) => ParameterOrigin | undefined;
    index: number | undefined;
  };
  const runsFor = (order: ProposedOrder, ctx: ReturnType<typeof prepare>): Run[] => {
    const runs: Run[] = [];
    const orderLayers: FactLayers = { params: ctx.paramFacts, order: ctx.facts, events: ctx.eventFacts };
    for (const pack of prepared) {
      if (pack.pack.scope === 'order') {
        runs.push({ pack, layers: orderLayers, originOf: ctx.originOf, index: undefined });
        continue;
      }
      for (let i = 0; i < order.requirements.length; i++) {
        if (pack.kinds && !pack.kinds.has(order.requirements[i]!.kind)) continue;
        const own = ctx.reqOrigins[i]!;
        runs.push({
          pack,
          layers: { params: ctx.paramFacts, order: ctx.facts, events: ctx.eventFacts, requirement: ctx.reqFacts[i]! },
          originOf: (name) => own[name] ?? ctx.originOf(name),
          index: i,
        });
      }
    }
    return runs;
  };

  const assemble = (order: ProposedOrder, ctx: ReturnType<typeof prepare>, runs: Run[], fired: number[][]): ValidationResult => {
    const findings: Finding[] = [];
    runs.forEach((run, r) => {
      for (const ruleIndex of fired[r]!) findings.push(buildFinding(run.pack.rules[ruleIndex]!, (name) => lookup(run.layers, route, name), run.originOf, ctx.regime.id, run.index));
    });
    findings.sort(compareFindings);
    const requirements = order.requirements.map((req, index) => {
      const own = findings.filter((f) => f.requirementIndex === index);
      return { index, kind: req.kind, valid: !own.some((f) => f.kind === 'invalid'), findings: own };
    });
    for (const f of findings) freezeFinding(f);
    for (const r of requirements) Object.freeze(r.findings) && Object.freeze(r);
    const breaches = findings.filter((f) => f.kind === 'breach');
    return freezeShallow({
      ok: breaches.length === 0 && requirements.every((r) => r.valid),
      regime: { ...ctx.regime },
      requirements,
      breaches,
      tensions: findings.filter((f) => f.kind === 'tension'),
      advisories: findings.filter((f) => f.kind === 'advisory'),
    });
    // Findings, requirements and citations are frozen already; freezing the top level finishes the job.
  };

  const validateSync = (input: unknown): ValidationResult => {
    if (evaluatorName !== 'compiled') throw new TypeError('validateSync needs the compiled evaluator');
    const order = parse(input);
    const ctx = prepare(order);
    const runs = runsFor(order, ctx);
    return assemble(order, ctx, runs, runs.map((run) => run.pack.evaluator.runSync!(run.layers)));
  };

  const validate = async (input: unknown): Promise<ValidationResult> => {
    if (evaluatorName === 'compiled') return validateSync(input);
    const order = parse(input);
    const ctx = prepare(order);
    const runs = runsFor(order, ctx);
    const fired = await Promise.all(runs.map((run) => run.pack.evaluator.run(run.layers)));
    return assemble(order, ctx, runs, fired);
  };

  return {
    validate,
    validateSync,
    async safeValidate(input) {
      try {
        return { success: true, result: await validate(input) };
      } catch (error) {
        if (error instanceof InvalidOrderError) return { success: false, error };
        throw error;
      }
    },
    parameters,
    packs,
  };
}
