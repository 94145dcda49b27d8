/**
 * What {@link MspdiWarning} reports:
 *
 * - `MISSING_PREDECESSOR`: a PredecessorLink names a UID that is not a task read from the file
 *   (absent, or a null, inactive, external or project summary task); the link is left out.
 * - `OUTLINE_LEVEL`: a task's OutlineLevel is impossible: not a whole number of at least 1 (only
 *   the project summary task, UID 0, has level 0), read as level 1; or more than one level below
 *   the task before it, read as one level below it.
 * - `MISSING_CALENDAR`: a calendar UID names no calendar in the file. A task keeps the project
 *   calendar, the project keeps Standard, and a calendar whose base calendar is missing derives
 *   from Standard's week instead.
 */
export type MspdiWarningCode = 'MISSING_PREDECESSOR' | 'OUTLINE_LEVEL' | 'MISSING_CALENDAR';

/**
 * Something in an MSPDI file {@link parseMspdi} could not read as written and read another way,
 * without failing the parse.
 */
export interface MspdiWarning {
  /** What happened; see {@link MspdiWarningCode}. */
  readonly code: MspdiWarningCode;
  /** What was wrong and what was read instead. */
  readonly message: string;
  /** MSPDI UID of the task or calendar concerned; absent for a project-wide field. */
  readonly uid?: string;
  /** Where in the document, 1-based as in XPath, e.g. `Project/Tasks/Task[3]/PredecessorLink[1]`. */
  readonly path: string;
}
