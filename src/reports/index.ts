/**
 * campaignkit/reports: what people look at. Gantt data and adapters for the Gantt components
 * integrators use, progress and budget series, dashboards, reports in Markdown and HTML, and
 * pictures as SVG strings. Pure and browser-safe: plain data in, plain data or strings out.
 *
 * @packageDocumentation
 */

// Gantt view data
export { buildGanttView } from './gantt/buildGanttView.js';
export type { GanttBaseline, GanttViewOptions } from './gantt/buildGanttView.js';
export type { GanttLink, GanttRow, GanttScale, GanttView } from './gantt/ganttView.js';

// Progress, budget and KPI series
export { burnChart } from './series/burnChart.js';
export type { BurnChart, BurnDay, ScopeChange } from './series/burnChart.js';
export { cumulativeFlow, FLOW_BANDS } from './series/cumulativeFlow.js';
export type { CumulativeFlow, FlowBand, FlowDay } from './series/cumulativeFlow.js';
export { SERIES_MEASURES, TaskFactSchema, TaskHistoryInputSchema } from './series/taskHistory.js';
export type { SeriesMeasure, TaskFact, TaskFactInput, TaskHistory, TaskHistoryInput } from './series/taskHistory.js';
export { budgetBurn } from './series/budgetBurn.js';
export type { BudgetBurn, BudgetBurnPoint } from './series/budgetBurn.js';
export { BudgetBurnInputSchema } from './series/budgetBurnInput.js';
export type { BudgetBurnInput } from './series/budgetBurnInput.js';
export { kpiTrend, KpiTrendInputSchema } from './series/kpiTrend.js';
export type { KpiTrend, KpiTrendInput, KpiTrendPoint, KpiTrendSeries } from './series/kpiTrend.js';

// Gantt component adapters
export { DHTMLX_DATE_FORMAT, DHTMLX_LINK_TYPES, linkTypeFromDhtmlx, toDhtmlxGantt } from './gantt/adapters/toDhtmlxGantt.js';
export type { DhtmlxBaseline, DhtmlxDurationUnit, DhtmlxGanttData, DhtmlxGanttOptions, DhtmlxLink, DhtmlxLinkType, DhtmlxTask } from './gantt/adapters/toDhtmlxGantt.js';
export { BRYNTUM_LINK_TYPES, linkTypeFromBryntum, toBryntumProject } from './gantt/adapters/toBryntumProject.js';
export type {
  BryntumCalendar,
  BryntumCalendarInterval,
  BryntumConstraintType,
  BryntumDependency,
  BryntumLinkType,
  BryntumProjectData,
  BryntumProjectOptions,
  BryntumTask,
} from './gantt/adapters/toBryntumProject.js';
export { toFrappeGantt } from './gantt/adapters/toFrappeGantt.js';
export type { FrappeGanttOptions, FrappeTask } from './gantt/adapters/toFrappeGantt.js';
export { linkTypeFromSvar, SVAR_LINK_TYPES, toSvarGantt } from './gantt/adapters/toSvarGantt.js';
export type { SvarGanttData, SvarGanttOptions, SvarLink, SvarLinkType, SvarScale, SvarTask } from './gantt/adapters/toSvarGantt.js';

