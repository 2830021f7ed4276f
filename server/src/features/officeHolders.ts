// Who held an office on a given day, from the terms of office in annotations/entities.yaml. A title-only mention
// ("the President", "the Secretary") of an office the publisher holds, or that no holder named before it in its
// release explains, is the publisher's own office holder at the release's date: a White House text's "the
// President" on 2025-02-21 is the US President of that day. A title written in full ("the President of the
// European Council") is that office's holder whoever publishes it.

import { EntityRecord, RoleTerm } from '../annotations/entityFile';
import { Mention, normaliseName, ReleaseContext } from '../corpus/entities/entityModel';
import { PORTFOLIO_WORDS } from '../corpus/entities/lexicon';
import { getRoleHead, normaliseRole, normaliseRoleInOrder } from '../corpus/entities/roles';

export interface OfficeHolding {
  readonly record: EntityRecord;
  readonly term: RoleTerm;
}

export class OfficeHolders {
  private readonly termsByOffice = new Map<string, OfficeHolding[]>(); // normalised role → holdings
  private readonly officesByPublisher = new Map<string, readonly string[]>(); // normalised name or alias → offices

  constructor(records: readonly EntityRecord[]) {
    for (const record of records) {
      for (const term of record.terms) {
        const office = normaliseRole(term.role);
        this.termsByOffice.set(office, [...(this.termsByOffice.get(office) ?? []), { record, term }]);
      }
      if (!record.offices.length) continue;
      for (const name of [record.name, ...record.aliases])
        if (!this.officesByPublisher.has(normaliseName(name))) this.officesByPublisher.set(normaliseName(name), record.offices);
    }
  }

  /**
   * The holder a title-only mention means, or undefined when the knowledge base cannot tell. A holder named before
   * the title explains it, except where the publisher has an office of that title: publishers name other countries'
   * leaders in full ("President Macron of France") and keep the bare title for their own, so a White House text's
   * "the President" after "President Macron" is still the US President of the day.
   */
  findHolderOfTitle(mention: Mention): OfficeHolding | undefined {
    if (mention.form !== 'title' || !mention.role) return undefined;
    const date = mention.release?.date;
    // "Mr. President" addresses the listener, who in a leaders' exchange is often the other President: the
    // holder named before it stands.
    if (mention.holderFound === 'named-before' && (!date || /^(?:mister|madam|mr|ms|mrs)\b/i.test(mention.role))) return undefined;
    const offices =
      mention.holderFound === 'named-before'
        ? this.findOfficesOverNamedHolder(mention.role, mention.release)
        : this.findOfficesMeant(mention.role, mention.release);
    for (const office of offices) {
      const holding = this.findHolderAt(office, date);
      if (holding) return holding;
    }
    return undefined;
  }

  /** The publisher's offices this title names (head and words agree), else the office written in full. */
  private findOfficesMeant(role: string, release: ReleaseContext | undefined): string[] {
    const own = this.findPublisherOffices(role, release);
    return own.length ? own : this.findOfficeWrittenOut(role);
  }

  /**
   * The one known office a title with a complement names: "the President of the Commission" is the President of
   * the European Commission when no other office with that head has those words.
   */
  private findOfficeWrittenOut(role: string): string[] {
    const normalised = normaliseRole(role);
    if (this.termsByOffice.has(normalised)) return [role];
    const head = getRoleHead(role);
    if (normalised === head) return [];
    const words = normalised.split(' ');
    const offices = [...this.termsByOffice.entries()]
      .filter(([office, holdings]) => getRoleHead(holdings[0].term.role) === head && words.every((w) => office.split(' ').includes(w)))
      .map(([, holdings]) => holdings[0].term.role);
    return offices.length === 1 ? offices : [];
  }

  /**
   * The offices that outrank a holder named before the title: the publisher's own, or an office the text writes
   * in full ("the President of the United States" after "President Zelenskyy").
   */
  private findOfficesOverNamedHolder(role: string, release: ReleaseContext | undefined): string[] {
    const own = this.findPublisherOffices(role, release);
    if (own.length) return own;
    return normaliseRole(role) !== getRoleHead(role) ? this.findOfficeWrittenOut(role) : [];
  }

  private findPublisherOffices(role: string, release: ReleaseContext | undefined): string[] {
    const head = getTitleWithoutPortfolio(role);
    const words = normaliseRoleInOrder(role).split(' ');
    const publisherWords = new Set(normaliseName(release?.publisher ?? '').split(/\s+/));
    return this.getPublisherOffices(release?.publisher).filter((office) => {
      // In the order written: the words before the title's head are its qualifiers.
      const officeWords = normaliseRoleInOrder(office).split(' ');
      // "White House Press Secretary" is "the Press Secretary", not "the Secretary": words before the head that
      // are not the publisher's own name qualify the office and must be written.
      const qualifiers = officeWords.slice(0, Math.max(0, officeWords.indexOf(head.split(' ')[0])));
      return (
        getTitleWithoutPortfolio(office) === head &&
        words.every((w) => officeWords.includes(w)) &&
        qualifiers.every((w) => words.includes(w) || publisherWords.has(w))
      );
    });
  }

  private getPublisherOffices(publisher: string | undefined): readonly string[] {
    if (!publisher) return [];
    // "WH, 6-12-24": a reposting blog writes the publisher before a comma and a date.
    return this.officesByPublisher.get(normaliseName(publisher)) ?? this.officesByPublisher.get(normaliseName(publisher.split(',')[0])) ?? [];
  }

  /** The holder on that day; without a date, only an office one person has held is certain. */
  private findHolderAt(office: string, date: string | undefined): OfficeHolding | undefined {
    const holdings = this.termsByOffice.get(normaliseRole(office)) ?? [];
    if (!date) return new Set(holdings.map((h) => h.record.id)).size === 1 ? holdings[0] : undefined;
    // The day power changes hands belongs to the incoming holder: a term's `to` day is the next term's `from`.
    return holdings.find((h) => isWithin(h.term, date));
  }
}

/**
 * The title words of a role without the portfolio before them: "the Foreign Minister" has the title of the
 * "Minister for Foreign Affairs", "the Defence Secretary" that of the "Secretary of State for Defence".
 */
function getTitleWithoutPortfolio(role: string): string {
  const words = getRoleHead(role).split(' ');
  let first = 0;
  while (first < words.length - 1 && PORTFOLIO_WORDS.has(words[first])) first++;
  return words.slice(first).join(' ');
}

/** The term an entry held on that date, for the hover of a title-only mention. */
export function getTermHeldOn(record: EntityRecord, date: string | undefined): RoleTerm | undefined {
  return date ? record.terms.find((term) => (term.from || term.to) && isWithin(term, date)) : undefined;
}

function isWithin(term: RoleTerm, date: string): boolean {
  return (!term.from || term.from <= date) && (!term.to || date < term.to);
}
