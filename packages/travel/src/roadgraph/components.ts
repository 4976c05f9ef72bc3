/**
 * Strongly connected components of the junction graph (iterative Tarjan, so deep graphs do not
 * overflow the stack). A point snapped into a small component, or onto a one-way trap, could reach
 * few others or be reached by few; OSRM avoids both the same way.
 */
export function stronglyConnected(
  firstArc: Int32Array,
  arcHead: Int32Array,
): { component: Int32Array; size: Int32Array } {
  const J = firstArc.length - 1;
  const index = new Int32Array(J).fill(-1);
  const low = new Int32Array(J);
  const onStack = new Uint8Array(J);
  const stack = new Int32Array(J);
  const callNode = new Int32Array(J);
  const callArc = new Int32Array(J);
  const component = new Int32Array(J).fill(-1);
  const sizes: number[] = [];
  let sp = 0;
  let counter = 0;
  for (let root = 0; root < J; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callArc[0] = firstArc[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const k = callArc[depth]!;
      if (k < firstArc[v + 1]!) {
        callArc[depth] = k + 1;
        const w = arcHead[k]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callArc[depth] = firstArc[w]!;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      if (low[v] === index[v]) {
        const id = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = id;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return { component, size: Int32Array.from(sizes) };
}
