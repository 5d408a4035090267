import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { PackSource } from '../engine/load.js';
import { applyPatch, JsonPatchError, type JsonPatchOperation } from './json-patch.js';
import { CaseDefinition, type CaseOptions, type Expectation } from './schema.js';

/** A case file, or a case in it, that cannot be run as written: the file and the field are named. */
export class CaseFileError extends Error {
  override name = 'CaseFileError';
  constructor(
    readonly file: string,
    /** Where in the file: `name`, `expect.present.0`, `[2].patch.1`, ... (empty for the file as a whole). */
    readonly field: string,
    readonly problem: string,
    /** The case's name, where it has one. */
    readonly caseName?: string,
  ) {
    super(`${file}${caseName === undefined ? '' : `: case "${caseName}"`}${field ? `: ${field}` : ''}: ${problem}`);
  }
}

/** Validator options with every path read: what createValidator takes, plus the case's stage. */
export interface ResolvedOptions {
  readonly parameters?: Record<string, unknown>;
  readonly rules?: readonly PackSource[];
  readonly provision?: unknown;
  readonly stage?: 'proposal' | 'sentence';
  readonly evaluator?: 'compiled' | 'json-rules-engine';
}

export interface LoadedCase {
  readonly name: string;
  /** The file, as a path relative to the working directory the cases were loaded from. */
  readonly file: string;
  /** The field prefix of this case in its file: `` for a file of one case, `[i].` in a list. */
  readonly at: string;
  readonly input: unknown;
  readonly options: ResolvedOptions;
  readonly expect: Expectation;
}

export interface LoadOptions {
  /** Relative paths are resolved from here, and files are named relative to it. Default: process.cwd(). */
  readonly cwd?: string;
}

const CASE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * The case files a path names: the file itself, or every .yaml, .yml and .json file under a folder
 * (recursively, sorted), except those whose name starts with `_`, which hold bases and fixtures.
 */
export function caseFilesUnder(path: string, cwd = process.cwd()): string[] {
  const full = resolve(cwd, path);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    throw new CaseFileError(path, '', 'no such file or folder');
  }
  if (!stats.isDirectory()) return [full];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const child = join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (CASE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(child);
    }
  };
  walk(full);
  return out;
}

/** JSON or YAML data from a file, by its extension (YAML 1.2: dates stay strings). */
export function readDataFile(file: string, display: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CaseFileError(display, '', code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message);
  }
  try {
    if (extname(file).toLowerCase() === '.json') return JSON.parse(text);
    return parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new CaseFileError(display, '', `not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}${out ? '.' : ''}${step}` : `${out}${out ? '.' : ''}${String(step)}`), '');

interface RawFile {
  readonly display: string;
  readonly cases: readonly CaseDefinition[];
  /** True when the file holds a list, so fields are prefixed with the case's index. */
  readonly isList: boolean;
}

interface Resolved {
  readonly input: unknown;
  readonly options: ResolvedOptions;
}

/** Loads case files, resolving `extends` across files (each file parsed once) and reading every path a case names. */
class CaseLoader {
  private readonly files = new Map<string, RawFile>();
  private readonly resolved = new Map<string, Resolved>();

  constructor(private readonly cwd: string) {}

