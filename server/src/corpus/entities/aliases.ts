// Pass two of recognition, over a whole file: the names the file has established (full names with titles,
// transcript speakers, organisation names) name the leftover words: "Stoltenberg" and "Mr Stoltenberg" become
// Jens Stoltenberg, "Volodymyr" in "My dear friend Volodymyr" becomes Volodymyr Zelenskyy, "the Secretary
// General" becomes the nearest holder of that title in the release. Whatever stays unnamed is kept as a
// candidate: the corpus-wide index may know it (a surname introduced in another file).

import { FileEntities, keyOf, Mention, normaliseName, ReleaseContext } from './entityModel';
import { MentionTable } from './mentionTable';
import { Finding } from './mentions';
import { getRoleHead, normaliseRole } from './roles';
import { runToEnd } from './steps';

/** A mention read by a title's later-holder pass costs a small share of a finding resolved: this many per finding of a piece. */
const MENTIONS_READ_PER_FINDING = 10;

/** A transcript speaker: "Andrew Gray (Reuters)" is a person with an outlet. */
export interface SpeakerFact {
  readonly name?: string;
  readonly role?: string;
  readonly outlet?: string;
}

/** Resolves one file's findings (in text order) into mentions. */
export function resolveFileFindings(findings: readonly Finding[], speakers: readonly SpeakerFact[], releases: readonly ReleaseContext[] = []): FileEntities {
  return runToEnd(resolveFileFindingsInSteps(findings, speakers, releases, Number.POSITIVE_INFINITY));
}

/**
 * The same, in pieces: yields after every `findingsPerPiece` findings read (a big file's recognition runs in the
 * background between requests), keeping what it has found so far.
 */
export function* resolveFileFindingsInSteps(
  findings: readonly Finding[],
  speakers: readonly SpeakerFact[],
  releases: readonly ReleaseContext[],
  findingsPerPiece: number,
): Generator<void, FileEntities, void> {
  let read = 0;
  const pieceDone = () => ++read % findingsPerPiece === 0;
  const people = new PeopleOfFile();
  const organisations = new Map<string, string>();
  for (const speaker of speakers) {
    if (speaker.name) people.add(speaker.name.split(/\s+/));
    // "National News Agency of Ukraine, Ukrinform": an outlet may be named twice.
    for (const outlet of speaker.outlet?.split(/,\s*/) ?? [])
      organisations.set(normaliseName(outlet).replace(/^the /, ''), keyOf('organisation', outlet.replace(/^The /, '')));
  }
  const abbreviationAliases = new Map<string, string>();
  for (const f of findings) {
    if (f.type !== 'mention') continue;
    if (f.kind === 'person' && f.words) people.add(f.words);
    if (f.kind === 'organisation' && f.form === 'name') organisations.set(normaliseName(nameOf(f.key)).replace(/^the /, ''), f.key);
    if (f.abbreviationOf) abbreviationAliases.set(f.abbreviationOf, f.key);
    if (pieceDone()) yield;
  }
  // "Sviatlana Tsikhanouskaya" where the file knows "Ms Tsikhanouskaya": a full name ending in a known surname.
  for (const f of findings) {
    if (f.type === 'name-run' && f.words.length >= 2 && f.words.length <= 4 && people.isSurname(f.words[f.words.length - 1])) people.add(f.words);
    if (pieceDone()) yield;
  }
  // Posts written as abbreviations ("SACEUR, our Supreme Allied Commander"): the abbreviation alone is the post too.
  const posts = new Set<string>();
  for (const f of findings) if (f.type === 'mention' && f.kind === 'person' && f.words?.length === 1 && /^\p{Lu}{2,}$/u.test(f.words[0])) posts.add(f.key);
  const mentions: Mention[] = [];
  const nearestHolders = new NearestRoleHolders(mentions);
  const roleHolders = new RoleHolders();
  for (const f of findings) {
    if (f.type === 'mention' && f.form === 'abbreviation' && posts.has(keyOf('person', nameOf(f.key)))) {
      mentions.push({ span: f.span, kind: 'person', form: 'name', key: keyOf('person', nameOf(f.key)), releaseIndex: f.releaseIndex });
    } else if (f.type === 'mention') {
      const key = f.kind === 'person' && f.words ? (people.resolve(f.words) ?? f.key) : f.key;
      mentions.push({ span: f.span, kind: f.kind, form: f.form, key, role: f.role, releaseIndex: f.releaseIndex });
    } else if (f.type === 'name-run') {
      mentions.push(nameRunMention(f, people, organisations));
    } else {
      // Only a holder of the title in this release, for now: one named later in it comes before the file's.
      const holder = nearestHolders.find(f.role, f.head, f.releaseIndex);
      const release = releases[f.releaseIndex];
      mentions.push({
        span: f.span,
        kind: 'person',
        form: 'title',
        key: holder ?? `role:${f.head}`,
        role: f.role,
        releaseIndex: f.releaseIndex,
        holderFound: holder ? 'named-before' : 'none',
        ...(release && { release }),
      });
    }
    const last = mentions[mentions.length - 1];
    if (last.kind === 'person' && last.role && last.form !== 'title') roleHolders.add(last.key, last.role);
    if (pieceDone()) yield;
  }
  // The findings are read no more: a big file's may go before the second look and the table are made.
  findings = []; // eslint-disable-line no-useless-assignment -- the generator's frame would keep them alive to the end
  // A title met before its holder's name ("The Secretary General visited … Secretary General Jens Stoltenberg
  // said") is named on a second look: by the holder named later in the same release, else the file's holder.
  const laterHolders = new LaterRoleHolders(mentions);
  const resolved: Mention[] = [];
  for (const [i, m] of mentions.entries()) {
    const later = m.key.startsWith('role:') && m.role ? yield* laterHolders.find(i, findingsPerPiece * MENTIONS_READ_PER_FINDING) : undefined;
    resolved.push(m.key.startsWith('role:') && m.role ? withGuessedHolder(m, later, roleHolders.getHolder(m.role)) : m);
    if (pieceDone()) yield;
  }
  resolved.sort((a, b) => a.span.start - b.span.start);
  const table = yield* MentionTable.fromInSteps(resolved, findingsPerPiece * MENTIONS_READ_PER_FINDING);
  return { mentions: table, personAliases: people.getAliases(), abbreviationAliases };
}

