// A reproducible sample of the mutants: the same --sample N --seed S picks the same mutants on any machine.

/** mulberry32: a small, well-mixed 32-bit generator; enough to shuffle a list reproducibly. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` of `items`, chosen by a seeded Fisher-Yates shuffle and kept in their original order. */
export function sample(items, n, seed) {
  if (!(n < items.length)) return items;
  const next = generator(seed);
  const index = items.map((_, i) => i);
  for (let i = index.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [index[i], index[j]] = [index[j], index[i]];
  }
  return index.slice(0, n).sort((a, b) => a - b).map((i) => items[i]);
}
