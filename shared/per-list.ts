/**
 * Something worked out from a list, once per list. The plan store gives a changed plan new lists
 * and never edits one in place, so a list is its own key: the lanes, the gaps, the team spread and
 * the heatmap read the same answer after a change. What comes out is read-only for that reason. Held
 * weakly, so a list nobody holds any more takes its answer with it.
 */
export function perList<L extends readonly unknown[], T>(): (list: L, work: () => T) => T {
  const memo = new WeakMap<L, T>();
  return (list, work) => {
    let known = memo.get(list);
    if (known === undefined) {
      known = work();
      memo.set(list, known);
    }
    return known;
  };
}