function withGuessedHolder(m: Mention, later: string | undefined, ofFile: string | undefined): Mention {
  if (later) return { ...m, key: later, holderFound: 'named-later' };
  return ofFile ? { ...m, key: ofFile, holderFound: 'file' } : m;
}

function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function nameRunMention(f: Extract<Finding, { type: 'name-run' }>, people: PeopleOfFile, organisations: Map<string, string>): Mention {
  const base = { span: f.span, releaseIndex: f.releaseIndex };
  const asOrganisation = organisations.get(normaliseName(f.words.join(' ')));
  if (asOrganisation) return { ...base, kind: 'organisation', form: 'name', key: asOrganisation };
  const person = people.resolve(f.words);
  if (person) {
    const form = f.words.length > 1 ? 'name' : people.isSurname(f.words[0]) ? 'surname' : 'first-name';
    return { ...base, kind: 'person', form, key: person };
  }
  // "Austin Hosts Philippine Counterpart": in a title-case headline a known name is only the run's first word.
  const first = f.words.length > 1 && f.wordSpans.length === f.words.length ? people.resolve([f.words[0]]) : undefined;
  if (first)
    return { span: f.wordSpans[0], releaseIndex: f.releaseIndex, kind: 'person', form: people.isSurname(f.words[0]) ? 'surname' : 'first-name', key: first };
  return { ...base, kind: 'person', form: 'candidate', key: keyOf('person', f.words.join(' ')) };
}

/**
 * The person nearest before this point in the same release whose stated role has this head; a holder of the
 * bare title comes first: in "Prime Minister Rishi Sunak … met Polish Prime Minister Donald Tusk. The Prime
 * Minister said", the publisher's own Prime Minister speaks. Mentions are only appended, so each head remembers
 * its answers and how far it has read: a release that says "the Secretary General" ten thousand times reads each
 * mention once per head, not once per title.
 */
class NearestRoleHolders {
  private readonly byHead = new Map<string, { releaseIndex: number; readUpTo: number; nearest: string | undefined; byRole: Map<string, string> }>();

