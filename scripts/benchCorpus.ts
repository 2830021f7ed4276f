// The bench's synthetic corpus: press releases shaped like the seeds (title, "Source:" line, dated paragraphs,
// quotes, titled people), with distinct people, places, organisations and sentences drawn from word lists by a
// seeded random generator, and now and then a sentence of the seeds (each recurs in many releases, as stock lines
// do) or a talking point (a seed sentence with most words changed, said in 2 or 3 releases, verbatim or with one word
// changed, as talking points recur). Entity popularity is skewed (a few people appear everywhere, most rarely), as
// in a real archive. Writes the files and remembers where names and talking points were written, so requests can
// aim at them.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NamePosition {
  readonly line: number;
  readonly character: number;
  readonly name: string;
}

/** Where a talking point was written: `id` names the talking point, `near` a copy with one word changed. */
export interface PassagePosition {
  readonly line: number;
  readonly character: number;
  readonly id: number;
  readonly near: boolean;
}

export interface BenchFile {
  readonly relativePath: string;
  readonly bytes: number;
  /** Some places where a person's name was written (line and UTF-16 column). */
  readonly names: readonly NamePosition[];
  /** Every place a talking point was written. */
  readonly passages: readonly PassagePosition[];
}

interface TalkingPoint {
  readonly id: number;
  readonly words: readonly string[];
  usesLeft: number;
  /** The release it was last said in: a release repeating itself is no cross-reference. */
  lastRelease: number;
}

/** Share of sentences that are talking points, and of those the share that repeats one already said. */
const TALKING_POINT_SHARE = 0.03;
const TALKING_POINT_REPEAT_SHARE = 0.6;
/** A talking point copy with one word changed, as a summary edits it; the rest are verbatim. */
const NEAR_COPY_SHARE = 0.4;

const FIRST =
  'Anna Lars Maria Jonas Elena Tomas Sofia Mikael Ingrid Pavel Olga Henrik Marta Karin Ahmed Leila Carlos Lucia Peter Nadia Viktor Helena Stefan Irene Rafael Zofia Dmitri Marco Amira Jorge Hanna Oskar Petra Luca Ines Milan Teresa Arvid Noura Emil'.split(
    ' ',
  );
const SYLLABLES = 'ber gen sto lin mar kov dal hol man ter vik sen ros ani lou rey tin sal dor ven kas mir ola pet rud'.split(' ');
const ROLES = [
  'Minister of Defence',
  'Minister of Foreign Affairs',
  'Prime Minister',
  'President',
  'Secretary General',
  'Deputy Secretary General',
  'Ambassador',
  'Chief of Defence',
  'Admiral',
  'Minister of Energy',
  'Director General',
  'Spokesperson',
];
const ORGANISATIONS = [
  'NATO',
  'the European Commission',
  'the United Nations',
  'the Council of Europe',
  'the World Bank',
  'the Atlantic Council',
  'the Nordic Council',
  'the African Union',
  'the OSCE',
  'the Ministry of Defence',
  'the International Energy Agency',
  'the Baltic Assembly',
];
const SOURCES = ['NATO', 'Ministry of Defence', 'European Commission', 'Department of State', 'United Nations', 'Government Offices'];
const PLACES = [
  'Brussels',
  'Vilnius',
  'Oslo',
  'Madrid',
  'Warsaw',
  'Tallinn',
  'Riga',
  'Helsinki',
  'Rome',
  'Ankara',
  'Bucharest',
  'Sofia',
  'Prague',
  'Lisbon',
  'Athens',
  'Copenhagen',
  'Nouakchott',
  'Rabat',
  'Tunis',
  'Kyiv',
  'Chisinau',
  'Tbilisi',
  'Geneva',
  'Vienna',
];
const COUNTRIES = [
  'Norway',
  'Ukraine',
  'Poland',
  'Germany',
  'Estonia',
  'Latvia',
  'Lithuania',
  'Finland',
  'Sweden',
  'Spain',
  'Italy',
  'Portugal',
  'Greece',
  'Mauritania',
  'Morocco',
  'Georgia',
  'Moldova',
  'Romania',
  'Bulgaria',
  'Czechia',
  'Denmark',
  'Canada',
  'Japan',
  'Australia',
];
const VERBS = ['welcomed', 'met', 'visited', 'addressed', 'thanked', 'received', 'called on', 'praised', 'briefed', 'hosted'];
const TOPICS = [
  'air defence',
  'energy security',
  'cyber resilience',
  'maritime security',
  'support to Ukraine',
  'defence spending',
  'critical infrastructure',
  'arms control',
  'climate and security',
  'military mobility',
  'innovation',
  'partnership with the Sahel',
  'hybrid threats',
  'space policy',
];
const ADJECTIVES = ['strong', 'steady', 'unwavering', 'practical', 'close', 'growing', 'long-standing', 'concrete', 'lasting', 'shared'];
const NOUNS = ['cooperation', 'commitment', 'support', 'partnership', 'investment', 'unity', 'readiness', 'dialogue', 'deterrence', 'solidarity'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  readonly first: string;
  readonly surname: string;
  readonly role: string;
}

