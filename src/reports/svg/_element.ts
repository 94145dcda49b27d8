import { num, xmlText } from './_xml.js';

/** Attribute values: strings are escaped, numbers rounded, `true` is written `"true"`, `undefined` and `false` leave the attribute out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** Writes ` name="value"` for each attribute shown into `out`. */
function writeAttributes(out: string[], attributes: Attributes): void {
  // `for…in` rather than `Object.entries`: no key/value arrays for each of some 100,000 elements.
  for (const name in attributes) {
    const value = attributes[name];
    if (value === undefined || value === false) continue;
    out.push(' ', name, '="', value === true ? 'true' : typeof value === 'number' ? num(value) : xmlText(value), '"');
  }
}

/**
 * One SVG element as markup. `children` are markup already (from other `element` calls, or
 * {@link textNode}); several are written one per line so a picture diffs well. Attributes keep the
 * order given, which keeps output byte-stable.
 */
export function element(tag: string, attributes: Attributes = {}, children: string | readonly string[] = []): string {
  // Pieces joined once give one flat string. Concatenating them would leave a tree of small strings
  // per element, alive until the whole picture is joined, and the garbage collector would copy
  // every one of them again and again. Children go into the same join, not a join of their own.
  const out = ['<', tag];
  writeAttributes(out, attributes);
  const empty = typeof children === 'string' ? children === '' : children.length === 0 || (children.length === 1 && children[0] === '');
  if (empty) {
    out.push('/>');
  } else if (typeof children === 'string') {
    out.push('>', children, '</', tag, '>');
  } else {
    // One child per line, as `children.join('\n')` between `>\n` and `\n</tag>`.
    out.push('>');
    for (const child of children) out.push('\n', child);
    out.push('\n</', tag, '>');
  }
  return out.join('');
}

/** Caller text as element content. */
export function textNode(text: string): string {
  return xmlText(text);
}

/** A `<title>` child: the tooltip of its parent, and its accessible name. */
export function tooltip(text: string): string {
  return element('title', {}, textNode(text));
}

/** A path's `d` from points: `M x,y L x,y …`. */
export function polyline(points: readonly (readonly [number, number])[], close = false): string {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)},${num(y)}`).join(' ');
  return close && d !== '' ? `${d} Z` : d;
}
