import type { WorkspaceEvent } from '../events/workspaceEvents.js';

/** Options of a command on an existing entity. */
export interface UpdateOptions {
  /**
   * The version you read (see `getVersioned`): the command fails with `CONFLICT` and changes
   * nothing if the entity has moved on since. Leave it out to change the current version.
   */
  readonly expectedVersion?: number;
}

/** Paging of a list query. */
export interface PageOptions {
  /** Page size, 1–1000; default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page; omit for the first page. */
  readonly cursor?: string;
}

/**
 * The input of an `update` command: some fields of an entity. A field that may be absent from the
 * entity can be cleared with `null`; fields the workspace derives, or that name the entity, are
 * refused with a message naming the command to use instead.
 */
export type Changes<T> = { [K in keyof T]?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/** A record with its version, as the actor may see it. */
export interface VersionedRecord<T> {
  /** The entity (redacted for the actor). */
  readonly data: T;
  /** Its stored version: pass it as `expectedVersion` to change it only if nobody else has. */
  readonly version: number;
  /** When it was last written. */
  readonly updatedAt: string;
}

/** Receives what a listener threw (or rejected with) and the event it was handling. */
export type ListenerErrorHandler = (error: unknown, event: WorkspaceEvent) => void;
