import * as z from 'zod';
import { InstantSchema, IsoDateSchema, LocalDateTimeSchema, MoneySchema } from '../../model/primitives.js';
import { MessageRefSchema, ReportValueSchema, TextSchema, VALUE_KINDS, type ValueKind } from '../i18n/reportValue.js';

/**
 * The report document: what a report says, before it is written as Markdown or HTML in a locale.
 * A title, meta facts (campaign, period, generated at), then sections of blocks: paragraphs,
 * bullet lists, key-value facts and tables whose columns have a kind, so the renderers format the
 * cells. Every text is a user string or a catalogue message ({@link MessageRefSchema}).
 */

/** How a table row is coloured, always with its text as well: fine, worth a look, needs action. */
export const ROW_STATUSES = ['ok', 'warning', 'critical'] as const;

/** One of {@link ROW_STATUSES}. */
export type RowStatus = (typeof ROW_STATUSES)[number];

/** One label with its value, as in a definition list. */
export const FactSchema = z.strictObject({
  /** What the value is, e.g. the message `meta.campaign`. */
  label: TextSchema,
  /** The value, with its kind. */
  value: ReportValueSchema,
});

/** A table column: its heading and the kind of its cells. */
export const ColumnSchema = z.strictObject({
  /** Heading text. */
  heading: TextSchema,
  /** How the cells are formatted; numeric kinds are right-aligned. */
  kind: z.enum(VALUE_KINDS),
  /** For numeric kinds: show `+` on positive values (variances). */
  signed: z.boolean().optional(),
  /** For `duration` columns: working minutes in a working day (default 480). */
  minutesPerDay: z.int().min(1).max(1440).optional(),
});

/**
 * A table cell: a raw value read with its column's kind (a string, message or list of strings for `text`, a
 * number for `number`, `percent` and `duration`, money for `money`, a date text for `date` and
 * `datetime`), a typed value that overrides the column's kind (a target column whose rows are in
 * different units), a catalogue message in any column (`—` for a target that is not set), or
 * `null` for n/a.
 */
export const CellSchema = z.union([
  z.null(),
  z.string().max(20000),
  z.array(z.string().max(500)).max(200),
  z.number().finite(),
  MoneySchema.strict(),
  MessageRefSchema,
  ReportValueSchema,
]);

/** A table row. */
export const RowSchema = z.strictObject({
  /** One cell per column, in column order. */
  cells: z.array(CellSchema),
  /** Colour and status text for the row, when it needs one. */
  status: z.enum(ROW_STATUSES).optional(),
  /** A totals row, set in bold. */
  total: z.boolean().optional(),
});

/** What a raw cell must be under a column of each kind. */
const RAW_CELL: Readonly<Record<ValueKind, z.ZodType>> = {
  text: TextSchema.nullable(),
  number: z.number().finite().nullable(),
  percent: z.number().finite().nullable(),
  duration: z.number().finite().nullable(),
  money: MoneySchema.strict().nullable(),
  date: IsoDateSchema.nullable(),
  datetime: z.union([LocalDateTimeSchema, InstantSchema]).nullable(),
};

const TableBlockSchema = z
  .strictObject({
    /** A table. */
    type: z.literal('table'),
    /** Columns, at least one. */
    columns: z.array(ColumnSchema).min(1).max(50),
    /** Rows, in order. */
    rows: z.array(RowSchema),
    /** Shown instead of the table when it has no rows ("Nothing finished today"). */
    empty: TextSchema.optional(),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, r) => {
      if (row.cells.length !== table.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', r, 'cells'], message: `expected ${table.columns.length} cells, one per column, got ${row.cells.length}` });
        return;
      }
      row.cells.forEach((cell, c) => {
        const column = table.columns[c];
        // Typed values and messages are checked by their own schemas, whatever the column.
        const typed = typeof cell === 'object' && cell !== null && ('kind' in cell || 'key' in cell);
        if (column === undefined || typed || RAW_CELL[column.kind].safeParse(cell).success) return;
        ctx.addIssue({ code: 'custom', path: ['rows', r, 'cells', c], message: `not a ${column.kind} value (the column's kind); pass a typed value { kind, value } to use another kind` });
      });
    });
  });

/** A block of a section. */
export const BlockSchema = z.union([
  z.strictObject({
    /** A paragraph. */
    type: z.literal('paragraph'),
    /** Its text. */
    text: TextSchema,
  }),
  z.strictObject({
    /** A bullet list. */
    type: z.literal('list'),
    /** The items. */
    items: z.array(TextSchema),
    /** Shown instead of the list when it has no items. */
    empty: TextSchema.optional(),
  }),
  z.strictObject({
    /** Key-value facts. */
    type: z.literal('facts'),
    /** The facts, in order. */
    items: z.array(FactSchema),
  }),
  TableBlockSchema,
]);

/** A titled section. */
export const SectionSchema = z.strictObject({
  /** Heading. */
  heading: TextSchema,
  /** Blocks, in order. */
  blocks: z.array(BlockSchema),
});

/** A report document. */
export const ReportDocumentSchema = z.strictObject({
  /** Title. */
  title: TextSchema,
  /** A line under the title, e.g. the campaign's name. */
  subtitle: TextSchema.optional(),
  /** Facts shown under the title: campaign or member, period, generated at. */
  meta: z.array(FactSchema).default([]),
  /** Sections, in order. */
  sections: z.array(SectionSchema),
});

/** A report document, as accepted (`meta` may be left out). */
export type ReportDocumentInput = z.input<typeof ReportDocumentSchema>;
/** A report document, as the builders return it. */
export type ReportDocument = z.output<typeof ReportDocumentSchema>;
/** A section of a {@link ReportDocument}. */
export type ReportSection = z.output<typeof SectionSchema>;
/** A block of a {@link ReportSection}. */
export type ReportBlock = z.output<typeof BlockSchema>;
/** A table column. */
export type ReportColumn = z.output<typeof ColumnSchema>;
/** A table row. */
export type ReportRow = z.output<typeof RowSchema>;
/** A table cell. */
export type ReportCell = z.output<typeof CellSchema>;
/** One label with its value. */
export type ReportFact = z.output<typeof FactSchema>;
