/**
 * Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. Text cells that start so are written with a
 * leading `'`, which spreadsheets show as text and do not evaluate.
 *
 * Cells that already start with apostrophes before such a character get one more, so that reading
 * removes exactly one and every text survives a round trip: `=1` is written `'=1`, `'=1` is written
 * `''=1`, and `'plain` (no formula character after the apostrophes) is written unchanged.
 *
 * Numeric columns (amounts, percentages, story points, measurement values) are never prefixed:
 * their cells are written from numbers by the library, so `-100` stays the number −100.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** A text cell as written: with a `'` in front when a spreadsheet would read it as a formula. */
export function neutralise(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** A cell as read: the `'` that {@link neutralise} added, removed. */
export function unneutralise(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}