  constructor(private readonly mentions: readonly Mention[]) {}

  find(role: string, head: string, releaseIndex: number): string | undefined {
    let state = this.byHead.get(head);
    if (state?.releaseIndex !== releaseIndex) this.byHead.set(head, (state = { releaseIndex, readUpTo: 0, nearest: undefined, byRole: new Map() }));
    const newer = new Map<string, string>(); // normalised role → its holder nearest to the title, among the unread
    let nearest: string | undefined;
    for (let i = this.mentions.length - 1; i >= state.readUpTo && this.mentions[i].releaseIndex === releaseIndex; i--) {
      const m = this.mentions[i];
      if (m.kind !== 'person' || m.key.startsWith('role:') || !m.role || !roleHeadMatches(m.role, head)) continue;
      nearest ??= m.key;
      const normalised = normaliseRole(m.role);
      if (!newer.has(normalised)) newer.set(normalised, m.key);
    }
    if (nearest) state.nearest = nearest;
    for (const [normalised, key] of newer) state.byRole.set(normalised, key);
    state.readUpTo = this.mentions.length;
    return state.byRole.get(normaliseRole(role)) ?? state.nearest;
  }
}

/**
 * The first person after a title, in the same release, whose stated role has the title's head. One backward pass
 * per head answers every title with that head, however many there are.
 */
class LaterRoleHolders {
  private readonly byHead = new Map<string, (string | undefined)[]>();

  constructor(private readonly mentions: readonly Mention[]) {}

  /** The first pass for a head reads every mention: in pieces of `mentionsPerPiece` (a big file's recognition in the background). */
  *find(index: number, mentionsPerPiece: number): Generator<void, string | undefined, void> {
    const head = getRoleHead(this.mentions[index].role!);
    let next = this.byHead.get(head);
    if (!next) {
      next = new Array<string | undefined>(this.mentions.length);
      let holder: string | undefined;
      for (let i = this.mentions.length - 1, read = 1; i >= 0; i--, read++) {
        const m = this.mentions[i];
        if (i + 1 < this.mentions.length && this.mentions[i + 1].releaseIndex !== m.releaseIndex) holder = undefined;
        next[i] = holder;
        if (m.kind === 'person' && !m.key.startsWith('role:') && m.role && roleHeadMatches(m.role, head)) holder = m.key;
        if (read % mentionsPerPiece === 0) yield;
      }
      this.byHead.set(head, next);
    }
    return next[index];
  }
}

function roleHeadMatches(role: string, head: string): boolean {
  return normalisedRoleHeadMatches(normaliseTitlePart(role), head);
}

/** The title is what comes before a complement: a "Spokesman for the Secretary-General" is no Secretary-General. */
function normaliseTitlePart(role: string): string {
  return normaliseRole(role.split(/\s+(?:of|for)\s+/)[0]);
}

function normalisedRoleHeadMatches(normalisedRole: string, head: string): boolean {
  const stated = ` ${normalisedRole} `;
  // A deputy or a vice holder is not the holder: "the President" is not the Vice President.
  return stated.includes(` ${head} `) && !stated.includes(` deputy ${head} `) && !stated.includes(` vice ${head} `);
}

/**
 * Who holds which role in a file, as its mentions state them: "who most often holds this role" is answered from
 * tallies kept up to date as roles are added, so a file naming thousands of people and titles answers each title
 * without re-reading every person's roles.
 */
class RoleHolders {
  private readonly firstStated = new Map<string, number>(); // key → when its first role was stated: ties go to the first
  private readonly statements: { key: string; titlePart: string }[] = [];
  private readonly byRole = new Map<string, HolderTally>(); // normalised role → holders
  private readonly byHead = new Map<string, HolderTally>(); // a title head asked for → holders of roles with that head
  private readonly normalisedRoles = new Map<string, string>();

  add(key: string, role: string): void {
    if (!this.firstStated.has(key)) this.firstStated.set(key, this.firstStated.size);
    const normalisedRole = this.normalise(role);
    const titlePart = normaliseTitlePart(role);
    this.statements.push({ key, titlePart });
    this.getTally(this.byRole, normalisedRole).add(key);
    for (const [head, tally] of this.byHead) if (normalisedRoleHeadMatches(titlePart, head)) tally.add(key);
  }

