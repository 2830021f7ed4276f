// The bench's synthetic corpus: press releases shaped like the seeds (title, "Source:" line, dated paragraphs,
// quotes, titled people), with distinct people, places, organisations and sentences drawn from word lists by a
// seeded random generator, and now and then a sentence of the seeds. Entity popularity is skewed (a few people
// appear everywhere, most rarely), as in a real archive. Writes the files and remembers where names were written,
// so requests can aim at them.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NamePosition {
  readonly line: number;
  readonly character: number;
  readonly name: string;
}

export interface BenchFile {
  readonly relativePath: string;
  readonly bytes: number;
  /** Some places where a person's name was written (line and UTF-16 column). */
  readonly names: readonly NamePosition[];
}

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

  get text(): string {
    return this.parts.join('');
  }
}

export class BenchCorpusGenerator {
  private readonly random: () => number;
  private readonly people: Person[] = [];
  private readonly seedSentences: string[];
  /** How often each person's full name was written: the most-mentioned one is the references case. */
  readonly mentionsByName = new Map<string, number>();

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
  }

  /** A file of press releases of roughly `targetBytes`. */
  generateFile(targetBytes: number): { text: string; names: NamePosition[]; bytes: number } {
    const writer = new ReleaseWriter();
    while (writer.bytes < targetBytes) {
      if (writer.bytes > 0) writer.write('\n\n');
      this.writeRelease(writer);
    }
    return { text: writer.text, names: writer.names, bytes: writer.bytes };
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
    const { text, names, bytes } = this.generateFile(targetBytes);
    writeFileSync(join(folder, relativePath), text);
    // Keep a sample of name positions per file: enough to aim requests, small enough for 100 MB.
    const step = Math.max(1, Math.floor(names.length / 40));
    return { relativePath, bytes, names: names.filter((_, i) => i % step === 0) };
  }

  private writeRelease(w: ReleaseWriter): void {
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
    if (roll < 0.15 && this.seedSentences.length) w.write(this.pick(this.seedSentences));
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
}
