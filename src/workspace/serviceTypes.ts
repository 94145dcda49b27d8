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
