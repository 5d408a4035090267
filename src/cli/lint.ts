import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { toPointer } from '../cases/json-patch.js';
import { BUNDLED_PACKS, BUNDLED_PARAMETERS, parameterTable } from '../engine/bundled.js';
import { PARAMETER_FILES } from '../engine/bundled.generated.js';
import { loadPacks, RulePackError, type PackSource } from '../engine/load.js';
import { PackDefinition } from '../engine/pack.js';
import { frozenPlainCopy, PlainDataError } from '../freeze.js';
import { ParameterError, ParameterFile, withOverrides, type ParameterTable } from '../law/parameters.js';
import { CliError, resolvePath, write, type CliIo } from './io.js';

export const LINT_USAGE = `Usage: proportionate lint [--json] FILE...
  Run every load-time check on rule packs, parameter files and parameter override files (JSON or
  YAML), as the library would when it loads them: each problem with its file, its rule or
  parameter, and a JSON pointer to the place. A file under rules/ replaces the bundled file of the
  same path; any other pack or parameter file is checked beside the bundled ones. Files named
  together are checked together (a pack may use a parameter defined in a parameter file beside it).
  --json                 a JSON array of { file, rule, pointer, problem }
Exit: 0 no problem, 1 a problem, 2 a file that cannot be read or a usage error.`;

export interface LintProblem {
  readonly file: string;
  /** The rule's name, `condition NAME`, `parameter NAME`, or `pack ID`; absent for the file as a whole. */
  readonly rule?: string;
  /** RFC 6901 pointer into the file; "" is the whole file. */
  readonly pointer: string;
  readonly problem: string;
}

type Json = Record<string, unknown>;
type Role = 'pack' | 'parameters' | 'overrides';

interface Linted {
  readonly display: string;
  readonly role: Role;
  /** The bundled file this one stands in for (same path under rules/), if any. */
  readonly replaces?: string;
  /** A working copy: problems found are cut out of it so that the next check can run. */
  data: unknown;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a file is, by its shape: a pack has rules, a parameter file has parameters, an override file is keyed by dotted names. */
function roleOf(data: unknown): Role | undefined {
  if (!isObject(data)) return undefined;
  if ('rules' in data || 'scope' in data || 'law' in data || (typeof data.$schema === 'string' && data.$schema.endsWith('pack.schema.json'))) return 'pack';
  if ('parameters' in data) return 'parameters';
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((k) => k.includes('.')) ? 'overrides' : undefined;
}

/** The bundled file whose path this one ends with (`.../rules/cja-2003/curfew.json`), if any. */
function bundledFileFor(fullPath: string, bundled: readonly PackSource[]): string | undefined {
  const posix = fullPath.replace(/\\/g, '/');
  return bundled.find((b) => posix.endsWith(`/${b.file}`) || posix === b.file)?.file;
}

const at = (value: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, step) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined), value);

const commonPrefix = (paths: readonly (string | number)[][]): (string | number)[] => {
  const [first, ...rest] = paths;
  const out: (string | number)[] = [];
  for (let i = 0; i < first!.length && rest.every((p) => p[i] === first![i]); i++) out.push(first![i]!);
  return out;
};

/** The pointer of a zod issue, down to an unknown key where the issue names one. */
const issuePath = (issue: { path: readonly PropertyKey[]; code: string; keys?: readonly string[] }): (string | number)[] => [
  ...issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
  ...(issue.code === 'unrecognized_keys' && issue.keys?.length ? [issue.keys[0]!] : []),
];

/**
 * Where in a pack a refusal points. The loader names the rule; within it, the place is the one
 * holding what the problem quotes (`unknown fact "x"` -> that fact; `{x}` -> the message naming
 * it), or where several do, the nearest node holding them all; else the part the problem is about.
 */