  display(file: string): string {
    const rel = relative(this.cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  }

  file(full: string): RawFile {
    const cached = this.files.get(full);
    if (cached) return cached;
    const display = this.display(full);
    const data = readDataFile(full, display);
    const isList = Array.isArray(data);
    const list = isList ? data : [data];
    if (list.length === 0) throw new CaseFileError(display, '', 'the list of cases is empty');
    const cases = list.map((raw, i) => {
      const prefix = isList ? `[${i}]` : '';
      const name = raw !== null && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : undefined;
      const parsed = CaseDefinition.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]! as z.core.$ZodIssue & { keys?: string[] };
        const path = issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issue.path, issue.keys[0]!] : issue.path;
        const field = [prefix, fieldOf(path)].filter(Boolean).join('.');
        const problem = issue.code === 'unrecognized_keys' ? `unknown field (${issue.message})` : issue.message;
        throw new CaseFileError(display, field || '(case)', problem, name);
      }
      return parsed.data;
    });
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      if (seen.has(c.name)) throw new CaseFileError(display, isList ? `[${i}].name` : 'name', 'two cases in this file have this name', c.name);
      seen.add(c.name);
    });
    const entry = { display, cases, isList };
    this.files.set(full, entry);
    return entry;
  }

  /** The input and options of case `index` in `full`, with its base applied first. */
  resolve(full: string, index: number, trail: readonly string[] = []): Resolved {
    const key = `${full}#${index}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const raw = this.file(full);
    const def = raw.cases[index]!;
    const at = (field: string) => (raw.isList ? `[${index}].${field}` : field);
    const fail = (field: string, problem: string): never => {
      throw new CaseFileError(raw.display, at(field), problem, def.name);
    };
    if (trail.includes(key)) fail('extends', 'cases extend each other in a cycle');
    const dir = dirname(full);
    const readRelative = (path: string, field: string): unknown => {
      try {
        return readDataFile(resolve(dir, path), this.display(resolve(dir, path)));
      } catch (error) {
        if (error instanceof CaseFileError) return fail(field, `${path}: ${error.problem}`);
        throw error;
      }
    };

    let base: Resolved | undefined;
    if (def.extends !== undefined) {
      const { file, name } = typeof def.extends === 'string' ? splitExtends(def.extends) : def.extends;
      const baseFile = file === undefined ? full : resolve(dir, file);
      let baseRaw: RawFile;
      try {
        baseRaw = this.file(baseFile);
      } catch (error) {
        if (error instanceof CaseFileError && baseFile !== full) return fail('extends', `${file}: ${error.message.startsWith(error.file) ? error.message.slice(error.file.length + 2) : error.message}`);
        throw error;
      }
      let baseIndex: number;
      if (name !== undefined) {
        baseIndex = baseRaw.cases.findIndex((c) => c.name === name);
        if (baseIndex < 0) fail('extends', `${file ?? 'this file'} has no case named "${name}"`);
      } else {
        if (baseRaw.cases.length !== 1) fail('extends', `${file ?? 'this file'} holds ${baseRaw.cases.length} cases: name the one to extend (path#name)`);
        baseIndex = 0;
      }
      if (baseFile === full && baseIndex === index) fail('extends', 'a case cannot extend itself');
      base = this.resolve(baseFile, baseIndex, [...trail, key]);
    }

    let input: unknown = base ? base.input : typeof def.input === 'string' ? readRelative(def.input, 'input') : def.input;
    if (def.patch) {
      try {
        input = applyPatch(input, def.patch as JsonPatchOperation[]);
      } catch (error) {
        if (error instanceof JsonPatchError) fail(`patch.${error.index}`, error.problem);
        throw error;
      }
    }

    const own = def.options ?? ({} as CaseOptions);
    const options: Record<string, unknown> = { ...(base?.options ?? {}) };
    if (own.parameters !== undefined) {
      const parameters = typeof own.parameters === 'string' ? readRelative(own.parameters, 'options.parameters') : own.parameters;
      if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) fail('options.parameters', 'must be an object of parameter overrides by name');
      options.parameters = parameters;
    }
    if (own.rules !== undefined) options.rules = own.rules.map((path, i) => ({ file: this.display(resolve(dir, path)), data: readRelative(path, `options.rules.${i}`) }));
    if (own.provision !== undefined) options.provision = typeof own.provision === 'string' ? readRelative(own.provision, 'options.provision') : own.provision;
    if (own.stage !== undefined) options.stage = own.stage;
    if (own.evaluator !== undefined) options.evaluator = own.evaluator;

    const result: Resolved = { input, options: options as ResolvedOptions };
    this.resolved.set(key, result);
    return result;
  }
}

/** `path`, `#name` or `path#name`. */
function splitExtends(text: string): { file?: string; name?: string } {
  const hash = text.indexOf('#');
  if (hash < 0) return { file: text };
  const file = text.slice(0, hash);
  const name = text.slice(hash + 1);
  return { ...(file ? { file } : {}), ...(name ? { name } : {}) };
}

/**
 * Every case in the files and folders named, in order, each with its input and options resolved.
 * Throws CaseFileError, naming the file and the field, for anything that cannot be run as written.
 */
export function loadCases(paths: readonly string[], options: LoadOptions = {}): LoadedCase[] {
  const cwd = options.cwd ?? process.cwd();
  const loader = new CaseLoader(cwd);
  const out: LoadedCase[] = [];
  const done = new Set<string>();
  for (const path of paths) {
    for (const full of caseFilesUnder(path, cwd)) {
      if (done.has(full)) continue;
      done.add(full);
      const raw = loader.file(full);
      raw.cases.forEach((def, index) => {
        const { input, options: resolvedOptions } = loader.resolve(full, index);
        out.push({ name: def.name, file: raw.display, at: raw.isList ? `[${index}].` : '', input, options: resolvedOptions, expect: def.expect });
      });
    }
  }
  return out;
}
