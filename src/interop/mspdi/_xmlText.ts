import { CampaignKitError } from '../../core/errors.js';

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** How many more references a document may decode; shared by all its text. */
export interface ReferenceBudget {
  /** The limit the document started with. */
  readonly limit: number;
  /** References still allowed. */
  left: number;
}

function countReferences(text: string): number {
  let count = 0;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) count++;
  return count;
}

function resolve(name: string): string | undefined {
  if (name[0] !== '#') return ENTITIES.get(name);
  const hex = name[1] === 'x';
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-f]{1,6}$/i : /^\d{1,7}$/).test(digits)) return undefined;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * Decodes the five predefined entities and character references in character data; anything else
 * (an undeclared entity) stays as written. Each reference spends one from `budget`, counted before
 * anything is decoded, so a document over the limit is refused with `LIMIT_EXCEEDED` without the
 * memory its expansion would take.
 */
export function decodeText(text: string, budget: ReferenceBudget): string {
  const count = countReferences(text);
  if (count === 0) return text;
  if (count > budget.left) {
    throw new CampaignKitError('LIMIT_EXCEEDED', `The XML document has more than ${budget.limit} character and entity references; raise maxReferences if this is expected`, {
      details: { limit: budget.limit },
    });
  }
  budget.left -= count;
  const out: string[] = [];
  let from = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', from)) {
    const semi = text.indexOf(';', amp);
    if (semi === -1) break;
    out.push(text.slice(from, amp), resolve(text.slice(amp + 1, semi)) ?? text.slice(amp, semi + 1));
    from = semi + 1;
  }
  out.push(text.slice(from));
  return out.join('');
}