function locateInPack(data: unknown, error: RulePackError, reload: (data: unknown) => RulePackError | undefined): (string | number)[] {
  let base: (string | number)[] = [];
  const rules = isObject(data) && Array.isArray(data.rules) ? data.rules : [];
  if (error.rule?.startsWith('condition ')) {
    const name = error.rule.slice('condition '.length);
    if (isObject(data) && isObject(data.conditions) && Object.hasOwn(data.conditions, name)) base = ['conditions', name];
  } else if (error.rule !== undefined) {
    const byName = rules.findIndex((r) => isObject(r) && r.name === error.rule);
    const byIndex = /^#(\d+)$/.exec(error.rule);
    if (byName >= 0) base = ['rules', byName];
    else if (byIndex) base = ['rules', Number(byIndex[1])];
  }
  const quoted = [...error.problem.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const placeholders = [...error.problem.matchAll(/\{([A-Za-z0-9.-]+)\}/g)].map((m) => `{${m[1]}}`);
  const matches: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      if (quoted.includes(node) || placeholders.some((p) => node.includes(p))) matches.push(path);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const step = Array.isArray(node) ? Number(key) : key;
      if (!Array.isArray(node) && quoted.includes(key)) matches.push([...path, step]);
      walk(child, [...path, step]);
    }
  };
  walk(at(data, base), base);
  if (matches.length === 1) return matches[0]!;
  // Several places hold what the problem quotes (or none does): ask the loader which leaf it means.
  const leaf = culpritLeaf(data, base, error, reload);
  if (leaf) return leaf;
  if (matches.length) return commonPrefix(matches);
  const within = (...more: string[]) => (at(data, [...base, ...more]) === undefined ? base : [...base, ...more]);
  if (base[0] !== 'rules') return base;
  if (/citation/.test(error.problem)) return within('event', 'params', 'citations');
  if (/^rule name/.test(error.problem)) return within('name');
  if (/^code /.test(error.problem)) return within('event', 'type');
  if (/invalid finding/.test(error.problem)) return within('event', 'params', 'kind');
  if (/condition/.test(error.problem)) return within('conditions');
  return base;
}

/** A condition that reads nothing unusual, valid in any pack: what a suspect leaf is swapped for. */
const NEUTRAL_LEAF = { fact: 'order.requirementCount', operator: 'greaterThan', value: 0 };

/**
 * The condition leaf a refusal is about, found by asking the loader itself: swap each leaf of the
 * rule for a neutral one, and the leaf whose swap makes this refusal go away is the culprit. So a
 * check added to the loader later is located without the linter knowing its wording.
 */
function culpritLeaf(data: unknown, base: (string | number)[], error: RulePackError, reload: (data: unknown) => RulePackError | undefined): (string | number)[] | undefined {
  if (base.length === 0) return undefined;
  const leaves: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (!isObject(node)) return;
    if ('fact' in node || 'operator' in node || 'value' in node || 'path' in node || 'params' in node) return void leaves.push(path);
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((c, i) => walk(c, [...path, key, i]));
    if ('not' in node) walk(node.not, [...path, 'not']);
  };
  walk(at(data, [...base, 'conditions']) ?? at(data, base), at(data, [...base, 'conditions']) === undefined ? base : [...base, 'conditions']);
  if (leaves.length > 200) return undefined;
  for (const path of leaves) {
    const copy = structuredClone(data);
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = { ...NEUTRAL_LEAF };
    const again = reload(copy);
    if (!again || again.rule !== error.rule || again.problem !== error.problem) return path;
  }
  return undefined;
}

const withoutFilePrefix = (message: string, file: string | undefined) => (file && message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message);

/** Every problem in the parameter files, as parameterTable finds them one at a time; the table that results. */
function lintParameterFiles(linted: readonly Linted[], problems: LintProblem[]): ParameterTable | undefined {
  const files = linted.filter((l) => l.role === 'parameters');
  if (files.length === 0) return undefined;
  const replaced = new Set(files.map((f) => f.replaces).filter(Boolean));
  let sources: { file: string; data: unknown; linted?: Linted }[] = [
    ...PARAMETER_FILES.filter((p) => !replaced.has(p.file)),
    ...files.map((l) => ({ file: l.display, data: l.data, linted: l })),
  ];
  for (let attempt = 0; attempt < 1000; attempt++) {
    try {
      return parameterTable(sources);
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      const source = sources.find((s) => s.file === error.file);
      const file = error.file ?? 'parameters';
      const rule = error.parameter === undefined ? undefined : `parameter ${error.parameter}`;
      if (!source) {
        problems.push({ file, ...(rule ? { rule } : {}), pointer: '', problem: withoutFilePrefix(error.message, error.file) });
        return undefined;
      }
      // The loader reports its schema's first issue; the schema itself gives every one, each with its path.
      const plain = plainProblem(source.data);
      const parsed = plain ? undefined : ParameterFile.safeParse(source.data);
      if (plain) problems.push({ file, pointer: toPointer(plain.path), problem: plain.message });
      else if (parsed && !parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issuePath(issue);
          const name = path[0] === 'parameters' && path[1] !== undefined ? String(path[1]) : undefined;
          problems.push({ file, ...(name ? { rule: `parameter ${name}` } : {}), pointer: toPointer(path), problem: issue.message });
        }
      } else {
        const values = error.parameter === undefined ? undefined : at(source.data, ['parameters', error.parameter, 'values']);
        const index = Array.isArray(values) && error.from !== undefined ? values.findIndex((v) => isObject(v) && v.from === error.from) : -1;
        const path = error.parameter === undefined ? [] : ['parameters', error.parameter, ...(index >= 0 ? ['values', index] : [])];
        problems.push({ file, ...(rule ? { rule } : {}), pointer: toPointer(path), problem: withoutFilePrefix(error.message, error.file) });
      }
      // Cut out what was reported (the parameter, or the whole file) and look again.
      const parameters = isObject(source.data) ? source.data.parameters : undefined;
      if (!plain && parsed?.success !== false && error.parameter !== undefined && isObject(parameters) && Object.hasOwn(parameters, error.parameter)) {
        const rest = { ...parameters };
        delete rest[error.parameter];
        source.data = { ...(source.data as Json), parameters: rest };
      } else sources = sources.filter((s) => s !== source);
    }
  }
  return undefined;
}

