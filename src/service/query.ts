import type { InputIssue } from '../errors.js';
import type { Stage } from '../facts/order.js';

/** A query parameter the service does not accept as given: a 400 naming it. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(readonly issues: readonly InputIssue[]) {
    super(`Invalid query: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

export interface QuerySpec {
  readonly [name: string]: readonly string[] | 'boolean';
}

export type QueryValues<S extends QuerySpec> = { [K in keyof S]?: S[K] extends 'boolean' ? boolean : S[K] extends readonly (infer V)[] ? V : never };

/**
 * The query as the route's spec allows it: each parameter once, a boolean written `true` or `false`,
 * a choice one of its values. An unknown parameter is refused too, so a misspelt `remedy=true` is
 * an error, not a silent default.
 */
export function parseQuery<S extends QuerySpec>(query: unknown, spec: S): QueryValues<S> {
  const issues: InputIssue[] = [];
  const out: Record<string, unknown> = {};
  const given = query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(given)) {
    const allowed = Object.hasOwn(spec, name) ? spec[name] : undefined;
    const path = ['query', name];
    if (allowed === undefined) {
      issues.push({ path, code: 'unrecognized_keys', message: `Unknown query parameter; this route takes ${Object.keys(spec).map((k) => `"${k}"`).join(', ') || 'none'}` });
      continue;
    }
    if (typeof value !== 'string') {
      issues.push({ path, code: 'invalid_type', message: 'Give this parameter once' });
      continue;
    }
    if (allowed === 'boolean') {
      if (value === 'true' || value === 'false') out[name] = value === 'true';
      else issues.push({ path, code: 'invalid_value', message: `Expected "true" or "false", not ${JSON.stringify(value.slice(0, 50))}` });
      continue;
    }
    if (allowed.includes(value)) out[name] = value;
    else issues.push({ path, code: 'invalid_value', message: `Expected one of ${allowed.map((v) => `"${v}"`).join(', ')}, not ${JSON.stringify(value.slice(0, 50))}` });
  }
  if (issues.length) throw new QueryError(issues);
  return out as QueryValues<S>;
}

export const STAGE_VALUES: readonly Stage[] = ['proposal', 'sentence'];
