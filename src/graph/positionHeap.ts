/**
 * A binary heap of graph nodes ordered by their position in a topological order, ascending or
 * descending, holding each node at most once. Incremental rescheduling pops nodes in dependency
 * order so every node is recomputed after everything it depends on.
 */
export class PositionHeap {
  private readonly heap: Int32Array;
  private readonly queued: Uint8Array;
  private size = 0;

  /**
   * @param position - `position[node]` = index of the node in the topological order.
   * @param descending - pop the latest position first (for backward passes).
   */
  constructor(private readonly position: Int32Array, private readonly descending = false) {
    this.heap = new Int32Array(position.length);
    this.queued = new Uint8Array(position.length);
  }

  /** Whether nothing is queued. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** Queues a node unless it is already queued. */
  push(node: number): void {
    if (this.queued[node]) return;
    this.queued[node] = 1;
    let i = this.size++;
    this.heap[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(node, this.heap[parent] as number)) break;
      this.heap[i] = this.heap[parent] as number;
      i = parent;
    }
    this.heap[i] = node;
  }

  /** Removes and returns the first node in order. */
  pop(): number {
    const top = this.heap[0] as number;
    const last = this.heap[--this.size] as number;
    this.queued[top] = 0;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.before(this.heap[right] as number, this.heap[left] as number) ? right : left;
      if (!this.before(this.heap[child] as number, last)) break;
      this.heap[i] = this.heap[child] as number;
      i = child;
    }
    if (this.size > 0) this.heap[i] = last;
    return top;
  }

  private before(a: number, b: number): boolean {
    const pa = this.position[a] as number;
    const pb = this.position[b] as number;
    return this.descending ? pa > pb : pa < pb;
  }
}
