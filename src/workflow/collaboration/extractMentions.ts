import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import type { MemberId } from '../../model/ids.js';

const KnownIdsSchema = z.array(z.string()).optional();

// An @ not preceded by a word character, so e-mail addresses are not mentions.
const MENTION = /(?<![\w@])@([A-Za-z0-9][A-Za-z0-9._:-]*)/g;

/**
 * Member ids mentioned as `@member-id` in a comment body, each once, in order of first mention.
 * Trailing punctuation is not part of an id, and e-mail addresses are not mentions. With
 * `knownIds`, mentions of anyone else are dropped.
 *
 * @example
 * ```ts
 * extractMentions('@m-li please check, cc @m-zhou. Mail: ops@example.com', ['m-li', 'm-zhou']);
 * // ['m-li', 'm-zhou']
 * ```
 */
export function extractMentions(body: string, knownIds?: readonly string[]): MemberId[] {
  const text = parseInput(z.string(), body, 'comment body');
  const ids = parseInput(KnownIdsSchema, knownIds, 'known member ids');
  const known = ids === undefined ? undefined : new Set(ids);
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const id = (match[1] ?? '').replace(/[._:-]+$/, '');
    if (id === '' || found.includes(id)) continue;
    if (known !== undefined && !known.has(id)) continue;
    found.push(id);
  }
  return found as MemberId[];
}
