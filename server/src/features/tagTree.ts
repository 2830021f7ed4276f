// Hierarchical tag names: `energy/oil` is a child of `energy`. The tree the Tags view shows is built from the
// names the records use; a parent nobody used on its own (only `energy/oil` exists) still appears, with no
// passages of its own, so the children have somewhere to hang.

export interface TagTreeNode {
  /** The last segment (`oil`). */
  readonly name: string;
  /** The whole tag name (`energy/oil`): what `#` queries, renames and records use. */
  readonly path: string;
  /** Records tagged with exactly this name. */
  readonly count: number;
  /** Records tagged with this name or any below it, each record counted once. */
  readonly total: number;
  readonly children: readonly TagTreeNode[];
}

/** The tag tree with counts, each level most used first (by total, then by name). */
export function computeTagTree(records: Iterable<{ readonly tags: readonly string[] }>): TagTreeNode[] {
  interface MutableNode {
    count: number;
    recordsBelow: Set<number>;
    children: Map<string, MutableNode>;
  }
  const root: MutableNode = { count: 0, recordsBelow: new Set(), children: new Map() };
  let recordNumber = 0;
  for (const record of records) {
    recordNumber++;
    for (const tag of new Set(record.tags)) {
      let node = root;
      for (const segment of tag.split('/')) {
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = { count: 0, recordsBelow: new Set(), children: new Map() }));
        child.recordsBelow.add(recordNumber);
        node = child;
      }
      node.count++;
    }
  }
  const freeze = (node: MutableNode, parentPath: string): TagTreeNode[] =>
    [...node.children]
      .map(([name, child]): TagTreeNode => {
        const path = parentPath ? `${parentPath}/${name}` : name;
        return { name, path, count: child.count, total: child.recordsBelow.size, children: freeze(child, path) };
      })
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return freeze(root, '');
}
