import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CampaignKitError } from '../../core/errors.js';

/** A parsed XML element: child elements by name (always arrays) and text as `#text`. */
export interface XmlNode {
  readonly [name: string]: XmlNode[] | string | undefined;
}

/** Default upper bound on a document's size (MSPDI files of thousands of tasks stay far below). */
export const DEFAULT_MAX_XML_BYTES = 50 * 1024 * 1024;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; nothing else expands. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Parses XML into plain nodes, refusing oversized input, entity declarations (no entity is ever
 * expanded, so no "billion laughs") and malformed markup, each with a `PARSE` or `LIMIT_EXCEEDED`
 * error that says where.
 */
export function parseXml(xml: string, maxBytes: number): XmlNode {
  if (typeof xml !== 'string') throw new CampaignKitError('VALIDATION', 'Expected the XML document as a string');
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > maxBytes) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `The XML document is ${bytes} bytes, over the limit of ${maxBytes}; raise maxBytes if this is expected`, {
      details: { size: bytes, limit: maxBytes },
    });
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new CampaignKitError('PARSE', 'The XML document declares entities, which are not accepted; remove the DOCTYPE entity declarations');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new CampaignKitError('PARSE', `Malformed XML at line ${line}, column ${col}: ${msg}`, { details: { line, column: col } });
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  return parser.parse(xml) as XmlNode;
}

/** The first child element `name` of a node. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  return Array.isArray(value) ? value[0] : undefined;
}

/** All child elements `name` of a node. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

/** The decoded text of child element `name`, or undefined when absent or empty. */
export function text(node: XmlNode | undefined, name: string): string | undefined {
  const el = child(node, name);
  if (el === undefined) return undefined;
  const value = el['#text'];
  if (typeof value === 'string') return value === '' ? undefined : decodeEntities(value);
  // An element with only text parses to a bare string inside the array.
  return typeof (el as unknown) === 'string' ? decodeEntities(el as unknown as string) : undefined;
}
