import { parseArgs } from 'node:util';
import { inputJsonSchema } from '../index.js';
import { CliError, write, type CliIo } from './io.js';

export const SCHEMA_USAGE = `Usage: proportionate schema
  Print the JSON Schema (draft 2020-12) of a proposed order, for callers in other languages.`;

export async function runSchema(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    await write(io.stdout, `${SCHEMA_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new CliError(`schema takes no arguments\n${SCHEMA_USAGE}`);
  await write(io.stdout, `${JSON.stringify(inputJsonSchema(), null, 2)}\n`);
  return 0;
}
