import { touchedRecords } from './_auditTouches.js';
import { parseInput, invalidField } from '../core/validate.js';
import type {
  AuditEntry,
  AuditInput,
  AuditPatch,
  AuditQuery,
  ClaimOptions,
  ListQuery,
  OutboxEvent,
  PutInput,
  RecordKey,
  WriteOptions,
} from './storageAdapter.js';
import {
  AuditInputSchema,
  AuditQuerySchema,
  ClaimOptionsSchema,
  DeleteOptionsSchema,
  ListQuerySchema,
  OutboxEventsSchema,
  OutboxSeqsSchema,
  PutInputSchema,
  PutOptionsSchema,
  RecordIdSchema,
  RecordIdsSchema,
  RecordTypeSchema,
  UNSTORABLE_TEXT,
} from './storageSchemas.js';

/**
 * Boundary parsing shared by every adapter: each public storage method turns its arguments into
 * one of these normalized commands first, so adapters only ever see valid, JSON-encoded input.
 */

/** A validated `put`: the document already encoded as JSON text. */
export interface PutCommand {
  readonly type: string;
  readonly id: string;
  readonly campaignId: string | null;
  readonly json: string;
  readonly expectedVersion: number;
}

/** A validated `list`. */
export type ListCommand = ReturnType<typeof parseList>;
/** A validated `readAudit`. */
export type AuditQueryCommand = ReturnType<typeof parseAuditQuery>;
/** A validated `claimOutbox`. */
export type ClaimCommand = ReturnType<typeof parseClaim>;

/** A validated audit entry: everything but `seq`, with the patches encoded as JSON text. */
export interface AuditCommand {
  readonly entry: Omit<AuditEntry, 'seq'>;
  readonly patchesJson: string;
  readonly inversePatchesJson: string;
  /** The records its patches change, for the `touches` index. */
  readonly touched: readonly RecordKey[];
}

/** A validated outbox event with its JSON text. */
export interface OutboxCommand {
  readonly event: OutboxEvent;
  readonly json: string;
}

/**
 * `JSON.stringify` that refuses what it would otherwise drop or corrupt silently: `undefined` at
 * the top, non-finite numbers (which become `null`), `BigInt` and cycles (which throw a TypeError),
 * and text no database can store (see {@link UNSTORABLE_TEXT}).
 */
export function encodeJson(value: unknown, what: string, path: readonly (string | number)[]): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (key, item: unknown) => {
      if (typeof item === 'number' && !Number.isFinite(item)) throw new TypeError(`${item} is not a JSON number`);
      if ((typeof item === 'string' && UNSTORABLE_TEXT.test(item)) || UNSTORABLE_TEXT.test(key)) {
        throw new TypeError('text must not contain U+0000 or unpaired surrogates (no database can store them)');
      }
      return item;
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidField(what, path, `must be JSON (${reason})`);
  }
  if (text === undefined) throw invalidField(what, path, 'must be a JSON value, not undefined or a function');
  return text;
}

/** Validates a document type and id. */
export function parseKey(type: string, id: string): { type: string; id: string } {
  return { type: parseInput(RecordTypeSchema, type, 'record type'), id: parseInput(RecordIdSchema, id, 'record id') };
}

/** Validates `put` arguments and encodes the document. */
export function parsePut(record: PutInput, options: WriteOptions): PutCommand {
  const { type, id, campaignId, data } = parseInput(PutInputSchema, record, 'record');
  const { expectedVersion } = parseInput(PutOptionsSchema, options, 'put options');
  return { type, id, campaignId, expectedVersion, json: encodeJson(data, 'record', ['data']) };
}

/** Validates `delete` arguments. */
export function parseDelete(type: string, id: string, options: WriteOptions): { type: string; id: string; expectedVersion: number } {
  return { ...parseKey(type, id), ...parseInput(DeleteOptionsSchema, options, 'delete options') };
}

/** Validates `getMany` arguments. */
export function parseGetMany(type: string, ids: readonly string[]): { type: string; ids: readonly string[] } {
  return { type: parseInput(RecordTypeSchema, type, 'record type'), ids: parseInput(RecordIdsSchema, ids, 'ids') };
}

/** Validates a `list` query. */
export function parseList(query: ListQuery) {
  return parseInput(ListQuerySchema, query, 'list query');
}

/** Validates an audit entry, fills `commandId` and encodes the patches. */
export function parseAudit(input: AuditInput): AuditCommand {
  const parsed = parseInput(AuditInputSchema, input, 'audit entry');
  const patchesJson = encodeJson(parsed.patches, 'audit entry', ['patches']);
  const inversePatchesJson = encodeJson(parsed.inversePatches, 'audit entry', ['inversePatches']);
  // The entry returned is the decoded JSON, so it equals what a later read returns.
  const entry = {
    ...parsed,
    commandId: parsed.commandId ?? parsed.id,
    patches: JSON.parse(patchesJson) as AuditPatch[],
    inversePatches: JSON.parse(inversePatchesJson) as AuditPatch[],
  };
  return { entry, patchesJson, inversePatchesJson, touched: touchedRecords(entry.patches) };
}

/** Validates an audit query. */
export function parseAuditQuery(query: AuditQuery = {}) {
  return parseInput(AuditQuerySchema, query, 'audit query');
}

/** Validates and encodes outbox events. */
export function parseOutbox(events: readonly OutboxEvent[]): OutboxCommand[] {
  return parseInput(OutboxEventsSchema, events, 'outbox events').map((parsed, index) => {
    const json = encodeJson(parsed, 'outbox events', [index]);
    return { event: JSON.parse(json) as OutboxEvent, json };
  });
}

/** Validates `claimOutbox` options. */
export function parseClaim(options: ClaimOptions) {
  return parseInput(ClaimOptionsSchema, options, 'claim options');
}

/** Validates the `seq`s of `acknowledgeOutbox`, dropping repeats. */
export function parseSeqs(seqs: readonly number[]): number[] {
  return [...new Set(parseInput(OutboxSeqsSchema, seqs, 'outbox seqs'))];
}
