import { createValidator, type Validator, type ValidatorOptions } from '../index.js';
import { CliError, readJson, type CliIo } from './io.js';

/** The validator's options as plain JSON data, so they can be sent to worker threads as they are. */
export interface ValidatorSpec {
  readonly parameters?: Record<string, unknown>;
  readonly rules?: { file: string; data: unknown }[];
  readonly provision?: unknown;
  readonly evaluator?: string;
  /** 'proposal' (default) or 'sentence': see createValidator's `stage`. */
  readonly stage?: string;
}

/** Flags shared by every command that validates: where the law's changes and the area's provision come from. */
export const VALIDATOR_FLAGS = {
  parameters: { type: 'string' },
  rules: { type: 'string', multiple: true },
  provision: { type: 'string' },
  evaluator: { type: 'string' },
  stage: { type: 'string' },
} as const;

export interface ValidatorFlagValues {
  parameters?: string;
  rules?: string[];
  provision?: string;
  evaluator?: string;
  stage?: string;
}

const STAGES = ['proposal', 'sentence'];
const EVALUATORS = ['compiled', 'json-rules-engine'];

export async function loadValidatorSpec(flags: ValidatorFlagValues, io: CliIo): Promise<ValidatorSpec> {
  if (flags.evaluator !== undefined && !EVALUATORS.includes(flags.evaluator))
    throw new CliError(`--evaluator must be one of ${EVALUATORS.join(', ')}, not "${flags.evaluator}"`);
  if (flags.stage !== undefined && !STAGES.includes(flags.stage)) throw new CliError(`--stage must be one of ${STAGES.join(', ')}, not "${flags.stage}"`);
  const spec: { -readonly [K in keyof ValidatorSpec]: ValidatorSpec[K] } = {};
  if (flags.parameters !== undefined) {
    const parameters = await readJson(flags.parameters, io, 'parameters file');
    if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
      throw new CliError(`${flags.parameters} must hold a JSON object of parameter overrides by name`);
    spec.parameters = parameters as Record<string, unknown>;
  }
  if (flags.rules?.length) spec.rules = await Promise.all(flags.rules.map(async (file) => ({ file, data: await readJson(file, io, 'rule pack') })));
  if (flags.provision !== undefined) spec.provision = await readJson(flags.provision, io, 'provision file');
  if (flags.evaluator !== undefined) spec.evaluator = flags.evaluator;
  if (flags.stage !== undefined) spec.stage = flags.stage;
  return spec;
}

/** A validator from a spec; a malformed override, pack or provision is the caller's bad input (exit 2). */
export function validatorFrom(spec: ValidatorSpec): Validator {
  try {
    return createValidator(spec as ValidatorOptions);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