// Pictures
export { ganttSvg } from './svg/ganttSvg.js';
export { GanttColorsSchema, GanttSvgOptionsSchema } from './svg/ganttSvgOptions.js';
export type { GanttColors, GanttSvgOptions } from './svg/ganttSvgOptions.js';
export { lineChartSvg } from './svg/lineChartSvg.js';
export { LineChartSchema, LinePointSchema, LineSeriesSchema } from './svg/lineChart.js';
export type { LineChart, LinePoint, LineSeries } from './svg/lineChart.js';
export { barChartSvg } from './svg/barChartSvg.js';
export { BarChartSchema, BarSeriesSchema, BarThresholdSchema } from './svg/barChart.js';
export type { BarChart, BarSeries, BarThreshold } from './svg/barChart.js';
export { burndownSvg, burnupSvg } from './svg/burnChartSvg.js';
export type { BurndownSvgOptions, BurnupSvgOptions } from './svg/burnChartSvg.js';
export { BurndownSvgOptionsSchema, BurnupSvgOptionsSchema } from './svg/burnChartSvg.js';
export { cumulativeFlowSvg } from './svg/cumulativeFlowSvg.js';
export type { CumulativeFlowSvgOptions } from './svg/cumulativeFlowSvg.js';
export { CumulativeFlowSvgOptionsSchema } from './svg/cumulativeFlowSvg.js';
export { budgetBarsSvg, sCurveSvg } from './svg/budgetChartsSvg.js';
export type { BudgetBarsSvgOptions, SCurveSvgOptions } from './svg/budgetChartsSvg.js';
export { BudgetBarsSvgOptionsSchema, SCurveSvgOptionsSchema } from './svg/budgetChartsSvg.js';
export { kpiTrendSvg } from './svg/kpiTrendSvg.js';
export type { KpiTrendSvgOptions } from './svg/kpiTrendSvg.js';
export { KpiTrendSvgOptionsSchema } from './svg/kpiTrendSvg.js';
export { MermaidGanttOptionsSchema, toMermaidGantt } from './mermaid/toMermaidGantt.js';
export type { MermaidGanttOptions } from './mermaid/toMermaidGantt.js';

// Report documents: model, renderers, builders
export { renderHtml } from './document/renderHtml.js';
export { renderMarkdown } from './document/renderMarkdown.js';
export { BlockSchema, CellSchema, ColumnSchema, FactSchema, ReportDocumentSchema, ROW_STATUSES, RowSchema, SectionSchema } from './document/reportDocument.js';
export type { ReportBlock, ReportCell, ReportColumn, ReportDocument, ReportDocumentInput, ReportFact, ReportRow, ReportSection, RowStatus } from './document/reportDocument.js';
export { dailyReport } from './documents/dailyReport.js';
export { weeklyReport } from './documents/weeklyReport.js';
export { roiReport } from './documents/roiReport.js';
export { retrospectiveReport } from './documents/retrospectiveReport.js';
export {
  CategorySpendSchema,
  FinishedTaskSchema,
  KpiMovementSchema,
  LateTaskSchema,
  PendingDecisionSchema,
  ProgressReportInputSchema,
  ReportSubjectSchema,
  StartedTaskSchema,
  UpcomingDeadlineSchema,
} from './documents/progressReportInput.js';
export type { ProgressReportInput } from './documents/progressReportInput.js';
export { RoiChannelSchema, RoiCostSchema, RoiFiguresSchema, RoiReportInputSchema } from './documents/roiReportInput.js';
export type { RoiReportInput } from './documents/roiReportInput.js';
export {
  BudgetCategoryVarianceSchema,
  RetrospectiveKpiSchema,
  RetrospectiveLessonSchema,
  RetrospectiveReportInputSchema,
  ScheduleVarianceSchema,
  StageCycleSchema,
} from './documents/retrospectiveReportInput.js';
export type { RetrospectiveReportInput } from './documents/retrospectiveReportInput.js';

// Locales, messages and formatting
export { REPORT_LOCALES, ReportLocaleSchema } from './i18n/locales.js';
export type { ReportLocale } from './i18n/locales.js';
export { EN_MESSAGES } from './i18n/enMessages.js';
export { ZH_CN_MESSAGES } from './i18n/zhCnMessages.js';
export { MESSAGE_KEYS, MessageKeySchema, REPORT_MESSAGES } from './i18n/messageCatalogue.js';
export type { MessageCatalogue, MessageKey } from './i18n/messageCatalogue.js';
export { t } from './i18n/t.js';
export type { MessageParams } from './i18n/t.js';
export { formatValue, FormatOptionsSchema } from './i18n/formatValue.js';
export type { FormatOptions } from './i18n/formatValue.js';
export { MessageRefSchema, ReportValueSchema, ScalarValueSchema, TextSchema, VALUE_KINDS } from './i18n/reportValue.js';
export type { MessageRef, ReportValue, ReportValueInput, ScalarValue, Text, TextInput, ValueKind } from './i18n/reportValue.js';
