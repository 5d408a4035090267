import { z } from 'zod';
import { PackDefinition } from './pack.js';

/**
 * JSON Schema of a rule pack, written to rules/pack.schema.json so editors can check a pack as a
 * policy team writes it. Conditions are checked further at load (facts, operators, references).
 */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PackDefinition, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
