/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// DOM building for the PSR page: text content only, so nothing from an order is ever parsed as HTML.

export type Child = Node | string | false | null | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== false && c !== null && c !== undefined && c !== '') node.append(c);
  return node;
}

export const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node as T;
};

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "drug-rehabilitation" as people write it: "drug rehabilitation". */
export const words = (kebab: string): string => kebab.replace(/-/g, ' ');
