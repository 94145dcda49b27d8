// RFC 5545 TEXT values forbid control characters other than the horizontal tab; line breaks are
// written as the escape `\n`. Other controls carry no meaning in a calendar and some clients stop
// reading at them, so they are dropped rather than refused.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A TEXT property value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, every line
 * break (`\r\n`, `\r` or `\n`) becomes `\n`, and control characters other than tab are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A multi-valued TEXT property (CATEGORIES): each value escaped, joined by unescaped commas. */
export function escapeTextList(values: readonly string[]): string {
  return values.map(escapeText).join(',');
}
