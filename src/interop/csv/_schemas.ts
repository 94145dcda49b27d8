import * as z from 'zod';
import { CampaignIdSchema } from '../../model/ids.js';
import { InputNameSchema } from '../../model/kpi.js';

/** The largest CSV text read unless the host says otherwise: 50 MiB of characters. */
export const DEFAULT_MAX_CSV_CHARACTERS = 50 * 1024 * 1024;

/** What every export accepts. */
export const CsvExportOptionsSchema = z.object({
  headers: z.enum(['en', 'zh-CN']).default('en'),
  delimiter: z.enum([',', ';']).default(','),
  decimalSeparator: z.enum(['.', ',']).default('.'),
});

/** What every import accepts. */
export const CsvImportOptionsSchema = z.object({
  campaignId: CampaignIdSchema,
  partial: z.boolean().default(false),
  delimiter: z.enum([',', ';']).default(','),
  decimalSeparator: z.enum(['.', ',']).default('.'),
  maxCharacters: z.int().min(1).default(DEFAULT_MAX_CSV_CHARACTERS),
});

/** The measurement inputs written in major units by default. */
export const DEFAULT_MONEY_INPUTS = ['spend', 'revenue', 'cost'] as const;

/** Which measurement inputs are money. */
export const MoneyInputsSchema = z.object({ moneyInputs: z.array(InputNameSchema).max(64).default([...DEFAULT_MONEY_INPUTS]) });

/** The CSV text an import reads. */
export const CsvTextSchema = z.string();
