import { invalidField } from '../../../core/validate.js';
import { LINK_TYPES, type LinkType } from '../../../model/dependency.js';

/**
 * The campaignkit link type a component's dependency-type code stands for, read from that
 * component's code table; `VALIDATION` for a code the table does not hold.
 */
export function linkTypeFromCode<Code extends string | number>(table: Readonly<Record<LinkType, Code>>, code: unknown, component: string): LinkType {
  const match = LINK_TYPES.find((type) => table[type] === code);
  if (match !== undefined) return match;
  const known = LINK_TYPES.map((type) => JSON.stringify(table[type])).join(', ');
  throw invalidField(`${component} link type`, [], `${describe(code)} is not one of ${component}'s link type codes (${known})`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
