import * as z from 'zod';
import { EN_MESSAGES } from './enMessages.js';
import type { ReportLocale } from './locales.js';
import { ZH_CN_MESSAGES } from './zhCnMessages.js';

/** The key of a report message, e.g. `'progress.finished'`: a key of {@link EN_MESSAGES}. */
export type MessageKey = keyof typeof EN_MESSAGES;

/** A message catalogue: one text for every {@link MessageKey}, with `{name}` placeholders. */
export type MessageCatalogue = Readonly<Record<MessageKey, string>>;

/** Every message key, in catalogue order. */
export const MESSAGE_KEYS: readonly MessageKey[] = Object.freeze(Object.keys(EN_MESSAGES) as MessageKey[]);

/** A {@link MessageKey}; anything else is refused with the first few keys as examples. */
export const MessageKeySchema = z.enum(MESSAGE_KEYS as [MessageKey, ...MessageKey[]], {
  error: `expected a report message key such as ${MESSAGE_KEYS.slice(0, 3).join(', ')}`,
});

/**
 * The message catalogues by locale. Frozen, so a host cannot change a heading for every report in
 * the process by accident.
 *
 * @example
 * ```ts
 * REPORT_MESSAGES['zh-CN']['retro.column.variance']; // '差异率'
 * ```
 */
export const REPORT_MESSAGES: Readonly<Record<ReportLocale, MessageCatalogue>> = Object.freeze({
  en: Object.freeze({ ...EN_MESSAGES }),
  'zh-CN': Object.freeze({ ...ZH_CN_MESSAGES }),
});
