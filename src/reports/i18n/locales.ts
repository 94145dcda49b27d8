import * as z from 'zod';

/** The locales reports are written in: every message catalogue has exactly these. */
export const REPORT_LOCALES = ['en', 'zh-CN'] as const;

/** One of {@link REPORT_LOCALES}. */
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/**
 * A report locale. Anything else is refused with the list of supported ones, rather than falling
 * back to English, so a misspelt `zh-cn` is noticed before a manager reads the wrong language.
 */
export const ReportLocaleSchema = z.enum(REPORT_LOCALES, {
  error: `expected a supported report locale: ${REPORT_LOCALES.join(', ')}`,
});
