/**
 * proportionate: is a proposed community order with a drug rehabilitation or alcohol treatment
 * requirement lawful and proportionate? Rules are data (rules/), every finding cites its law.
 */
export { createValidator } from './validator.js';
export type { Validator, ValidatorOptions, SafeValidateResult } from './validator.js';
export { InvalidOrderError, type InputIssue } from './errors.js';
export { RulePackError } from './engine/load.js';
export { ParameterError } from './law/parameters.js';
export type { Finding, FindingCitation, RequirementResult, ValidationResult } from './findings/types.js';
export type { Remedy } from './findings/types.js';
export type { Envelope, KindEnvelope, QuantityEnvelope, EnvelopeLimit, ConditionalLimit, ConditionEnvelope, TensionEnvelope, IntensityEnvelope, OrderEnvelope, JsonPatch, PatchOperation } from './advice/index.js';
export { applyPatch, JsonPatchError } from './advice/index.js';
export type { ValidateOptions } from './validator.js';
export type { RuleTrace, TraceCondition, TraceLeaf, TraceAll, TraceAny, TraceNot, TraceReference, TraceParameter, TraceOutcome } from './engine/trace.js';
export { describeLeaf, explainCode, explainFindings, explainRule, reasonsFor, type ExplainableResult, type ExplainableFindings } from './engine/trace-words.js';
export type { FindingKind } from './engine/pack.js';
export type { Confidence } from './law/confidence.js';
export type { Regime, RegimeId } from './law/regimes.js';
export { REGIMES, regimeFor } from './law/regimes.js';
export * from './schema/index.js';
export { inputJsonSchema } from './schema/json-schema.js';
