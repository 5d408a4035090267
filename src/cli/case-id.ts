import { CaseId } from '../schema/order.js';

/**
 * The caller's case reference (`id`) to echo in a batch record, so that even a refused line can be
 * joined back to its case. Only a value the schema would accept as an id is echoed: a string of
 * bounded length, never a whole object or a megabyte of text.
 */
export function caseIdOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'id')) return undefined;
  const id = (value as { id: unknown }).id;
  return CaseId.safeParse(id).success ? (id as string) : undefined;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const PRIMITIVE = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

const skipSpace = (text: string, i: number): number => {
  while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  return i;
};

/** The end (one past the closing quote) of the JSON string starting at `i`, or -1 when it does not close well-formed. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) j++;
    else if (c < 0x20) return -1;
  }
  return -1;
}

const readString = (text: string, i: number): { value: string; end: number } | undefined => {
  const end = stringEnd(text, i);
  if (end < 0) return undefined;
  try {
    return { value: JSON.parse(text.slice(i, end)) as string, end };
  } catch {
    return undefined;
  }
};

/** One past the JSON value starting at `i`, or -1 where the text stops being JSON. Brackets are matched with a stack, not recursion. */
function valueEnd(text: string, i: number): number {
  const open = text[i];
  if (open === '"') return stringEnd(text, i);
  if (open !== '{' && open !== '[') {
    let j = i;
    while (j < text.length && !WHITESPACE.has(text[j]!) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
    return j > i && PRIMITIVE.test(text.slice(i, j)) ? j : -1;
  }
  const closers: string[] = [];
  for (let j = i; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') {
      const end = stringEnd(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * The case reference of a line that is not valid JSON, read as far as it is well-formed: the last
 * top-level `"id"` whose string value is complete before the damage, as JSON.parse would have taken
 * it had the line been whole. One pass, linear in the line, which the reader has already bounded.
 */
export function caseIdFromText(text: string): string | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  let found: string | undefined;
  i++;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] !== '"') return found;
    const key = readString(text, i);
    if (!key) return found;
    i = skipSpace(text, key.end);
    if (text[i] !== ':') return found;
    i = skipSpace(text, i + 1);
    if (key.value === 'id') {
      const value = text[i] === '"' ? readString(text, i) : undefined;
      if (value) {
        found = CaseId.safeParse(value.value).success ? value.value : undefined;
        i = value.end;
      } else {
        found = undefined;
        i = valueEnd(text, i);
      }
    } else i = valueEnd(text, i);
    if (i < 0) return found;
    i = skipSpace(text, i);
    if (text[i] !== ',') return found;
    i++;
  }
}
