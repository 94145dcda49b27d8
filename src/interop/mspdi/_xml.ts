import { XMLValidator } from 'fast-xml-parser';
import { CampaignKitError } from '../../core/errors.js';
import { buildTree, type XmlNode } from './_xmlTree.js';

export type { XmlNode } from './_xmlTree.js';

/** Default upper bound on a document's size in UTF-8 bytes (MSPDI files of thousands of tasks stay far below). */
export const DEFAULT_MAX_XML_BYTES = 50 * 1024 * 1024;
/** Default upper bound on character and entity references (`&#65;`, `&amp;`) in a document's text. */
export const DEFAULT_MAX_XML_REFERENCES = 1_000_000;
/** Deepest element nesting read (MSPDI itself nests 6 deep). */
export const MAX_XML_DEPTH = 100;

/** What {@link parseXml} refuses beyond. */
export interface XmlLimits {
  /** Size in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Character and entity references in text. */
  readonly maxReferences: number;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is two UTF-16 units and four bytes; other units above 0x7f take two or three.
    if (c >= 0xd800 && c <= 0xdfff) bytes += 1;
    else if (c > 0x7ff) bytes += 2;
    else if (c > 0x7f) bytes += 1;
  }
  return bytes;
}

/**
 * Parses XML into element nodes, refusing oversized input, entity declarations (no entity is ever
 * expanded, so no "billion laughs" and no external entities), malformed markup, nesting deeper than
 * {@link MAX_XML_DEPTH} and more references than allowed, each with a `PARSE` or `LIMIT_EXCEEDED`
 * error that says where.
 */
export function parseXml(xml: string, limits: XmlLimits): XmlNode {
  const bytes = utf8Length(xml);
  if (bytes > limits.maxBytes) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `The XML document is ${bytes} bytes, over the limit of ${limits.maxBytes}; raise maxBytes if this is expected`, {
      details: { size: bytes, limit: limits.maxBytes },
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
  return buildTree(xml, { maxDepth: MAX_XML_DEPTH, maxReferences: limits.maxReferences });
}

/** The first child element `name` of a node. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.elements.get(name)?.[0];
}

/** All child elements `name` of a node. */
export function children(node: XmlNode | undefined, name: string): readonly XmlNode[] {
  return node?.elements.get(name) ?? [];
}

/** The text of child element `name`, or undefined when absent or empty. */
export function text(node: XmlNode | undefined, name: string): string | undefined {
  const value = child(node, name)?.text;
  return value === '' ? undefined : value;
}
