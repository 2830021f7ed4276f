// Countries, their capitals, demonyms and world regions from the `world-countries` package: a maintained data
// set (names, official names, alternative spellings, capitals, English demonyms) instead of lists typed here.
// Lookups are by a name's first word, then the longest phrase wins: no regular expression over the gazetteer.

import countries from 'world-countries';
import { normaliseName } from './entityModel';

export interface GazetteerEntry {
  readonly kind: 'country' | 'capital' | 'demonym' | 'region' | 'abbreviation' | 'code';
  /** cca3 of the country ("UKR"), or the region's name for regions. */
  readonly id: string;
  /** The country's common name ("Ukraine"), or the region's name. */
  readonly countryName: string;
  /** The phrase as normalised words. */
  readonly words: readonly string[];
}

export interface Gazetteer {
  /** Phrases starting with this normalised word, longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly GazetteerEntry[]>;
  getCountryName(id: string): string | undefined;
}

let built: Gazetteer | undefined;

export function getGazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

// "Republic of Turkey" also names "Turkey"; "Kingdom of the Netherlands" also names "Netherlands".
const STATE_FORM =
  /^(?:the )?(?:(?:\p{L}+ )?(?:republic|kingdom|state|federation|commonwealth|principality|sultanate|emirate|grand duchy) of (?:the )?)(.+)$/iu;

function buildGazetteer(): Gazetteer {
  const byFirstWord = new Map<string, GazetteerEntry[]>();
  const seen = new Set<string>();
  const add = (kind: GazetteerEntry['kind'], id: string, countryName: string, phrase: string) => {
    const normalised = normaliseName(phrase);
    if (!normalised || !/^[\p{L}\p{N}' -]+$/u.test(normalised)) return; // non-Latin scripts, punctuation
    const dedupeKey = `${normalised}`;
    // The first country to claim a name keeps it: independent states are added first.
    if (seen.has(dedupeKey)) return;
    seen.add(dedupeKey);
    const wordsOf = normalised.split(/[\s-]+/);
    const list = byFirstWord.get(wordsOf[0]) ?? [];
    list.push({ kind, id, countryName, words: wordsOf });
    byFirstWord.set(wordsOf[0], list);
  };
  const ordered = [...countries].sort((a, b) => Number(b.independent) - Number(a.independent));
  const names = new Map<string, string>();
  for (const country of ordered) {
    const id = country.cca3;
    const common = country.name.common;
    names.set(id, common);
    const spellings = [common, country.name.official, ...country.altSpellings.filter((s) => s.length > 3 || /^[A-Z]{2,}$/.test(s))];
    for (const spelling of spellings) {
      if (/^[A-Z]{2,}$/.test(spelling)) {
        // "UK", "USA", "DPRK": an abbreviation; a two-letter ISO code only counts written with dots or after "the".
        add(spelling === country.cca2 ? 'code' : 'abbreviation', id, common, spelling);
      } else if (!spelling.includes(',')) {
        add('country', id, common, spelling);
        const shortForm = STATE_FORM.exec(spelling)?.[1];
        if (shortForm) add('country', id, common, shortForm);
      }
    }
    // The two-letter code of a major state written "U.S.", "the US": kept as a code, checked by the recogniser.
    add('code', id, common, country.cca2);
  }
  for (const country of ordered) {
    for (const capital of country.capital ?? []) add('capital', country.cca3, country.name.common, capital);
    // "Philippine Secretary of National Defense": a plural country name drops its "s" as an adjective, whatever
    // demonym the package gives ("Filipino").
    const common = country.name.common;
    if (/^\p{Lu}\p{Ll}+(?:es|ands)$/u.test(common)) add('demonym', country.cca3, common, common.slice(0, -1));
    const demonym = country.demonyms?.eng;
    if (demonym) {
      for (const form of new Set([demonym.m, demonym.f])) {
        add('demonym', country.cca3, country.name.common, form);
        add('demonym', country.cca3, country.name.common, form.endsWith('s') ? form : `${form}s`);
      }
    }
  }
  for (const region of new Set(countries.flatMap((c) => [c.region, c.subregion]).filter(Boolean))) add('region', region, region, region);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, getCountryName: (id) => names.get(id) };
}

/** The longest gazetteer phrase starting at `words[at]` (normalised words), or undefined. */
export function findGazetteerPhrase(gazetteer: Gazetteer, words: readonly string[], at: number): GazetteerEntry | undefined {
  for (const entry of gazetteer.byFirstWord.get(words[at]) ?? []) {
    if (entry.words.every((word, i) => words[at + i] === word)) return entry;
  }
  return undefined;
}