  /**
   * The person of this file who most often holds this role. Away from the holder's release only the same role
   * counts: a bare title ("the Secretary General") or the exact words ("NATO Secretary General").
   */
  getHolder(role: string): string | undefined {
    const wanted = this.normalise(role);
    const head = getRoleHead(role);
    if (wanted !== head) return this.byRole.get(wanted)?.best;
    let tally = this.byHead.get(head);
    if (!tally) {
      tally = this.getTally(this.byHead, head);
      for (const statement of this.statements) if (normalisedRoleHeadMatches(statement.titlePart, head)) tally.add(statement.key);
    }
    return tally.best;
  }

  private getTally(tallies: Map<string, HolderTally>, name: string): HolderTally {
    let tally = tallies.get(name);
    if (!tally) tallies.set(name, (tally = new HolderTally(this.firstStated)));
    return tally;
  }

  private normalise(role: string): string {
    let normalised = this.normalisedRoles.get(role);
    if (normalised === undefined) this.normalisedRoles.set(role, (normalised = normaliseRole(role)));
    return normalised;
  }
}

/** Counts per person; the most counted is the best, the first stated among equals. */
class HolderTally {
  private readonly counts = new Map<string, number>();
  private bestCount = 0;
  best: string | undefined;

  constructor(private readonly firstStated: ReadonlyMap<string, number>) {}

  add(key: string): void {
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.bestCount || (count === this.bestCount && this.firstStated.get(key)! < this.firstStated.get(this.best!)!)) {
      this.best = key;
      this.bestCount = count;
    }
  }
}

/** The people a file names in full, indexed by surname and first name. */
class PeopleOfFile {
  private readonly fullNames = new Map<string, string>(); // normalised full name → key
  private readonly byTail = new Map<string, Set<string>>(); // "de croo" → keys of "Alexander De Croo"
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly byFirstName = new Map<string, Set<string>>();
  private readonly singleNames = new Set<string>(); // "Putin" from "President Putin"

  add(words: readonly string[]): void {
    if (words.length === 1) {
      this.singleNames.add(normaliseName(words[0]));
      return;
    }
    const key = keyOf('person', words.join(' '));
    this.fullNames.set(normaliseName(words.join(' ')), key);
    addTo(this.bySurname, normaliseName(words[words.length - 1]), key);
    addTo(this.byFirstName, normaliseName(words[0]), key);
    for (let i = 1; i < words.length - 1; i++) addTo(this.byTail, normaliseName(words.slice(i).join(' ')), key);
  }

  isSurname(word: string): boolean {
    const w = normaliseName(word);
    return this.bySurname.has(w) || this.singleNames.has(w);
  }

  /** The key of the person these words name in this file, when exactly one person fits. */
  resolve(words: readonly string[]): string | undefined {
    const whole = normaliseName(words.join(' '));
    // "De Croo" is the end of "Alexander De Croo" even though "Prime Minister De Croo" made it a name of its own.
    const full = (words.length > 1 ? only(this.byTail.get(whole)) : undefined) ?? this.fullNames.get(whole);
    if (full || words.length !== 1) return full;
    const bySurname = this.bySurname.get(whole);
    if (bySurname) return only(bySurname);
    const byFirstName = only(this.byFirstName.get(whole));
    if (byFirstName) return byFirstName;
    return this.singleNames.has(whole) ? keyOf('person', whole) : undefined;
  }

  /** Surname-only keys the file resolves to one full name. */
  getAliases(): Map<string, string> {
    const aliases = new Map<string, string>();
    for (const [surname, keys] of this.bySurname) if (keys.size === 1) aliases.set(keyOf('person', surname), [...keys][0]);
    return aliases;
  }
}

function only(keys: ReadonlySet<string> | undefined): string | undefined {
  return keys?.size === 1 ? [...keys][0] : undefined;
}

function addTo(map: Map<string, Set<string>>, word: string, key: string): void {
  const set = map.get(word) ?? new Set<string>();
  set.add(key);
  map.set(word, set);
}