function plainProblem(data: unknown): PlainDataError | undefined {
  try {
    frozenPlainCopy(data);
    return undefined;
  } catch (error) {
    if (error instanceof PlainDataError) return error;
    throw error;
  }
}

/** Every problem in override files, as withOverrides finds them one at a time; the table with the good overrides applied. */
function lintOverrides(linted: readonly Linted[], table: ParameterTable, problems: LintProblem[]): ParameterTable {
  let out = table;
  for (const l of linted.filter((x) => x.role === 'overrides')) {
    let work = { ...(l.data as Json) };
    for (let attempt = 0; attempt < 1000; attempt++) {
      try {
        out = withOverrides(out, work);
        break;
      } catch (error) {
        if (!(error instanceof ParameterError)) throw error;
        const name = error.parameter;
        const series = name === undefined ? undefined : work[name];
        const index = Array.isArray(series) && error.from !== undefined ? series.findIndex((v) => isObject(v) && v.from === error.from) : -1;
        problems.push({ file: l.display, ...(name ? { rule: `parameter ${name}` } : {}), pointer: toPointer(name === undefined ? [] : [name, ...(index >= 0 ? [index] : [])]), problem: error.message });
        if (name === undefined || !Object.hasOwn(work, name)) break;
        const { [name]: _gone, ...rest } = work;
        work = rest;
      }
    }
  }
  return out;
}

/** Every problem in the packs, as loadPacks finds them one at a time (a refused rule is cut out, then the rest is checked again). */
function lintPacks(linted: readonly Linted[], table: ParameterTable, problems: LintProblem[], bundledToo: boolean): void {
  const packs = linted.filter((l) => l.role === 'pack');
  if (packs.length === 0 && !bundledToo) return;
  const replaced = new Set(packs.map((p) => p.replaces).filter(Boolean));
  // `positions[i]` is where the working copy's rule i sits in the file as written: refused rules are cut out as the lint goes.
  let sources: { file: string; data: unknown; positions?: number[] }[] = [
    ...BUNDLED_PACKS.filter((p) => !replaced.has(p.file)),
    ...packs.map((p) => ({ file: p.display, data: p.data })),
  ];
  const pointerIn = (source: (typeof sources)[number], path: (string | number)[]): string =>
    toPointer(path[0] === 'rules' && typeof path[1] === 'number' && source.positions ? ['rules', source.positions[path[1]] ?? path[1], ...path.slice(2)] : path);
  for (let attempt = 0; attempt < 1000; attempt++) {
    try {
      loadPacks(sources, table);
      return;
    } catch (error) {
      if (!(error instanceof RulePackError)) throw error;
      const source = sources.find((s) => s.file === error.file);
      if (!source) {
        problems.push({ file: error.file, ...(error.rule ? { rule: error.rule } : {}), pointer: '', problem: error.problem });
        return;
      }
      const plain = plainProblem(source.data);
      const parsed = plain ? undefined : PackDefinition.safeParse(source.data);
      if (plain) {
        problems.push({ file: error.file, ...(error.rule ? { rule: error.rule } : {}), pointer: pointerIn(source, [...plain.path]), problem: plain.problem });
      } else if (parsed && !parsed.success) {
        // The loader reports the schema's first issue; the schema gives every one, each with its path.
        for (const issue of parsed.error.issues) {
          const path = issuePath(issue);
          const rule = path[0] === 'rules' && typeof path[1] === 'number' ? at(source.data, ['rules', path[1], 'name']) : undefined;
          problems.push({ file: error.file, ...(typeof rule === 'string' ? { rule } : {}), pointer: pointerIn(source, path), problem: issue.message });
        }
      } else {
        const reload = (candidate: unknown): RulePackError | undefined => {
          try {
            loadPacks(
              sources.map((x) => (x === source ? { file: x.file, data: candidate } : x)),
              table,
            );
            return undefined;
          } catch (again) {
            if (again instanceof RulePackError) return again;
            throw again;
          }
        };
        problems.push({ file: error.file, ...(error.rule ? { rule: error.rule } : {}), pointer: pointerIn(source, locateInPack(source.data, error, reload)), problem: error.problem });
      }
      const rules = isObject(source.data) && Array.isArray(source.data.rules) ? source.data.rules : [];
      const index = parsed?.success !== false && !plain && error.rule !== undefined ? rules.findIndex((r) => isObject(r) && r.name === error.rule) : -1;
      if (index >= 0 && rules.length > 1) {
        source.positions = (source.positions ?? rules.map((_, i) => i)).filter((_, i) => i !== index);
        source.data = { ...(source.data as Json), rules: rules.filter((_, i) => i !== index) };
      }
      else sources = sources.filter((s) => s !== source);
    }
  }
}