/** Writes press releases one after another, keeping track of lines so name positions are known. */
class ReleaseWriter {
  private readonly parts: string[] = [];
  private line = 0;
  private column = 0;
  readonly names: NamePosition[] = [];
  readonly passages: PassagePosition[] = [];
  bytes = 0;

  write(text: string): void {
    this.parts.push(text);
    this.bytes += Buffer.byteLength(text);
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak < 0) this.column += text.length;
    else {
      for (let i = 0; i <= lastBreak; i++) if (text.charCodeAt(i) === 10) this.line++;
      this.column = text.length - lastBreak - 1;
    }
  }

  writeName(name: string): void {
    this.names.push({ line: this.line, character: this.column + 1, name });
    this.write(name);
  }

  writePassage(text: string, id: number, near: boolean): void {
    this.passages.push({ line: this.line, character: this.column + 1, id, near });
    this.write(text);
  }

  get text(): string {
    return this.parts.join('');
  }
}

export class BenchCorpusGenerator {
  private readonly random: () => number;
  private readonly people: Person[] = [];
  private readonly seedSentences: string[];
  private readonly seedWords: string[];
  /** Seed sentences long enough to stay near copies with a word changed, of words and commas only (one sentence each). */
  private readonly talkingPointSeeds: string[];
  private readonly talkingPoints: TalkingPoint[] = [];
  private talkingPointCount = 0;
  private releaseCount = 0;
  /** How often each person's full name was written: the most-mentioned one is the references case. */
  readonly mentionsByName = new Map<string, number>();
  /** How many releases each talking point was written in (once, when the corpus ended before its repeats). */
  readonly talkingPointUses = new Map<number, number>();

