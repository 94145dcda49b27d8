import type { Patch } from 'immer';
import { CampaignKitError } from '../core/errors.js';
import type { AuditEntry } from '../store/storageAdapter.js';
import { COMMAND_LOG_TYPE, readCommandLog, type CommandLog } from './_commandLog.js';
import { permissionOf } from './_commandPermissions.js';
import { authorizeDelegation } from './_delegations.js';
import type { WorkspaceContext } from './_context.js';
import type { UndoResult } from './auditService.js';
import { isRecordType, type RecordType } from './_records.js';
import { campaignScope, resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import type { CommandSession } from './_session.js';

/** `type/id@version`, the key of a record version. */
function at(type: string, id: string, version: number): string {
  return `${type}\u0000${id}@${version}`;
}

/**
 * The actor's most recent command that is not an undo and was not undone, with the versions the
 * undos after it restored: undoing X leaves each record as it was before X, so its version after
 * the undo stands for its version before X. Following these lets undo step back command by command.
 */
async function lastUndoable(ctx: WorkspaceContext): Promise<{ entry: AuditEntry; sameAs: Map<string, number> } | null> {
  const sameAs = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.readAudit({ actor: ctx.actor.id, order: 'desc', limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    for (const entry of page.items) {
      const found = await readCommandLog(ctx.storage, entry.id);
      if (entry.command === 'undo') {
        for (const r of found?.log.restores ?? []) sameAs.set(at(r.type, r.id, r.version), r.sameAs);
        continue;
      }
      if (found !== null && found.log.undoneBy === undefined) return { entry, sameAs };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return null;
}

/** Loads every record the command wrote and checks none has moved on since. */
async function loadUnchanged(session: CommandSession, entry: AuditEntry, log: CommandLog, sameAs: ReadonlyMap<string, number>): Promise<void> {
  for (const record of log.records) {
    if (!isRecordType(record.type)) throw new CampaignKitError('INVALID_STATE', `cannot undo a change of unknown record type '${record.type}'`);
    await session.load(record.type, [record.id]);
    const now = session.versionOf(record.type, record.id);
    let equivalent = now;
    const seen = new Set<number>([now]);
    for (;;) {
      const earlier = sameAs.get(at(record.type, record.id, equivalent));
      if (equivalent === record.version || earlier === undefined || seen.has(earlier)) break;
      seen.add(earlier);
      equivalent = earlier;
    }
    if (equivalent !== record.version) {
      const state = now === 0 ? 'has been deleted' : `is at version ${now}`;
      throw new CampaignKitError('CONFLICT', `Cannot undo ${entry.command} (${entry.id}): ${record.type} ${record.id} ${state}, not ${record.version} as the command left it; a later command changed it`, {
        details: { ids: [record.id], type: record.type, expectedVersion: record.version, actualVersion: now === 0 ? null : now, reason: 'undo' },
      });
    }
  }
}

/**
 * Undoes the actor's last command that is not an undo and was not undone yet: a new command named
 * `undo` that applies the inverse patches of that command's audit entry to every record it wrote,
 * after checking the original command's permission again and that every one of those records is
 * still at the version the command left it (`CONFLICT` otherwise, and nothing changes). The undone
 * command's log is marked, so the next undo goes one command further back.
 */
export async function undoLast(ctx: WorkspaceContext): Promise<UndoResult> {
  const found = await lastUndoable(ctx);
  if (found === null) throw new CampaignKitError('NOT_FOUND', `${ctx.actor.id} has no command left to undo`, { details: { ids: [ctx.actor.id] } });
  const { entry, sameAs } = found;
  const target = { type: entry.aggregate.type as RecordType, id: entry.aggregate.id };
  return runCommand(ctx, { name: 'undo', target, undoes: entry.id }, async (session) => {
    // Read again inside the transaction: another undo of the same command may have won the race.
    const current = await readCommandLog(session.tx, entry.id);
    if (current === null || current.log.undoneBy !== undefined) {
      throw new CampaignKitError('CONFLICT', `command ${entry.id} has just been undone by ${current?.log.undoneBy ?? 'another command'}`, { details: { ids: [entry.id] } });
    }
    await loadUnchanged(session, entry, current.log, sameAs);
    // The aggregate itself, when the command did not write it (a baseline saved on a campaign).
    if (isRecordType(target.type)) await session.load(target.type, [target.id]);
    const existing = isRecordType(target.type) ? session.get(target.type, target.id) : undefined;
    const delegation = target.type === 'delegation' ? session.get('delegation', target.id) : undefined;
    if (delegation !== undefined) authorizeDelegation(session, delegation.approverId);
    else session.authorize(permissionOf(entry.command), existing === undefined ? campaignScope(target.type, entry.aggregate.campaignId) : resourceOf(target.type, existing));
    session.applyPatches(entry.inversePatches as Patch[]);
    // The versions come from the storage: a record re-created by the undo continues after its delete.
    const records: UndoResult['records'][number][] = [];
    const before = new Map(current.log.records.map((r) => [`${r.type}\u0000${r.id}`, r.before]));
    session.afterSave((saved) => {
      records.push(...saved.map(({ type, id, version }) => ({ type, id, version })));
      session.restores = records.flatMap((r) => {
        const sameAs = before.get(`${r.type}\u0000${r.id}`);
        return sameAs === undefined ? [] : [{ ...r, sameAs }];
      });
    });
    await session.tx.put(
      { type: COMMAND_LOG_TYPE, id: entry.id, campaignId: current.campaignId, data: { ...current.log, undoneBy: session.commandId } },
      { expectedVersion: current.version },
    );
    session.emit('command.undone', target, { undoneCommandId: entry.id, undoneCommand: entry.command, records });
    return { commandId: session.commandId, undoneCommandId: entry.id, undoneCommand: entry.command, records };
  });
}
