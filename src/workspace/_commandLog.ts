import * as z from 'zod';
import type { StorageReader, StorageWriter } from '../store/storageAdapter.js';
import type { SavedRecord } from './_session.js';

/**
 * One `command` document per committed command, next to its audit entry: the version every record
 * it wrote had before and after, which undo compares with the current versions ("has anything
 * moved on since?"), and, once undone, the undo command's id. The audit entry alone names only the
 * target's version. An undo's own log says which versions stand for the same content again: after
 * undoing X, a record at the undo's version is as it was before X.
 */

/** Document type of command logs. */
export const COMMAND_LOG_TYPE = 'command';

const RecordVersionSchema = z.object({
  /** Record type. */
  type: z.string(),
  /** Record id. */
  id: z.string(),
  /** Version after the command (0 = deleted). */
  version: z.int().min(0),
  /** Version before it (0 = did not exist). */
  before: z.int().min(0),
});

/** A command log document. */
export const CommandLogSchema = z.object({
  /** The command's name, e.g. `task.update`. */
  command: z.string(),
  /** Who ran it. */
  actor: z.string(),
  /** Every record it wrote, with its version afterwards. */
  records: z.array(RecordVersionSchema),
  /** The command that undid this one. */
  undoneBy: z.string().optional(),
  /** The command this one undid (undo commands only). */
  undoes: z.string().optional(),
  /** Undo commands only: record versions that stand again for an earlier version's content. */
  restores: z.array(z.object({ /** Type. */ type: z.string(), /** Id. */ id: z.string(), /** Version after the undo. */ version: z.int().min(0), /** The version it equals. */ sameAs: z.int().min(0) })).optional(),
});
/** A command log document. */
export type CommandLog = z.infer<typeof CommandLogSchema>;

/** Writes the log of a command that just saved `records`. */
export async function writeCommandLog(
  tx: StorageWriter,
  entry: { readonly commandId: string; readonly command: string; readonly actor: string; readonly campaignId: string | null; readonly undoes?: string },
  records: readonly SavedRecord[],
  restores: CommandLog['restores'],
): Promise<void> {
  const log: CommandLog = {
    command: entry.command,
    actor: entry.actor,
    records: records.map(({ type, id, version, before }) => ({ type, id, version, before })),
    ...(entry.undoes === undefined ? {} : { undoes: entry.undoes }),
    ...(restores === undefined ? {} : { restores }),
  };
  await tx.put({ type: COMMAND_LOG_TYPE, id: entry.commandId, campaignId: entry.campaignId, data: log }, { expectedVersion: 0 });
}

/** Reads a command log with its version, or `null` when the command kept none. */
export async function readCommandLog(reader: StorageReader, commandId: string): Promise<{ log: CommandLog; version: number; campaignId: string | null } | null> {
  const record = await reader.get(COMMAND_LOG_TYPE, commandId);
  if (record === null) return null;
  const parsed = CommandLogSchema.safeParse(record.data);
  return parsed.success ? { log: parsed.data, version: record.version, campaignId: record.campaignId } : null;
}
