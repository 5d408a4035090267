// The order the form edits, as plain JSON addressed by RFC 6901 pointers (the same pointers remedies
// patch). An empty field is an absent key, never a default: the library judges only what was recorded.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const tokensOf = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')));
export const pointerOf = (...tokens: (string | number)[]): string => tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export function getAt(doc: Json | undefined, pointer: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const token of tokensOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(token)] : Object.hasOwn(node, token) ? node[token] : undefined;
  }
  return node;
}

/** Containers the schema requires: never pruned when they empty. */
const KEPT = [/^$/, /^\/offender$/, /^\/sentence$/, /^\/offences\/\d+$/, /^\/requirements\/\d+$/, /^\/offences$/, /^\/requirements$/];

/** Sets (or, with `undefined`, removes) the value at `pointer`, making objects on the way and pruning optional ones left empty. */
export function setAt(doc: JsonObject, pointer: string, value: Json | undefined): void {
  const tokens = tokensOf(pointer);
  const last = tokens.pop()!;
  const chain: { node: JsonObject | Json[]; token: string }[] = [];
  let node: JsonObject | Json[] = doc;
  for (const token of tokens) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(token)] : node[token];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      const made: JsonObject = {};
      if (Array.isArray(node)) node[Number(token)] = made;
      else node[token] = made;
      chain.push({ node, token });
      node = made;
      continue;
    }
    chain.push({ node, token });
    node = next;
  }
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
    return;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
  // Walk back up: an optional object left with nothing in it goes too (no `"need": {}` for an empty section).
  for (let i = chain.length - 1; i >= 0; i--) {
    const path = pointerOf(...tokens.slice(0, i + 1));
    const child = getAt(doc, path);
    if (KEPT.some((re) => re.test(path)) || child === null || typeof child !== 'object' || Array.isArray(child) || Object.keys(child).length) break;
    const { node: parent, token } = chain[i]!;
    if (!Array.isArray(parent)) delete parent[token];
  }
}

/** ISO date parts as the GOV.UK date input shows them; a partial date keeps what was typed. */
export function dateParts(value: Json | undefined): { day: string; month: string; year: string } {
  if (typeof value !== 'string') return { day: '', month: '', year: '' };
  const m = /^([^-]*)-([^-]*)-([^-]*)$/.exec(value);
  if (!m) return { day: '', month: '', year: value };
  const strip = (s: string) => (/^\d+$/.test(s) ? String(Number(s)) : s);
  return { year: m[1]!, month: strip(m[2]!), day: strip(m[3]!) };
}

/** Day, month and year as an ISO date; any part left empty or not a number is passed on as typed, for the schema to refuse by name. */
export function isoDate(day: string, month: string, year: string): string | undefined {
  const [d, mo, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !mo && !y) return undefined;
  const pad = (s: string, n: number) => (/^\d+$/.test(s) ? s.padStart(n, '0') : s);
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

export const clone = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