  constructor(seed: number, seedsDir: string, peopleCount = 3000) {
    this.random = createRandom(seed);
    for (let i = 0; i < peopleCount; i++) {
      const surname = this.pick(SYLLABLES) + this.pick(SYLLABLES) + (this.random() < 0.5 ? this.pick(SYLLABLES) : '');
      this.people.push({ first: this.pick(FIRST), surname: surname[0].toUpperCase() + surname.slice(1), role: this.pick(ROLES) });
    }
    this.seedSentences = readdirSync(seedsDir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(join(seedsDir, name), 'utf8').split(/(?<=[.!?])\s+|\n/))
      .filter((sentence) => sentence.length > 40 && sentence.length < 300 && /[.!?]$/.test(sentence));
    this.seedWords = [...new Set(this.seedSentences.join(' ').match(/(?<!\p{L})\p{Ll}{4,}(?!\p{L})/gu) ?? [])];
    this.talkingPointSeeds = this.seedSentences.filter((sentence) => sentence.split(' ').length >= 12 && /^[\p{L}\p{N} ,’'-]+\.$/u.test(sentence));
  }

  /** A file of press releases of roughly `targetBytes`. */
  generateFile(targetBytes: number): { text: string; names: NamePosition[]; passages: PassagePosition[]; bytes: number } {
    const writer = new ReleaseWriter();
    while (writer.bytes < targetBytes) {
      if (writer.bytes > 0) writer.write('\n\n');
      this.writeRelease(writer);
    }
    return { text: writer.text, names: writer.names, passages: writer.passages, bytes: writer.bytes };
  }

  /** Writes `totalBytes` of corpus as files of about `fileBytes` under `folder`/seeds. */
  writeCorpus(folder: string, totalBytes: number, fileBytes: number, prefix: string): BenchFile[] {
    mkdirSync(join(folder, 'seeds'), { recursive: true });
    const files: BenchFile[] = [];
    let written = 0;
    while (written < totalBytes) {
      const size = Math.round(fileBytes * (0.4 + this.random() * 1.2));
      files.push(this.writeFile(folder, `seeds/${prefix}${String(files.length).padStart(5, '0')}.txt`, Math.min(size, totalBytes - written + 500)));
      written += files[files.length - 1].bytes;
    }
    return files;
  }

  writeFile(folder: string, relativePath: string, targetBytes: number): BenchFile {
    const { text, names, passages, bytes } = this.generateFile(targetBytes);
    writeFileSync(join(folder, relativePath), text);
    // Keep a sample of name positions per file: enough to aim requests, small enough for 100 MB.
    const step = Math.max(1, Math.floor(names.length / 40));
    return { relativePath, bytes, names: names.filter((_, i) => i % step === 0), passages };
  }

  private writeRelease(w: ReleaseWriter): void {
    this.releaseCount++;
    const host = this.pickPerson();
    const guest = this.pickPerson();
    const place = this.pick(PLACES);
    const date = `${1 + Math.floor(this.random() * 28)} ${this.pick(MONTHS)} ${2015 + Math.floor(this.random() * 10)}`;
    w.write(
      `${host.role} ${host.surname} ${this.pick(VERBS)} ${guest.role.toLowerCase()} of ${this.pick(COUNTRIES)} in ${place}\n\nSource: ${this.pick(SOURCES)}\n\n`,
    );
    w.write(`${host.role} `);
    this.writePersonName(w, host);
    w.write(` ${this.pick(VERBS)} ${guest.role} `);
    this.writePersonName(w, guest);
    w.write(` of ${this.pick(COUNTRIES)} in ${place} on ${this.pick(WEEKDAYS)} (${date}) to discuss ${this.pick(TOPICS)}.`);
    const paragraphs = 3 + Math.floor(this.random() * 6);
    for (let p = 0; p < paragraphs; p++) {
      w.write('\n\n');
      const sentences = 2 + Math.floor(this.random() * 4);
      for (let s = 0; s < sentences; s++) {
        if (s > 0) w.write(' ');
        this.writeSentence(w, [host, guest]);
      }
    }
  }

  private writeSentence(w: ReleaseWriter, speakers: Person[]): void {
    const roll = this.random();
    const person = this.random() < 0.7 ? this.pick(speakers) : this.pickPerson();
    if (roll < TALKING_POINT_SHARE && this.talkingPointSeeds.length) this.writeTalkingPoint(w);
    else if (roll < 0.15 && this.seedSentences.length) w.write(this.pick(this.seedSentences));
    else if (roll < 0.4) {
      w.write(`“Our ${this.pick(NOUNS)} on ${this.pick(TOPICS)} must stay ${this.pick(ADJECTIVES)},” said Mr ${person.surname}.`);
    } else if (roll < 0.65) {
      w.write(`${person.role} `);
      this.writePersonName(w, person);
      w.write(` underlined the ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)} between ${this.pick(COUNTRIES)} and ${this.pick(ORGANISATIONS)}.`);
    } else if (roll < 0.85) {
      w.write(
        `Talks in ${this.pick(PLACES)} focused on ${this.pick(TOPICS)} and the ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)} of ${this.pick(ORGANISATIONS)}.`,
      );
    } else {
      w.write(
        `${this.pick(COUNTRIES)} announced new ${this.pick(NOUNS)} for ${this.pick(TOPICS)}, worth ${1 + Math.floor(this.random() * 900)} million euros.`,
      );
    }
  }

  /** A new talking point (a seed sentence with most of its lowercase words changed, so it is no copy of a stock line), or a repeat. */
  private writeTalkingPoint(w: ReleaseWriter): void {
    const index = Math.floor(this.random() * this.talkingPoints.length);
    const point = this.talkingPoints[index];
    if (point && point.lastRelease !== this.releaseCount && this.random() < TALKING_POINT_REPEAT_SHARE) {
      if (--point.usesLeft === 0) this.talkingPoints.splice(index, 1);
      point.lastRelease = this.releaseCount;
      const near = this.random() < NEAR_COPY_SHARE;
      const words = [...point.words];
      if (near) {
        const at = Math.floor(words.length / 3 + this.random() * (words.length / 3));
        words[at] = this.pickOther(this.seedWords, words[at]);
      }
      this.talkingPointUses.set(point.id, (this.talkingPointUses.get(point.id) ?? 0) + 1);
      w.writePassage(`${words.join(' ')}.`, point.id, near);
      return;
    }
    const seed = this.pick(this.talkingPointSeeds);
    const words = seed
      .slice(0, -1)
      .split(' ')
      .map((word) => (this.random() < 0.6 && /^\p{Ll}+$/u.test(word) ? this.pick(this.seedWords) : word));
    const created = { id: this.talkingPointCount++, words, usesLeft: this.random() < 0.4 ? 2 : 1, lastRelease: this.releaseCount };
    this.talkingPoints.push(created);
    this.talkingPointUses.set(created.id, 1);
    w.writePassage(`${words.join(' ')}.`, created.id, false);
  }

  private writePersonName(w: ReleaseWriter, person: Person): void {
    const name = `${person.first} ${person.surname}`;
    this.mentionsByName.set(name, (this.mentionsByName.get(name) ?? 0) + 1);
    w.writeName(name);
  }

  /** Skewed popularity: low indexes are picked far more often than high ones. */
  private pickPerson(): Person {
    return this.people[Math.floor(this.people.length * this.random() ** 3)];
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  private pickOther(list: readonly string[], not: string): string {
    const picked = this.pick(list);
    return picked === not ? this.pick(list.filter((word) => word !== not)) : picked;
  }
}
