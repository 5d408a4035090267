import { deepFreeze, frozenPlainCopy, PlainDataError } from '../freeze.js';
import { ParameterError, ParameterFile, tableProblems, type ParameterDefinition, type ParameterTable } from '../law/parameters.js';
import type { PackSource } from './load.js';
import { PACK_FILES, PARAMETER_FILES } from './bundled.generated.js';

export const BUNDLED_PACKS: readonly PackSource[] = PACK_FILES;

/**
 * Parse every parameter file and merge them into one frozen table. Refused, with the file and the
 * parameter named: anything that is not plain JSON data (a `__proto__` key among them), a malformed
 * definition (two values from the same day included), a name defined in two files, and a family
 * left with a gap (see tableProblems).
 */
export function parameterTable(files: readonly PackSource[]): ParameterTable {
  const table: Record<string, ParameterDefinition> = {};
  const home = new Map<string, string>();
  for (const { file, data } of files) {
    let copy: unknown;
    try {
      copy = frozenPlainCopy(data);
    } catch (error) {
      if (!(error instanceof PlainDataError)) throw error;
      throw new ParameterError(`${file}: ${error.message}`, error.path[0] === 'parameters' && error.path[1] !== undefined ? String(error.path[1]) : undefined, file);
    }
    const parsed = ParameterFile.safeParse(copy);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const parameter = issue.path[0] === 'parameters' && issue.path[1] !== undefined ? String(issue.path[1]) : undefined;
      const where = parameter ? `parameter ${parameter}${issue.path.length > 2 ? ` ${issue.path.slice(2).join('.')}` : ''}` : issue.path.join('.') || '(file)';
      throw new ParameterError(`${file}: ${where}: ${issue.message}`, parameter, file);
    }
    for (const [name, definition] of Object.entries(parsed.data.parameters)) {
      const other = home.get(name);
      if (other) throw new ParameterError(`${file}: parameter ${name} is also defined in ${other}`, name, file);
      home.set(name, file);
      table[name] = definition;
    }
  }
  const gap = tableProblems(table)[0];
  if (gap) throw new ParameterError(`${home.get(gap.parameter) ?? 'parameters'}: ${gap.problem}`, gap.parameter, home.get(gap.parameter));
  return deepFreeze(table);
}

export const BUNDLED_PARAMETERS: ParameterTable = parameterTable(PARAMETER_FILES);
