/**
 * Text and numbers as they go into SVG markup. Every caller string passes through {@link xmlText},
 * every coordinate through {@link num}, so a picture is well-formed XML whatever the names hold and
 * the same input always gives the same bytes.
 */

// XML 1.0 allows tab, line feed and carriage return among the C0 controls, and no lone surrogate,
// U+FFFE or U+FFFF: a parser rejects the whole document for one of them, so they are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SPECIAL = /[&<>"']/g;
// Any character either replace could touch: the specials, the forbidden controls, U+FFFE/U+FFFF and
// every surrogate (paired ones are left alone by FORBIDDEN, but telling them apart needs it).
const NEEDS_CARE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` without the characters XML forbids and with `& < > " '` escaped: safe as element text and as a quoted attribute value. */
export function xmlText(text: string): string {
  // Most text (colours, ids, names) needs nothing: one test is cheaper than two replaces.
  if (!NEEDS_CARE.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(SPECIAL, (ch) => ENTITIES[ch] ?? ch);
}

/** A number rounded to at most two decimals, without `-0` or a trailing `.0`, for coordinates. */
export function num(value: number): string {
  const cents = Math.round(value * 100);
  const size = Math.abs(cents);
  // Below 10^15 cents the value has at most 15 significant digits, so `String(cents / 100)` is
  // exactly these digits; writing them from the integer is over twice as fast, and a picture
  // writes some 300,000 numbers.
  if (!(size < 1e15)) return shortest(value);
  if (size === 0) return '0';
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(size / 100);
  const fraction = size - whole * 100;
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** {@link num} by `String`, for huge or non-finite values. */
function shortest(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? '0' : String(rounded);
}
