/**
 * Finds one directed cycle among the nodes accepted by `include`, by iterative depth-first search
 * (no recursion, so a long chain cannot overflow the stack). Returns the nodes in link order with
 * the first repeated at the end, e.g. `[a, b, c, a]`, or `[]` when there is none.
 *
 * @param forEachSuccessor - calls `visit` for every successor of `node`.
 */
export function findCycle(
  size: number,
  forEachSuccessor: (node: number, visit: (successor: number) => void) => void,
  include: (node: number) => boolean = () => true,
): number[] {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Uint8Array(size);
  const successors: number[][] = [];
  const stack: number[] = [];
  const cursor: number[] = [];
  for (let root = 0; root < size; root++) {
    if (colour[root] !== WHITE || !include(root)) continue;
    stack.push(root);
    cursor.push(0);
    colour[root] = GREY;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top] as number;
      let next = successors[node];
      if (next === undefined) {
        const list: number[] = [];
        forEachSuccessor(node, (s) => {
          if (include(s)) list.push(s);
        });
        successors[node] = next = list;
      }
      const i = cursor[top] as number;
      if (i >= next.length) {
        colour[node] = BLACK;
        stack.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = i + 1;
      const s = next[i] as number;
      if (colour[s] === GREY) return [...stack.slice(stack.indexOf(s)), s];
      if (colour[s] === WHITE) {
        colour[s] = GREY;
        stack.push(s);
        cursor.push(0);
      }
    }
  }
  return [];
}
