/**
 * Text and numbers as they go into SVG markup. Every caller string passes through {@link xmlText},
 * every coordinate through {@link num}, so a picture is well-formed XML whatever the names hold and
 * the same input always gives the same bytes.
 */

// XML 1.0 allows tab, line feed and carriage return among the C0 controls, and no lone surrogate,
// U+FFFE or U+FFFF: a parser rejects the whole document for one of them, so they are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` without the characters XML forbids and with `& < > " '` escaped: safe as element text and as a quoted attribute value. */
export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A number rounded to at most two decimals, without `-0` or a trailing `.0`, for coordinates. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? '0' : String(rounded);
}
