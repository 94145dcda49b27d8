import { CampaignKitError } from '../../core/errors.js';
import { decodeText, type ReferenceBudget } from './_xmlText.js';

/** A parsed XML element: its child elements by name, in document order, and its text. */
export interface XmlNode {
  /** Child elements by name. A Map, so any name (`__proto__` too) is an ordinary key. */
  readonly elements: ReadonlyMap<string, readonly XmlNode[]>;
  /** Character data with references decoded and CDATA sections as written, trimmed. */
  readonly text: string;
}

interface Building {
  elements: Map<string, XmlNode[]>;
  text: string;
}

// Shared by every element until it gets a child (most are leaves); never written to.
const NO_ELEMENTS = new Map<string, XmlNode[]>();

/** What {@link buildTree} refuses beyond. */
export interface TreeLimits {
  /** Deepest element nesting allowed (the root element is depth 1). */
  readonly maxDepth: number;
  /** Character and entity references allowed in all text together. */
  readonly maxReferences: number;
}

const malformed = (at: number) => new CampaignKitError('PARSE', `Malformed XML near offset ${at}`, { details: { offset: at } });

/** The index just past `close`, searching from `from`. */
function after(xml: string, close: string, from: number): number {
  const at = xml.indexOf(close, from);
  if (at === -1) throw malformed(from);
  return at + close.length;
}

/** The index of the `>` ending the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw malformed(lt);
}

/** The index just past a `<!DOCTYPE …>` declaration, with its internal subset if any. */
function doctypeEnd(xml: string, lt: number): number {
  const gt = xml.indexOf('>', lt);
  const bracket = xml.indexOf('[', lt);
  if (bracket === -1 || gt === -1 || gt < bracket) return gt === -1 ? after(xml, '>', lt) : gt + 1;
  return after(xml, '>', after(xml, ']', bracket));
}

/**
 * Builds the element tree of a well-formed document in one pass: comments, processing
 * instructions and the DOCTYPE are skipped, attributes ignored, and no entity is ever expanded.
 * Deeper nesting than `maxDepth` or more references than `maxReferences` is refused with
 * `LIMIT_EXCEEDED`. Returns the document node, whose only element is the root.
 */
export function buildTree(xml: string, limits: TreeLimits): XmlNode {
  const budget: ReferenceBudget = { limit: limits.maxReferences, left: limits.maxReferences };
  const stack: Building[] = [{ elements: new Map(), text: '' }];
  let at = 0;
  while (at < xml.length) {
    const open = stack[stack.length - 1];
    if (open === undefined) throw malformed(at);
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at && stack.length > 1) open.text += decodeText(xml.slice(at, textEnd), budget);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) at = after(xml, '-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) {
      at = after(xml, ']]>', lt + 9);
      open.text += xml.slice(lt + 9, at - 3);
    } else if (xml.startsWith('<?', lt)) at = after(xml, '?>', lt + 2);
    else if (xml.startsWith('<!', lt)) at = doctypeEnd(xml, lt);
    else if (xml[lt + 1] === '/') {
      stack.pop();
      open.text = open.text.trim();
      at = after(xml, '>', lt);
    } else {
      const end = tagEnd(xml, lt);
      const name = /^[^\s/>]+/.exec(xml.slice(lt + 1, end))?.[0];
      if (name === undefined) throw malformed(lt);
      if (stack.length > limits.maxDepth) {
        throw new CampaignKitError('LIMIT_EXCEEDED', `The XML document nests elements more than ${limits.maxDepth} deep`, { details: { limit: limits.maxDepth, offset: lt } });
      }
      const element: Building = { elements: NO_ELEMENTS, text: '' };
      if (open.elements === NO_ELEMENTS) open.elements = new Map();
      const siblings = open.elements.get(name);
      if (siblings === undefined) open.elements.set(name, [element]);
      else siblings.push(element);
      if (xml[end - 1] !== '/') stack.push(element);
      at = end + 1;
    }
  }
  const document = stack[0];
  if (stack.length !== 1 || document === undefined) throw malformed(xml.length);
  return document;
}
