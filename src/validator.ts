import { deriveOrderFacts, keyDatesOf, STAGES, type Stage } from './facts/order.js';
import { deriveEventFacts, eventFactOrigins, EVENT_FACTS } from './facts/events.js';
import { deriveRequirementFacts, minWeeklyHoursParameter } from './facts/requirement.js';
import type { ParameterOrigin } from './facts/types.js';
import { weakest } from './law/confidence.js';
import { withOverrides, type ParameterTable } from './law/parameters.js';
import { regimeFor } from './law/regimes.js';
import { createResolver } from './law/resolve.js';
import { BUNDLED_PACKS, BUNDLED_PARAMETERS } from './engine/bundled.js';
import { compiledEvaluator } from './engine/compiled.js';
import { type EvaluatorName, type FactLayers, type FactRouter, type PackEvaluator } from './engine/evaluator.js';
import { jsonRulesEngineEvaluator } from './engine/jre.js';
import { ruleTraces, wantsExplain, type RuleOutcome, type RuleTrace } from './engine/trace.js';
import { callerPackSources, loadPacks, type LoadedPack, type PackSource } from './engine/load.js';
import { buildFinding, prepareRule, type PreparedRule } from './findings/build.js';
import { sortFindings } from './findings/order.js';
import type { Finding, ValidationResult } from './findings/types.js';
import { InvalidOrderError, unreadableOrder } from './errors.js';
import { frozenPlainCopy, ownDataOptions, PlainDataError, shownValue } from './freeze.js';
import { groupFindings } from './findings/group.js';
import { ProposedOrderSchema, ProvisionSchema, type ProposedOrder, type Provision } from './schema/order.js';
import { acceptOrder } from './schema/fast-accept.js';
import type { Requirement } from './schema/requirements.js';
import { withAdvice, type Envelope } from './advice/index.js';

export interface ValidatorOptions {
  /** Dated parameter overrides by name: a dated series, one value for all dates, or a new definition. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Extra rule packs, checked exactly as the bundled ones. */
  readonly rules?: readonly (PackSource | unknown)[];
  /** The area's provision, used when an order gives none. */
  readonly provision?: Provision;
  /** `'compiled'` (default) or `'json-rules-engine'`, the reference semantics. Both give identical results. */
  readonly evaluator?: EvaluatorName;
  /**
   * `'proposal'` (default): a PSR being drafted, where what the order must specify but has not yet
   * filled in is an advisory. `'sentence'`: the order the court is about to make, where it is invalid.
   */
  readonly stage?: Stage;
}

export type SafeValidateResult =
  | { readonly success: true; readonly result: ValidationResult }
  | { readonly success: false; readonly error: InvalidOrderError };

/** Per-call options: `explain` adds `trace` to the result (see docs/explain.md). Without options nothing changes. */
export interface ValidateOptions {
  /** One entry per rule run, with its condition tree and what each condition was given (`result.trace`). */
  readonly explain?: boolean;
  /** Verified remedies on each invalid and breach finding, and on tensions that have one (src/advice, docs/advice.md). */
  readonly remedies?: boolean;
}

export interface Validator {
  validate(input: unknown, options?: ValidateOptions): Promise<ValidationResult>;
  safeValidate(input: unknown, options?: ValidateOptions): Promise<SafeValidateResult>;
  /** Synchronous validation; only with the compiled evaluator. */
  validateSync(input: unknown, options?: ValidateOptions): ValidationResult;
  readonly parameters: ParameterTable;
  readonly packs: readonly LoadedPack[];
  /** The lawful envelope of a case, per requirement kind (src/advice/envelope.ts). */
  options(input: unknown): Envelope;
}

interface PreparedPack {
  readonly pack: LoadedPack;
  readonly kinds: ReadonlySet<string> | undefined;
  readonly rules: readonly PreparedRule[];
  readonly evaluator: PackEvaluator;
}

