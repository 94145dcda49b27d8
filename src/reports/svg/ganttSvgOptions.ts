import * as z from 'zod';
import { ColorSchema, DEFAULT_FONT_FAMILY, FontFamilySchema } from './_theme.js';

/** Colours of the Gantt picture; each has a default. */
export const GanttColorsSchema = z.object({
  /** Behind everything (default `#ffffff`). */
  background: ColorSchema.default('#ffffff'),
  /** Labels and header text (default `#202124`). */
  text: ColorSchema.default('#202124'),
  /** Column and row lines (default `#dadce0`). */
  grid: ColorSchema.default('#dadce0'),
  /** The header band (default `#f8f9fa`). */
  header: ColorSchema.default('#f8f9fa'),
  /** Shading of non-working days (default `#eceff1`). */
  nonWorking: ColorSchema.default('#eceff1'),
  /** A task bar (default `#8ab4f8`). */
  bar: ColorSchema.default('#8ab4f8'),
  /** The done part of a task bar (default `#1a73e8`). */
  progress: ColorSchema.default('#1a73e8'),
  /** A critical task bar or milestone (default `#f28b82`). */
  critical: ColorSchema.default('#f28b82'),
  /** The done part of a critical bar (default `#c5221f`). */
  criticalProgress: ColorSchema.default('#c5221f'),
  /** A summary bracket (default `#3c4043`). */
  summary: ColorSchema.default('#3c4043'),
  /** A milestone diamond off the critical path (default `#3c4043`). */
  milestone: ColorSchema.default('#3c4043'),
  /** A baseline bar (default `#9aa0a6`). */
  baseline: ColorSchema.default('#9aa0a6'),
  /** A deadline marker that is met (default `#188038`). */
  deadline: ColorSchema.default('#188038'),
  /** A missed deadline's marker and the overrun past it (default `#a50e0e`). */
  missedDeadline: ColorSchema.default('#a50e0e'),
  /** A constraint marker (default `#5f6368`). */
  constraint: ColorSchema.default('#5f6368'),
  /** Dependency arrows (default `#5f6368`). */
  link: ColorSchema.default('#5f6368'),
  /** The today line (default `#e37400`). */
  today: ColorSchema.default('#e37400'),
});

/** Options of the Gantt picture: size, fonts, colours, title. All have defaults. */
export const GanttSvgOptionsSchema = z
  .object({
    /** Width of the whole picture in px, label column included (default 960). */
    width: z.number().min(100).max(100_000).default(960),
    /** Height of one row in px (default 28). */
    rowHeight: z.number().min(10).max(400).default(28),
    /** Width of the label column (WBS and name) in px; 0 leaves it out (default 240). */
    labelWidth: z.number().min(0).max(100_000).default(240),
    /** Height of the time-scale header in px (default 28). */
    headerHeight: z.number().min(10).max(400).default(28),
    /** Indent per outline level in the label column, px (default 14). */
    indent: z.number().min(0).max(200).default(14),
    /** Font size of labels and header in px (default 12). */
    fontSize: z.number().min(4).max(100).default(12),
    /** Font-family list (default: a Latin face, then Noto Sans CJK SC, PingFang SC, Microsoft YaHei, …, sans-serif). */
    fontFamily: FontFamilySchema.default(DEFAULT_FONT_FAMILY),
    /** The picture's accessible name: its `<title>` and `aria-label` (default `'Gantt chart'`). */
    title: z.string().max(500).default('Gantt chart'),
    /** Text above the labels in the header, e.g. `'Task'` (default none). */
    labelHeader: z.string().max(200).default(''),
    /** Draw the dependency arrows (default true). */
    links: z.boolean().default(true),
    /** Colours; the ones left out keep their defaults. */
    colors: GanttColorsSchema.prefault({}),
  })
  .refine((o) => o.width - o.labelWidth >= 50, { message: 'the label column leaves less than 50px for the bars: widen the picture or narrow labelWidth', path: ['labelWidth'] });

/** Options of {@link ganttSvg}, as given. */
export type GanttSvgOptions = z.input<typeof GanttSvgOptionsSchema>;

/** Colours of {@link ganttSvg}, as given. */
export type GanttColors = z.input<typeof GanttColorsSchema>;
