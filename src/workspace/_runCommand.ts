import { CampaignKitError } from '../core/errors.js';
import type { WorkspaceEvent } from '../events/workspaceEvents.js';
import type { OutboxEvent } from '../store/storageAdapter.js';
import { writeCommandLog } from './_commandLog.js';
import type { WorkspaceContext } from './_context.js';
import { campaignOf, keyText, type Key } from './_records.js';
import { CommandSession, type EventDraft, type SavedRecord } from './_session.js';

/** What the pipeline needs to know about a command before it runs. */
export interface CommandInfo {
  /** Stable command name, recorded in the audit trail, e.g. `task.update`. */
  readonly name: string;
  /** The record the command is about: its audit entry's aggregate. */
  readonly target: Key;
  /** For an undo: the command it undoes. */
  readonly undoes?: string;
}

const OUTBOX_BATCH = 1000;

/**
 * The one way a workspace writes. The service has parsed the input; `body` loads what the command
 * reads into the session, authorizes, and changes the records with immer. Then, in the same storage
 * transaction, the pipeline validates and saves every changed record at the version it was loaded
 * with, writes the command log, appends one audit entry (patches and inverse patches of every record
 * changed) and the events to the outbox. Only after the commit does it run the session's
 * after-commit hooks and hand the events to listeners. Any failure rolls everything back.
 */
export async function runCommand<R>(ctx: WorkspaceContext, info: CommandInfo, body: (session: CommandSession) => Promise<R>): Promise<R> {
  const at = new Date(ctx.clock.now()).toISOString();
  const commandId = ctx.ids.next('cmd');
  let events: WorkspaceEvent[] = [];
  let hooks: readonly (() => void)[] = [];
  const value = await ctx.storage.transaction(async (tx) => {
    const session = new CommandSession(tx, ctx, commandId, at);
    await refuseDeactivatedActor(session);
    const result = await body(session);
    if (!session.authorized) {
      throw new CampaignKitError('INVALID_STATE', `command ${info.name} checked no permission; every command must authorize before it writes`);
    }
    if (session.patches.length === 0) return result;
    const saved = await session.save();
    const target = targetOf(session, info.target, saved);
    await writeCommandLog(tx, { commandId, command: info.name, actor: ctx.actor.id, campaignId: target.campaignId, ...(info.undoes === undefined ? {} : { undoes: info.undoes }) }, saved, session.restores);
    await tx.appendAudit({
      id: commandId,
      at,
      actor: ctx.actor.id,
      command: info.name,
      aggregate: { type: info.target.type, id: info.target.id, campaignId: target.campaignId },
      version: target.version,
      patches: session.patches,
      inversePatches: session.inversePatches,
    });
    const byKey = new Map(saved.map((record) => [keyText(record.type, record.id), record]));
    const finished = session.events.map((draft) => envelope(ctx, session, draft, { at, commandId, saved: byKey }));
    for (let start = 0; start < finished.length; start += OUTBOX_BATCH) {
      await tx.appendOutbox(finished.slice(start, start + OUTBOX_BATCH) as unknown as OutboxEvent[]);
    }
    events = finished;
    hooks = session.hooks;
    return result;
  });
  for (const hook of hooks) hook();
  ctx.bus.emit(events);
  return value;
}

/** A member deactivated in the directory can no longer act, whatever roles the host still gives them. */
async function refuseDeactivatedActor(session: CommandSession): Promise<void> {
  const { actor } = session.ctx;
  await session.load('member', [actor.id]);
  const member = session.get('member', actor.id);
  if (member?.deactivatedAt !== undefined) {
    throw new CampaignKitError('FORBIDDEN', `${actor.id} was deactivated at ${member.deactivatedAt} and can no longer act`, { details: { ids: [actor.id] } });
  }
}

/** The target's version and campaign after the command (unchanged targets keep their version). */
function targetOf(session: CommandSession, target: Key, saved: readonly SavedRecord[]): { version: number; campaignId: string | null } {
  const written = saved.find((s) => s.type === target.type && s.id === target.id);
  if (written) return written;
  return { version: session.versionOf(target.type, target.id), campaignId: campaignOf(target.type, session.get(target.type, target.id)) };
}

/** Completes an event draft with its id, time, actor, command and the record's version. */
function envelope(
  ctx: WorkspaceContext,
  session: CommandSession,
  draft: EventDraft,
  command: { readonly at: string; readonly commandId: string; readonly saved: ReadonlyMap<string, SavedRecord> },
): WorkspaceEvent {
  const { type, id } = draft.about;
  const written = command.saved.get(keyText(type, id));
  const version = written?.version ?? session.versionOf(type, id);
  const campaignId = written?.campaignId ?? campaignOf(type, session.get(type, id));
  return {
    id: ctx.ids.next('evt'),
    type: draft.type,
    time: command.at,
    actor: ctx.actor.id,
    commandId: command.commandId,
    aggregateId: id,
    version,
    ...(campaignId === null ? {} : { campaignId }),
    ...draft.payload,
  } as WorkspaceEvent;
}
