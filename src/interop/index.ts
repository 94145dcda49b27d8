/**
 * campaignkit/interop: reading and writing other tools' formats.
 *
 * @packageDocumentation
 */

// Microsoft Project XML (MSPDI)
export { parseMspdi } from './mspdi/parseMspdi.js';
export type { MspdiProject, ParseMspdiOptions } from './mspdi/parseMspdi.js';
export type { MspdiWarning, MspdiWarningCode } from './mspdi/mspdiWarning.js';
export { toMspdi } from './mspdi/toMspdi.js';
export type { ToMspdiOptions } from './mspdi/toMspdi.js';

// CSV
export { tasksToCsv } from './csv/tasksToCsv.js';
export type { TasksToCsvOptions } from './csv/tasksToCsv.js';
export { tasksFromCsv } from './csv/tasksFromCsv.js';
export type { ImportedDependency, TasksFromCsvResult } from './csv/tasksFromCsv.js';
export { budgetLinesToCsv } from './csv/budgetLinesToCsv.js';
export { budgetLinesFromCsv } from './csv/budgetLinesFromCsv.js';
export { expensesToCsv } from './csv/expensesToCsv.js';
export { expensesFromCsv } from './csv/expensesFromCsv.js';
export { measurementsToCsv } from './csv/measurementsToCsv.js';
export type { MeasurementCsvOptions } from './csv/measurementsToCsv.js';
export { measurementsFromCsv } from './csv/measurementsFromCsv.js';
export type { CsvExportOptions, CsvHeaderLanguage, CsvImportOptions } from './csv/csvOptions.js';
export type { CsvImportError, CsvImportResult, CsvImportWarning } from './csv/csvImportResult.js';

// iCalendar (RFC 5545)
export { ICalendarInputSchema, toICalendar, ToICalendarOptionsSchema } from './ical/toICalendar.js';
export type { ICalendarInput, ToICalendarOptions } from './ical/toICalendar.js';
export { campaignCalendarItems, CampaignCalendarItemsOptionsSchema } from './ical/campaignCalendarItems.js';
export type { CampaignCalendarItemsOptions, CampaignCalendarSource } from './ical/campaignCalendarItems.js';
export { ApprovalItemSchema, CalendarItemSchema, DeadlineItemSchema, MilestoneItemSchema, TaskItemSchema } from './ical/calendarItem.js';
export type { CalendarItem, CalendarItemKind } from './ical/calendarItem.js';
