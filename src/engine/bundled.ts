import { ParameterError, ParameterFile, type ParameterDefinition, type ParameterTable } from '../law/parameters.js';
import type { PackSource } from './load.js';
import { PACK_FILES, PARAMETER_FILES } from './bundled.generated.js';

export const BUNDLED_PACKS: readonly PackSource[] = PACK_FILES;

/** Parse every parameter file and merge them into one table; a name defined twice is refused. */
export function parameterTable(files: readonly PackSource[]): ParameterTable {
  const table: Record<string, ParameterDefinition> = {};
  const home: Record<string, string> = {};
  for (const { file, data } of files) {
    const parsed = ParameterFile.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ParameterError(`${file}: parameter ${issue.path.slice(1, 2).join('') || ''} ${issue.path.slice(2).join('.')}: ${issue.message}`.replace(/\s+/g, ' '));
    }
    for (const [name, definition] of Object.entries(parsed.data.parameters)) {
      if (home[name]) throw new ParameterError(`${file}: parameter ${name} is also defined in ${home[name]}`);
      home[name] = file;
      table[name] = definition;
    }
  }
  return Object.freeze(table);
}

export const BUNDLED_PARAMETERS: ParameterTable = parameterTable(PARAMETER_FILES);
