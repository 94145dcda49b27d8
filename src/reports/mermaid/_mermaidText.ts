/**
 * Text and ids as Mermaid's Gantt grammar (Mermaid 11) accepts them. What its lexer does with a
 * task line `name :data`:
 *
 * - the name runs up to the first `:`, so a `:` in it would start the data;
 * - a name beginning with a keyword is lexed as that statement (`title …`, `section …`,
 *   `excludes …`, `click …`, `gantt`, a date, …), case-insensitively, and the task disappears or
 *   the text fails to parse;
 * - `%` after the first character (or as it) starts a comment that eats the rest of the line;
 * - before parsing, Mermaid turns `#word;` into an entity placeholder and writes it back as `&word;`
 *   in the picture, so `#` and `;` together change the text;
 * - `<tag …>` is rewritten and, in titles, sanitised away.
 *
 * Mermaid's own escape is an entity code `#NN;` (decimal), shown as the character. So each of
 * `# ; : % < > &` becomes its code, a leading keyword gets its first letter as a code, and line
 * breaks and other control characters become spaces.
 */

const SPECIAL = /[#;:%<>&]/g;
// Control characters, and the Unicode line and paragraph separators a line-based grammar would split on.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
// What Mermaid 11's gantt lexer tries before a task name, at the start of a token.
const KEYWORD_START =
  /^(?:gantt\b|dateFormat\s|inclusiveEndDates\b|topAxis\b|axisFormat\s|tickInterval\s|includes\s|excludes\s|todayMarker\s|weekday\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|weekend\s+(?:friday|saturday)\b|\d\d\d\d-\d\d-\d\d\b|title\s|accTitle\s*:|accDescr\s*[:{]|accDescription\s|section\s|click\s|call\s|href\s+")/i;

function code(ch: string): string {
  return `#${ch.codePointAt(0) ?? 32};`;
}

/** `text` on one line with Mermaid's special characters as entity codes; empty when nothing printable is left. */
export function mermaidText(text: string): string {
  return text.replace(CONTROL, ' ').trim().replace(/\s+/g, ' ').replace(SPECIAL, code);
}

/** A task name for a task line: {@link mermaidText}, with a leading keyword defused. */
export function mermaidTaskName(text: string): string {
  const escaped = mermaidText(text);
  if (!KEYWORD_START.test(escaped)) return escaped;
  const [first = ''] = escaped;
  return `${code(first)}${escaped.slice(first.length)}`;
}

// Task tags Mermaid reads from the front of a task's data; an id spelled like one would be taken for it.
const TAGS = new Set(['active', 'done', 'crit', 'milestone', 'vert']);

/**
 * Mermaid ids for task ids: letters, digits, `_` and `-` (what `after` and `click` accept), other
 * characters as `_`, never a tag word, unique (a clash gets `_2`, `_3`, …). Same input, same ids.
 */
export function mermaidIds(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let base = id.replace(/[^A-Za-z0-9_-]/g, '_');
    if (base === '') base = 'task';
    if (TAGS.has(base)) base = `${base}_`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
    used.add(candidate);
    return candidate;
  });
}
