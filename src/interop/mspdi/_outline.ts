/** Where one task sits in the outline. */
export interface OutlinePlace {
  /** Id of its summary task, if it has one. */
  readonly parent: string | undefined;
  /** The level it was read at. */
  readonly level: number;
  /** True when the written level was impossible and `level` was used instead. */
  readonly repaired: boolean;
}

/**
 * The outline of MSPDI tasks read in file order: each task's OutlineLevel makes the nearest task
 * one level up its parent. A level that is not a whole number of at least 1 is read as 1, and a
 * level more than one below the task before it as one below it.
 */
export class Outline {
  /** Ids of the last task seen at each level, level 1 first. */
  private readonly path: string[] = [];

  /** Places task `id`, written at `written`, after the tasks placed so far. */
  place(id: string, written: number): OutlinePlace {
    const deepest = this.path.length + 1;
    const level = !Number.isInteger(written) || written < 1 ? 1 : Math.min(written, deepest);
    this.path.length = level - 1;
    const parent = this.path[level - 2];
    this.path.push(id);
    return { parent, level, repaired: level !== written };
  }
}
