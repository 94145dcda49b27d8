/** Most octets a content line may hold, not counting its CRLF (RFC 5545 §3.1). */
export const LINE_OCTETS = 75;

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD, three octets). */
function octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into physical lines of at most 75 UTF-8 octets, each continuation starting
 * with a single space (which counts toward its 75). Breaks fall between code points, never inside a
 * multi-byte character, so unfolding (removing every CRLF followed by a space) restores the line.
 */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = octets(char.codePointAt(0) ?? 0);
    if (size + length > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += length;
  }
  lines.push(current);
  return lines;
}
