// One file's mentions grouped by resolution key, as the entity index keeps them for references, top releases and
// companions. Each key is a group number; the groups' mention indices (into the file's mention table), their
// release counts and each release's groups are flat typed arrays cut by bounds arrays, and a key is found by
// binary search over the keys in sorted order: a file names hundreds of keys, and a list and a Map entry per key
// cost several times the numbers they held (docs/performance.md).

/** Lists joined into one typed array, and where each starts (one more bound than lists). */
interface Flattened {
  readonly bounds: Int32Array;
  readonly values: Int32Array;
}

function flatten(lists: readonly (readonly number[])[]): Flattened {
  const bounds = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (bounds[i + 1] = bounds[i] + list.length));
  const values = new Int32Array(bounds[lists.length]);
  lists.forEach((list, i) => values.set(list, bounds[i]));
  return { bounds, values };
}

/** Whether a stored value is `lists` lists flattened, each value below `limit`. */
function isFlattened(value: unknown, lists: number, limit: number): value is Flattened {
  const { bounds, values } = (value ?? {}) as Partial<Flattened>;
  if (!(bounds instanceof Int32Array) || !(values instanceof Int32Array) || bounds.length !== lists + 1 || bounds[0] !== 0) return false;
  for (let i = 1; i < bounds.length; i++) if (bounds[i] < bounds[i - 1]) return false;
  return bounds[lists] === values.length && values.every((v) => v >= 0 && v < limit);
}

/** One file's groups as the persistent index stores them: the fields as they are. */
export interface StoredResolutionKeyGroups {
  readonly keys: readonly string[];
  readonly sorted: Int32Array;
  readonly mentions: Flattened;
  readonly releases: Flattened;
  readonly groupsByRelease: Flattened;
}

/** Collects mentions (in offset order) by resolution key, then seals them into groups. */
export class ResolutionKeyGrouping {
  private readonly groupOf = new Map<string, number>();
  private readonly mentions: number[][] = [];
  /** Per group: release index, mentions there, release index, mentions there …, in release order. */
  private readonly releases: number[][] = [];
  /** Per release index: the groups named in it, in order of first mention there. */
  private readonly groupsByRelease: number[][] = [];

  /** Adds the mention at `index` of the table. */
  add(resolutionKey: string, index: number, releaseIndex: number): void {
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
    if (at >= 0) releases[at + 1]++;
    else {
      releases.push(releaseIndex, 1);
      while (this.groupsByRelease.length <= releaseIndex) this.groupsByRelease.push([]);
      this.groupsByRelease[releaseIndex].push(group);
    }
  }

  seal(): ResolutionKeyGroups {
    const keys = [...this.groupOf.keys()];
    const sorted = Int32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    return new ResolutionKeyGroups(keys, sorted, flatten(this.mentions), flatten(this.releases), flatten(this.groupsByRelease));
  }
}

/** Resolution key → the file's mentions of it and the releases naming it; release → the keys it names. */
export class ResolutionKeyGroups {
  constructor(
    /** Group → its key, in order of first mention. */
    private readonly keys: readonly string[],
    /** The groups in the order of their keys. */
    private readonly sorted: Int32Array,
    private readonly mentions: Flattened,
    private readonly releases: Flattened,
    private readonly groupsByRelease: Flattened,
  ) {}

  toStored(): StoredResolutionKeyGroups {
    return { keys: this.keys, sorted: this.sorted, mentions: this.mentions, releases: this.releases, groupsByRelease: this.groupsByRelease };
  }

  /**
   * Groups from stored data, checked all through so every answer reads in range: keys in strictly sorted order
   * (the binary search), mention indices below `mentionCount`, release indices below `releaseCount`; undefined if
   * anything is off.
   */
  static fromStored(data: unknown, mentionCount: number, releaseCount: number): ResolutionKeyGroups | undefined {
    const { keys, sorted, mentions, releases, groupsByRelease } = (data ?? {}) as Partial<StoredResolutionKeyGroups>;
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string') || !(sorted instanceof Int32Array) || sorted.length !== keys.length)
      return undefined;
    const n = keys.length;
    for (let i = 0; i < n; i++) if (sorted[i] < 0 || sorted[i] >= n || (i > 0 && !(keys[sorted[i - 1]] < keys[sorted[i]]))) return undefined;
    if (!isFlattened(mentions, n, mentionCount) || !isFlattened(releases, n, Math.max(releaseCount, mentionCount + 1))) return undefined;
    // Releases: release index, mentions there, … per group.
    for (let group = 0; group < n; group++) if ((releases.bounds[group + 1] - releases.bounds[group]) % 2 !== 0) return undefined;
    for (let i = 0; i < releases.values.length; i += 2) if (releases.values[i] >= releaseCount || releases.values[i + 1] === 0) return undefined;
    const releaseLists = groupsByRelease?.bounds instanceof Int32Array ? groupsByRelease.bounds.length - 1 : -1;
    if (releaseLists < 0 || releaseLists > releaseCount || !isFlattened(groupsByRelease, releaseLists, n)) return undefined;
    return new ResolutionKeyGroups(keys, sorted, mentions, releases, groupsByRelease);
  }

  /** The resolution keys the file names, in order of first mention. */
  getKeys(): readonly string[] {
    return this.keys;
  }

  /** How often the file mentions the key. */
  countMentions(resolutionKey: string): number {
    const group = this.findGroup(resolutionKey);
    return group < 0 ? 0 : this.mentions.bounds[group + 1] - this.mentions.bounds[group];
  }

  /** How many of the file's releases mention the key. */
  countReleases(resolutionKey: string): number {
    const group = this.findGroup(resolutionKey);
    return group < 0 ? 0 : (this.releases.bounds[group + 1] - this.releases.bounds[group]) / 2;
  }

  /** Indices in the file's mention table of the key's mentions, in offset order. */
  getMentionIndices(resolutionKey: string): Int32Array {
    const group = this.findGroup(resolutionKey);
    return group < 0 ? new Int32Array(0) : this.mentions.values.subarray(this.mentions.bounds[group], this.mentions.bounds[group + 1]);
  }

  /** Calls `visit` with each release naming the key and its mentions there, in release order. */
  forEachReleaseCount(resolutionKey: string, visit: (mentions: number, releaseIndex: number) => void): void {
    const group = this.findGroup(resolutionKey);
    if (group < 0) return;
    const { bounds, values } = this.releases;
    for (let i = bounds[group]; i < bounds[group + 1]; i += 2) visit(values[i + 1], values[i]);
  }

  /** The resolution keys named in the release, in order of first mention there. */
  getReleaseKeys(releaseIndex: number): string[] {
    const { bounds, values } = this.groupsByRelease;
    if (releaseIndex < 0 || releaseIndex + 1 >= bounds.length) return [];
    return Array.from(values.subarray(bounds[releaseIndex], bounds[releaseIndex + 1]), (group) => this.keys[group]);
  }

  private findGroup(resolutionKey: string): number {
    let low = 0;
    let high = this.sorted.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const key = this.keys[this.sorted[mid]];
      if (key === resolutionKey) return this.sorted[mid];
      if (key < resolutionKey) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}
