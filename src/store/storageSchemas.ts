import * as z from 'zod';
import type { Clock } from '../core/clock.js';
import { InstantSchema } from '../model/primitives.js';

/**
 * Input schemas of the storage contract. Every adapter parses its input with these, so a bad key
 * or a page size of a million is refused the same way everywhere, before anything is written.
 */

/** An injected {@link Clock}: anything with a `now()` returning epoch milliseconds. */
export const ClockSchema = z.custom<Clock>((value) => typeof (value as Clock | undefined)?.now === 'function', 'expected a Clock with now()');

/** Largest page size and largest batch (`getMany`, `acknowledgeOutbox`). */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 100;

/**
 * Characters some database cannot store: U+0000 (PostgreSQL `text` and `jsonb` refuse it) and
 * unpaired UTF-16 surrogates (not valid Unicode, so drivers replace them when encoding to UTF-8).
 * Every adapter refuses them, so data that works in memory also works in a database.
 */
export const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'must not contain U+0000 or unpaired surrogates (no database can store them)';

/** A document type: a letter, then letters, digits, `_`, `.` or `-` (e.g. `budget.line`). */
export const RecordTypeSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'expected a type name such as task or budget.line (letters, digits, _ . -; at most 100)');

/** An id as the model defines it: 1–200 characters. */
export const RecordIdSchema = z
  .string()
  .min(1, 'id must not be empty')
  .max(200, 'id must be at most 200 characters')
  .refine((value) => !UNSTORABLE_TEXT.test(value), UNSTORABLE_MESSAGE);

const VersionSchema = z.int('version must be an integer').min(0).max(Number.MAX_SAFE_INTEGER);
const PageSizeSchema = z.int().min(1).max(MAX_PAGE_SIZE, `page size must be at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE);

/** The key and campaign of {@link PutInputSchema}; `data` is checked by JSON encoding. */
export const PutInputSchema = z.object({
  /** Document type. */
  type: RecordTypeSchema,
  /** Id within the type. */
  id: RecordIdSchema,
  /** Owning campaign; omitted means none. */
  campaignId: RecordIdSchema.nullish().transform((value) => value ?? null),
  /** The JSON document (encoded separately). */
  data: z.unknown(),
});

/** Options of `put`. */
export const PutOptionsSchema = z.object({
  /** 0 to create, else the version read. */
  expectedVersion: VersionSchema,
});

/** Options of `delete`. */
export const DeleteOptionsSchema = z.object({
  /** The version read; a document that exists has version 1 or more. */
  expectedVersion: VersionSchema.min(1, 'expectedVersion of a delete must be at least 1 (the version read)'),
});

/** A `list` query. */
export const ListQuerySchema = z.object({
  /** Document type. */
  type: RecordTypeSchema,
  /** Campaign filter. */
  campaignId: RecordIdSchema.optional(),
  /** Page size. */
  limit: PageSizeSchema,
  /** Id of the last item of the previous page. */
  cursor: RecordIdSchema.optional(),
});

/** One immer patch. */
export const AuditPatchSchema = z.object({
  /** Operation. */
  op: z.enum(['add', 'replace', 'remove']),
  /** Path from the document root. */
  path: z.array(z.union([z.string(), z.int()])),
  /** New value; absent for `remove`. */
  value: z.unknown().optional(),
});

/** An audit entry to append. */
export const AuditInputSchema = z.object({
  /** Unique entry id. */
  id: RecordIdSchema,
  /** Command id; defaults to `id`. */
  commandId: RecordIdSchema.optional(),
  /** When the command ran. */
  at: InstantSchema,
  /** Who ran it. */
  actor: RecordIdSchema,
  /** Command name. */
  command: z.string().min(1).max(100).refine((value) => !UNSTORABLE_TEXT.test(value), UNSTORABLE_MESSAGE),
  /** The aggregate changed. */
  aggregate: z.object({
    /** Its type. */
    type: RecordTypeSchema,
    /** Its id. */
    id: RecordIdSchema,
    /** Its campaign. */
    campaignId: RecordIdSchema.nullish().transform((value) => value ?? null),
  }),
  /** Version after the change. */
  version: VersionSchema,
  /** Old → new. */
  patches: z.array(AuditPatchSchema),
  /** New → old. */
  inversePatches: z.array(AuditPatchSchema),
});

/** An audit query. */
export const AuditQuerySchema = z.object({
  /** Campaign filter. */
  campaignId: RecordIdSchema.optional(),
  /** Aggregate filter. */
  aggregate: z.object({ /** Type. */ type: RecordTypeSchema, /** Id. */ id: RecordIdSchema }).optional(),
  /** Actor filter. */
  actor: RecordIdSchema.optional(),
  /** Touched-record filter. */
  touches: z.object({ /** Type. */ type: RecordTypeSchema, /** Id. */ id: RecordIdSchema }).optional(),
  /** Command filter. */
  commandId: RecordIdSchema.optional(),
  /** Oldest or newest first. */
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Page size. */
  limit: PageSizeSchema,
  /** The `seq` of the last entry of the previous page, as returned in `nextCursor`. */
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'expected the nextCursor of a previous readAudit page')
    .transform(Number)
    .optional(),
});

/** An outbox event: a JSON object with a type and a unique id. */
export const OutboxEventSchema = z.looseObject({
  /** Event type, e.g. `task.updated`. */
  type: z.string().min(1).max(100).refine((value) => !UNSTORABLE_TEXT.test(value), UNSTORABLE_MESSAGE),
  /** Unique event id. */
  id: RecordIdSchema,
});

/** The events of one `appendOutbox` call. */
export const OutboxEventsSchema = z.array(OutboxEventSchema).max(MAX_PAGE_SIZE);

/** Options of `claimOutbox`. */
export const ClaimOptionsSchema = z.object({
  /** Who claims. */
  consumer: RecordIdSchema,
  /** Batch size. */
  limit: PageSizeSchema,
  /** Lease length in ms: at least 1 ms, at most a day. */
  leaseMs: z.int().min(1).max(86_400_000).default(30_000),
});

/** The `seq`s of `acknowledgeOutbox`. */
export const OutboxSeqsSchema = z.array(z.int().min(1)).max(MAX_PAGE_SIZE);

/** The ids of `getMany`. */
export const RecordIdsSchema = z.array(RecordIdSchema).max(MAX_PAGE_SIZE);
