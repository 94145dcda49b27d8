/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes and so the order
 * the SQL adapters get from a binary collation. JavaScript's `<` compares UTF-16 code units, which
 * puts astral characters (emoji) before U+E000–U+FFFF; the fix-up below moves surrogates after them.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixUp(x) - fixUp(y);
  }
  return a.length - b.length;
}

function fixUp(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