/** A requirement's availability rests on its own parameter and the regime's: made once per legal epoch and kind. */
const availabilityOrigins = new WeakMap<object, Map<string, ParameterOrigin | undefined>>();
function availabilityOrigin(paramOrigins: Readonly<Record<string, ParameterOrigin>>, kind: string): ParameterOrigin | undefined {
  let byKind = availabilityOrigins.get(paramOrigins);
  if (!byKind) availabilityOrigins.set(paramOrigins, (byKind = new Map()));
  if (byKind.has(kind)) return byKind.get(kind);
  const own = paramOrigins[`param.availability.${kind}`];
  const regimeOrigin = paramOrigins['param.communityOrder.available'];
  const origin: ParameterOrigin | undefined =
    own && regimeOrigin ? Object.freeze({ name: own.name, source: own.source, confidence: weakest(own.confidence, regimeOrigin.confidence) }) : undefined;
  byKind.set(kind, origin);
  return origin;
}

/** The origin of a requirement fact drawn from parameters; undefined for the rest, whose origin is the order's. */
function requirementOrigin(paramOrigins: Readonly<Record<string, ParameterOrigin>>, req: Requirement, name: string): ParameterOrigin | undefined {
  if (name === 'requirement.available') return availabilityOrigin(paramOrigins, req.kind);
  if (name === 'requirement.weeklyHoursMinimum' && req.kind === 'drug-rehabilitation') return paramOrigins[`param.${minWeeklyHoursParameter(req.intensity)}`];
  return undefined;
}

/** The area default provision, checked like an order's own; a bad one is refused with its paths. */
function parseProvision(provision: unknown): Provision {
  let plain: unknown;
  try {
    plain = frozenPlainCopy(provision);
  } catch (error) {
    if (error instanceof PlainDataError) throw new TypeError(`Invalid options.provision: ${error.path.length ? `provision.${error.message}` : error.problem}`);
    throw error;
  }
  const parsed = ProvisionSchema.safeParse(plain);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `provision.${i.path.join('.')}: ${i.message}`.replace(/\.:/, ':')).join('; ');
  throw new TypeError(`Invalid options.provision: ${where}`);
}

