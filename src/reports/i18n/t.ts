import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { ReportLocaleSchema, type ReportLocale } from './locales.js';
import { MessageKeySchema, REPORT_MESSAGES, type MessageKey } from './messageCatalogue.js';

/** Values for a message's `{name}` placeholders: text as it is, numbers formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

const ArgumentsSchema = z.tuple([
  ReportLocaleSchema,
  MessageKeySchema,
  z.record(z.string(), z.union([z.string(), z.number().finite()])).optional(),
]);

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * The text of a report message in a locale, with its `{name}` placeholders filled from `params`
 * (numbers are formatted with `Intl.NumberFormat` for the locale). A placeholder without a value
 * is an error, not a visible `{name}` in a manager's report.
 *
 * @throws CampaignKitError `VALIDATION` for an unsupported locale (naming the supported ones), an
 * unknown key, or a missing parameter.
 * @example
 * ```ts
 * t('zh-CN', 'daily.finished.empty');                       // '今日无完成任务'
 * t('en', 'value.range', { from: 'Mar 2', to: 'Mar 3' });    // 'Mar 2 – Mar 3'
 * t('fr', 'daily.title'); // throws VALIDATION "Invalid message arguments: [0]: expected a supported report locale: en, zh-CN"
 * ```
 */
export function t(locale: ReportLocale, key: MessageKey, params?: MessageParams): string {
  const [lang, name, values = {}] = parseInput(ArgumentsSchema, [locale, key, params], 'message arguments');
  return fill(lang, name, REPORT_MESSAGES[lang][name], values);
}

/** `template` with its placeholders replaced; shared with the renderers, which pass formatted values. */
export function fill(locale: ReportLocale, key: string, template: string, values: Readonly<Record<string, string | number>>): string {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return template.replace(PLACEHOLDER, (_match, param: string) => {
    const value = Object.hasOwn(values, param) ? values[param] : undefined;
    if (value === undefined) throw invalidField('message arguments', [2, param], `message ${key} needs a value for {${param}}`);
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