/** Lint files already read: every problem the loaders find, in file order. */
export function lintData(files: readonly { display: string; fullPath: string; data: unknown }[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const linted: Linted[] = [];
  for (const f of files) {
    const role = roleOf(f.data);
    if (!role) {
      problems.push({ file: f.display, pointer: '', problem: 'not a rule pack (id, scope, rules), a parameter file (title, parameters) or parameter overrides (keyed by dotted parameter names)' });
      continue;
    }
    const replaces = bundledFileFor(f.fullPath, role === 'pack' ? BUNDLED_PACKS : role === 'parameters' ? PARAMETER_FILES : []);
    linted.push({ display: f.display, role, data: f.data, ...(replaces ? { replaces } : {}) });
  }
  const fromFiles = lintParameterFiles(linted, problems);
  const table = lintOverrides(linted, fromFiles ?? BUNDLED_PARAMETERS, problems);
  // Changed parameters can break a bundled pack (a parameter renamed or removed that a rule reads):
  // check them against the new table, unless a parameter problem was found (its cut would only echo it).
  lintPacks(linted, table, problems, table !== BUNDLED_PARAMETERS && problems.length === 0);
  const order = new Map(files.map((f, i) => [f.display, i]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.file) ?? files.length) - (order.get(b.p.file) ?? files.length) || a.i - b.i)
    .map(({ p }) => p);
}

export function renderProblem(p: LintProblem): string {
  return `${p.file} ${p.pointer === '' ? '(whole file)' : p.pointer}${p.rule ? ` [${p.rule}]` : ''}: ${p.problem}`;
}

export async function runLint(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    await write(io.stdout, `${LINT_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`lint needs at least one file\n${LINT_USAGE}`);
  const problems: LintProblem[] = [];
  const files: { display: string; fullPath: string; data: unknown }[] = [];
  for (const display of positionals) {
    const fullPath = resolvePath(display, io);
    let text: string;
    try {
      text = readFileSync(fullPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${display}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
    }
    try {
      const ext = extname(display).toLowerCase();
      files.push({ display, fullPath, data: ext === '.yaml' || ext === '.yml' ? parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 }) : JSON.parse(text) });
    } catch (error) {
      problems.push({ file: display, pointer: '', problem: `not valid ${/\.ya?ml$/i.test(display) ? 'YAML' : 'JSON'}: ${(error as Error).message}` });
    }
  }
  problems.push(...lintData(files));
  if (values.json) await write(io.stdout, `${JSON.stringify(problems, null, 2)}\n`);
  else {
    for (const p of problems) await write(io.stdout, `${renderProblem(p)}\n`);
    const withProblems = new Set(problems.map((p) => p.file)).size;
    await write(io.stdout, problems.length === 0 ? `lint: ${positionals.length} file${positionals.length === 1 ? '' : 's'}, no problems\n` : `lint: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${withProblems} of ${positionals.length} file${positionals.length === 1 ? '' : 's'}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}