export function createValidator(given: ValidatorOptions = {}): Validator {
  // Read once, as data: a getter or a Proxy in the options is refused here, not run later.
  const options = ownDataOptions(given, 'options') as ValidatorOptions;
  const parameters = withOverrides(BUNDLED_PARAMETERS, options.parameters);
  const resolver = createResolver(parameters);
  // Parameters live in their own layer; band- and tier-picked families (param.x) are order facts.
  const directParams = new Set(Object.keys(parameters).map((name) => `param.${name}`));
  const route: FactRouter = (name) =>
    name.startsWith('requirement.') ? 'requirement' : directParams.has(name) ? 'params' : Object.hasOwn(EVENT_FACTS, name) ? 'events' : 'order';
  const packs = loadPacks([...BUNDLED_PACKS, ...callerPackSources(options.rules)], parameters);
  const evaluatorName = options.evaluator ?? 'compiled';
  if (evaluatorName !== 'compiled' && evaluatorName !== 'json-rules-engine') throw new TypeError(`Unknown evaluator ${shownValue(evaluatorName)}`);
  const stage = options.stage ?? 'proposal';
  if (!STAGES.includes(stage)) throw new TypeError(`Unknown stage ${shownValue(stage)}; expected ${STAGES.map((s) => `"${s}"`).join(' or ')}`);
  const defaultProvision = options.provision === undefined ? undefined : parseProvision(options.provision);
  const prepared: PreparedPack[] = packs.map((pack) => ({
    pack,
    kinds: pack.kinds ? new Set(pack.kinds) : undefined,
    rules: pack.rules.map((rule) => prepareRule(rule, pack.conditions ?? {}, route)),
    evaluator: evaluatorName === 'compiled' ? compiledEvaluator(pack, route) : jsonRulesEngineEvaluator(pack, route),
  }));

  const parse = (input: unknown): ProposedOrder => {
    let parsed: ReturnType<typeof ProposedOrderSchema.safeParse>;
    let refusal: InvalidOrderError | undefined;
    try {
      // Valid input takes the generated accept path; anything it is not sure of, and every refusal, is zod's.
      parsed = acceptOrder(input) ?? ProposedOrderSchema.safeParse(input);
      // zod words its messages lazily, from the input: a revoked Proxy throws then, not while parsing.
      if (!parsed.success) refusal = new InvalidOrderError(parsed.error.issues);
    } catch (error) {
      throw unreadableOrder(input, error);
    }
    if (refusal) throw refusal;
    return parsed.data!;
  };

  /** Everything up to evaluation: the facts of the order and of each requirement, derived once. */
  const prepare = (order: ProposedOrder) => {
    const dates = keyDatesOf(order);
    const regime = regimeFor(dates);
    const params = resolver.resolve(dates);
    const provision = order.provision ?? defaultProvision;
    const { facts, params: paramFacts, origins, paramOrigins } = deriveOrderFacts(order, dates, params, provision, stage);
    const eventFacts = deriveEventFacts(order, params, facts);
    const coRegime = paramFacts['param.communityOrder.available'] === true;
    const orderLayers: FactLayers = { params: paramFacts, order: facts, events: eventFacts };
    // One set of layers per requirement, shared by every pack run over it.
    const requirements = order.requirements;
    const reqLayers: FactLayers[] = new Array(requirements.length);
    for (let i = 0; i < requirements.length; i++) {
      const requirement = deriveRequirementFacts(requirements[i]!, i, params, coRegime, provision, order.sentenceDate);
      reqLayers[i] = { params: paramFacts, order: facts, events: eventFacts, requirement };
    }
    // A timescale's figure is the standard in force when its clock started: its own origin, not the case's.
    const eventOrigins = eventFactOrigins(eventFacts);
    /**
     * Where a run's fact came from, for the run over requirement `index` or (undefined) over the
     * order: requirement facts drawn from parameters carry those parameters' confidence into
     * findings. One function serves every run of the order.
     */
    const originOf = (name: string, index?: number): ParameterOrigin | undefined =>
      (index === undefined ? undefined : requirementOrigin(paramOrigins, requirements[index]!, name)) ?? origins[name] ?? paramOrigins[name] ?? eventOrigins[name];
    return { regime, originOf, orderLayers, reqLayers };
  };
  type Prepared = ReturnType<typeof prepare>;

  type Run = {
    pack: PreparedPack;
    layers: FactLayers;
    index: number | undefined;
  };
  /** Every pack run over the order, in pack order and, within a requirement pack, requirement order: the order findings are built in. */
  const forEachRun = (order: ProposedOrder, ctx: Prepared, visit: (pack: PreparedPack, layers: FactLayers, index: number | undefined) => void): void => {
    const requirements = order.requirements;
    for (let p = 0; p < prepared.length; p++) {
      const pack = prepared[p]!;
      if (pack.pack.scope === 'order') {
        visit(pack, ctx.orderLayers, undefined);
        continue;
      }
      for (let i = 0; i < requirements.length; i++) {
        if (pack.kinds && !pack.kinds.has(requirements[i]!.kind)) continue;
        visit(pack, ctx.reqLayers[i]!, i);
      }
    }
  };
  const runsFor = (order: ProposedOrder, ctx: Prepared): Run[] => {
    const runs: Run[] = [];
    forEachRun(order, ctx, (pack, layers, index) => runs.push({ pack, layers, index }));
    return runs;
  };
  const originOfRun = (ctx: Prepared, run: Run) => (name: string) => ctx.originOf(name, run.index);

  /** The trace of every rule run. Its nodes are built frozen by the evaluators (a deep freeze afterwards would cost more than the trace). */
  const traceOf = (runs: Run[], outcomes: readonly (readonly RuleOutcome[])[]): readonly RuleTrace[] =>
    Object.freeze(runs.flatMap((run, r) => ruleTraces(run.pack.pack, outcomes[r]!, run.index)));

  /** The findings of a run's fired rules, added to `findings` in rule order. */
  const addFindings = (
    findings: Finding[],
    ctx: Prepared,
    pack: PreparedPack,
    layers: FactLayers,
    index: number | undefined,
    ruleIndices: readonly number[],
  ): void => {
    for (let k = 0; k < ruleIndices.length; k++) findings.push(buildFinding(pack.rules[ruleIndices[k]!]!, layers, ctx.originOf, ctx.regime.id, index));
  };

  const findingsOf = (ctx: Prepared, runs: Run[], fired: readonly (readonly number[])[]): Finding[] => {
    const findings: Finding[] = [];
    for (let r = 0; r < runs.length; r++) addFindings(findings, ctx, runs[r]!.pack, runs[r]!.layers, runs[r]!.index, fired[r]!);
    return findings;
  };

  const assemble = (order: ProposedOrder, ctx: Prepared, findings: Finding[], trace?: readonly RuleTrace[]): ValidationResult => {
    const { requirements, breaches, tensions, advisories } = groupFindings(sortFindings(findings), order.requirements);
    let ok = breaches.length === 0;
    for (let i = 0; ok && i < requirements.length; i++) ok = requirements[i]!.valid;
    // regimeFor gives each case its own object, so it is frozen in place rather than copied.
    const regime = Object.freeze(ctx.regime);
    // Literals rather than spreads, keys in the contract's order (id first, trace last); findings,
    // their lists, requirements, citations and the trace are frozen already: this finishes the job.
    const result: { -readonly [K in keyof ValidationResult]: ValidationResult[K] } =
      order.id === undefined ? { ok, regime, requirements, breaches, tensions, advisories } : { id: order.id, ok, regime, requirements, breaches, tensions, advisories };
    if (trace !== undefined) result.trace = trace;
    return Object.freeze(result);
  };

  /**
   * The list validateSync gathers findings in, kept between calls: the result holds lists of its
   * own, and emptying by pop keeps the list's room (a new list, or one cut to length 0, grows its
   * room again on every call). Taken while in use, so a validation inside one gathers in a new list.
   */
  let spareFindings: Finding[] | undefined = [];

  const validateSync = (input: unknown, options?: ValidateOptions): ValidationResult => {
    if (evaluatorName !== 'compiled') throw new TypeError('validateSync needs the compiled evaluator');
    const explain = wantsExplain(options);
    const order = parse(input);
    const ctx = prepare(order);
    if (explain) {
      const runs = runsFor(order, ctx);
      const fired = runs.map((run) => run.pack.evaluator.runSync!(run.layers));
      // The findings come from the untraced run either way, so explaining cannot change them.
      const trace = traceOf(runs, runs.map((run) => run.pack.evaluator.traceSync!(run.layers, originOfRun(ctx, run))));
      return assemble(order, ctx, findingsOf(ctx, runs, fired), trace);
    }
    // Without a trace no list of runs is kept: each run's findings are built as it ends.
    const findings = spareFindings ?? [];
    spareFindings = undefined;
    try {
      forEachRun(order, ctx, (pack, layers, index) => addFindings(findings, ctx, pack, layers, index, pack.evaluator.runSync!(layers)));
      return assemble(order, ctx, findings);
    } finally {
      while (findings.length > 0) findings.pop();
      spareFindings = findings;
    }
  };

  const validate = async (input: unknown, options?: ValidateOptions): Promise<ValidationResult> => {
    if (evaluatorName === 'compiled') return validateSync(input, options);
    const explain = wantsExplain(options);
    const order = parse(input);
    const ctx = prepare(order);
    const runs = runsFor(order, ctx);
    if (!explain) return assemble(order, ctx, findingsOf(ctx, runs, await Promise.all(runs.map((run) => run.pack.evaluator.run(run.layers)))));
    // One engine run gives both: the rules json-rules-engine reports fired, and its result trees.
    const outcomes = await Promise.all(runs.map((run) => run.pack.evaluator.trace(run.layers, originOfRun(ctx, run))));
    const fired = outcomes.map((o) => o.flatMap((rule, i) => (rule.fired ? [i] : [])));
    return assemble(order, ctx, findingsOf(ctx, runs, fired), traceOf(runs, outcomes));
  };

  const core: Omit<Validator, 'options'> = {
    validate,
    validateSync,
    async safeValidate(input, options) {
      try {
        return { success: true, result: await validate(input, options) };
      } catch (error) {
        if (error instanceof InvalidOrderError) return { success: false, error };
        throw error;
      }
    },
    parameters,
    packs,
  };
  // Advice wraps the core and only calls it; without `remedies` a call goes straight through.
  return withAdvice(core, { provision: defaultProvision, stage, sync: evaluatorName === 'compiled' });
}
