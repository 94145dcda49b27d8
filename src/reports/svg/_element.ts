import { num, xmlText } from './_xml.js';

/** Attribute values: strings are escaped, numbers rounded, `true` is written `"true"`, `undefined` and `false` leave the attribute out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

function attributeText(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    const shown = value === true ? 'true' : typeof value === 'number' ? num(value) : xmlText(value);
    text += ` ${name}="${shown}"`;
  }
  return text;
}

/**
 * One SVG element as markup. `children` are markup already (from other `element` calls, or
 * {@link textNode}); several are written one per line so a picture diffs well. Attributes keep the
 * order given, which keeps output byte-stable.
 */
export function element(tag: string, attributes: Attributes = {}, children: string | readonly string[] = []): string {
  const inner = typeof children === 'string' ? children : children.join('\n');
  if (inner === '') return `<${tag}${attributeText(attributes)}/>`;
  const separator = typeof children === 'string' ? '' : '\n';
  return `<${tag}${attributeText(attributes)}>${separator}${inner}${separator}</${tag}>`;
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
