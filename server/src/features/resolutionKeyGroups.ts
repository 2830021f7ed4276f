// One file's mentions grouped by resolution key, as the entity index keeps them for references and top releases.
// Each key is a group number; the groups' mention indices (into the file's mention table) and their release
// counts are each one flat typed array, cut by a bounds array: a file names thousands of keys, and a list (or a
// Map) per key cost several times the numbers it held (docs/performance.md).

/** Collects mentions (in offset order) by resolution key, then seals them into groups. */
export class ResolutionKeyGrouping {
  private readonly groupOf = new Map<string, number>();
  private readonly mentions: number[][] = [];
  /** Per group: release index, mentions there, release index, mentions there …, in release order. */
  private readonly releases: number[][] = [];

  /** Adds the mention at `index` of the table; true when it is the key's first mention in the release. */
  add(resolutionKey: string, index: number, releaseIndex: number): boolean {
    let group = this.groupOf.get(resolutionKey);
    if (group === undefined) {
      this.groupOf.set(resolutionKey, (group = this.mentions.length));
      this.mentions.push([]);
      this.releases.push([]);
    }
    this.mentions[group].push(index);
    const releases = this.releases[group];
    // Mentions come in offset order, so the release is the last one counted unless it is new.
    let at = releases.length - 2;
    while (at >= 0 && releases[at] !== releaseIndex) at -= 2;
    if (at >= 0) {
      releases[at + 1]++;
      return false;
    }
    releases.push(releaseIndex, 1);
    return true;
  }

  seal(): ResolutionKeyGroups {
    return new ResolutionKeyGroups(this.groupOf, flatten(this.mentions), flatten(this.releases));
  }
}

/** Lists joined into one typed array, and where each starts (one more bound than lists). */
function flatten(lists: readonly number[][]): { bounds: Int32Array; values: Int32Array } {
  const bounds = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (bounds[i + 1] = bounds[i] + list.length));
  const values = new Int32Array(bounds[lists.length]);
  lists.forEach((list, i) => values.set(list, bounds[i]));
  return { bounds, values };
}

/** Resolution key → the file's mentions of it and the releases naming it. */
export class ResolutionKeyGroups {
  constructor(
    private readonly groupOf: ReadonlyMap<string, number>,
    private readonly mentions: { readonly bounds: Int32Array; readonly values: Int32Array },
    private readonly releases: { readonly bounds: Int32Array; readonly values: Int32Array },
  ) {}

  /** The resolution keys the file names, in order of first mention. */
  keys(): IterableIterator<string> {
    return this.groupOf.keys();
  }

  /** How often the file mentions the key. */
  countMentions(resolutionKey: string): number {
    const group = this.groupOf.get(resolutionKey);
    return group === undefined ? 0 : this.mentions.bounds[group + 1] - this.mentions.bounds[group];
  }

  /** How many of the file's releases mention the key. */
  countReleases(resolutionKey: string): number {
    const group = this.groupOf.get(resolutionKey);
    return group === undefined ? 0 : (this.releases.bounds[group + 1] - this.releases.bounds[group]) / 2;
  }

  /** Indices in the file's mention table of the key's mentions, in offset order. */
  getMentionIndices(resolutionKey: string): Int32Array {
    const group = this.groupOf.get(resolutionKey);
    return group === undefined ? new Int32Array(0) : this.mentions.values.subarray(this.mentions.bounds[group], this.mentions.bounds[group + 1]);
  }

  /** Calls `visit` with each release naming the key and its mentions there, in release order. */
  forEachReleaseCount(resolutionKey: string, visit: (mentions: number, releaseIndex: number) => void): void {
    const group = this.groupOf.get(resolutionKey);
    if (group === undefined) return;
    const { bounds, values } = this.releases;
    for (let i = bounds[group]; i < bounds[group + 1]; i += 2) visit(values[i + 1], values[i]);
  }
}
